package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gex.ChainSourceException;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.NoUsableContractsException;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.json.GexJson;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz: real files (the first rows of {@code data/cboe-spx-2022-12-12.csv}, the first options of {@code
 * data/cboe-rut-2023-09-20.json}, and the same SPX rows converted to the plain {@code csv} layout) damaged
 * in thousands of seeded ways ({@link Mutation}: byte flips, truncation, deleted and duplicated lines,
 * swapped columns, NaN, infinities, -0, 1e-320, 1e308 and huge integers, empty fields, byte-order marks,
 * CR/CRLF, very long lines, deep JSON nesting, wrong JSON types, far years), each parsed, analysed and
 * written as JSON. Every case must end in one of the documented ways: a chain that is analysed and written
 * with no NaN or infinity in its JSON, {@link NoUsableContractsException}, or {@link ChainSourceException}
 * naming where in the file; never any other exception, and never a hang (each batch runs under a preemptive
 * timeout).
 *
 * <p>Cases per format: system property {@code gex.fuzz.cases} (the default build runs 2,000; {@code -Pfuzz}
 * runs 10,000). Seed: {@code gex.fuzz.seed}. A one-line summary per format goes to the console. A failing
 * case is written to {@code target/fuzz-failures/} for reproduction.
 */
class ParseAnalyseFuzzTest {

  private static final int CASES = Integer.getInteger("gex.fuzz.cases", 2_000);
  private static final long SEED = Long.getLong("gex.fuzz.seed", 20261124L);
  private static final int BATCH = 250;

  /** Generous: a batch of 250 cases takes about a second; a hang is what this catches. */
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(120);

  private static final GexEngine ENGINE = GexEngine.builder().build();
  private static final JsonFactory STRICT = new JsonFactory();
  private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

  @TempDir static Path dir;

  private static byte[] spxCsv;
  private static byte[] rutJson;
  private static byte[] plainCsv;

  @BeforeAll
  static void inputs() throws IOException {
    // The SPX file's preamble, header and first 150 rows (300 contracts).
    try (var lines = Files.lines(TestData.spxCsv())) {
      spxCsv = (String.join("\n", lines.limit(154).toList()) + "\n").getBytes(StandardCharsets.UTF_8);
    }
    // The RUT file with its first 150 options.
    String json = Files.readString(TestData.rutJson());
    int cut = json.indexOf("\"options\":[");
    for (int i = 0; i < 150; i++) {
      cut = json.indexOf("},{\"option\"", cut + 1);
    }
    int tail = json.indexOf("}],\"symbol\":\"^RUT\"");
    rutJson = (json.substring(0, cut + 1) + json.substring(tail + 1)).getBytes(StandardCharsets.UTF_8);
    plainCsv = toPlainCsv(load(new CboeCsvSource(), spxCsv, "spx-source"));
  }

  /** A real chain in the plain {@code csv} layout, every field the format has. */
  static byte[] toPlainCsv(OptionChain chain) {
    StringBuilder csv =
        new StringBuilder()
            .append("# underlying=").append(chain.underlying()).append('\n')
            .append("# spot=").append(chain.spot()).append('\n')
            .append("# valuation_time=").append(chain.valuationTime()).append('\n')
            .append("occ,open_interest,implied_volatility,bid,ask,last,volume,delta,gamma,settlement\n");
    for (OptionContract c : chain.contracts()) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%s,%s,%s,%s,%s,%s,%s,%s%n",
              c.symbol(),
              c.openInterest(),
              c.impliedVolatility(),
              c.bid().isPresent() ? Double.toString(c.bid().getAsDouble()) : "",
              c.ask().isPresent() ? Double.toString(c.ask().getAsDouble()) : "",
              c.last().isPresent() ? Double.toString(c.last().getAsDouble()) : "",
              c.volume().isPresent() ? Long.toString(c.volume().getAsLong()) : "",
              c.vendorDelta().isPresent() ? Double.toString(c.vendorDelta().getAsDouble()) : "",
              c.vendorGamma().isPresent() ? Double.toString(c.vendorGamma().getAsDouble()) : "",
              c.settlement()));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unmangledInputs_areAnalysedCleanly() {
    for (var input : List.of(
        Map.entry((OptionChainSource) new CboeCsvSource(), spxCsv),
        Map.entry((OptionChainSource) new CboeJsonSource(), rutJson),
        Map.entry((OptionChainSource) new CsvChainSource(), plainCsv))) {
      OptionChain chain = load(input.getKey(), input.getValue(), "clean");
      assertThat(chain.diagnostics()).as(input.getKey().id()).isEmpty();
      assertThat(chain.contracts()).hasSizeGreaterThanOrEqualTo(150);
      assertFiniteJson(GexJson.toBytes(ENGINE.analyze(chain)));
    }
  }

  @Test
  void cboeCsv_mangled_endsOnlyInDocumentedWays() {
    fuzz(new CboeCsvSource(), spxCsv, 1);
  }

  @Test
  void cboeJson_mangled_endsOnlyInDocumentedWays() {
    fuzz(new CboeJsonSource(), rutJson, 2);
  }

  @Test
  void csv_mangled_endsOnlyInDocumentedWays() {
    fuzz(new CsvChainSource(), plainCsv, 3);
  }

  private static void fuzz(OptionChainSource source, byte[] original, long stream) {
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    long[] slowest = {0};
    long[] phases = new long[4]; // mutate, parse, analyse, write: nanoseconds
    for (int from = 0; from < CASES; from += BATCH) {
      int first = from;
      int last = Math.min(CASES, from + BATCH);
      assertTimeoutPreemptively(
          BATCH_TIMEOUT,
          () -> {
            for (int i = first; i < last; i++) {
              long t0 = System.nanoTime();
              String outcome = runCase(source, original, stream, i, failures, phases);
              slowest[0] = Math.max(slowest[0], System.nanoTime() - t0);
              outcomes.merge(outcome, 1, Integer::sum);
            }
          },
          () -> source.id() + ": a batch of cases from " + first + " did not finish in " + BATCH_TIMEOUT);
    }
    System.out.printf(
        Locale.ROOT,
        "fuzz %s: %d cases (seed %d) in %.1f s (mutate %.1f, parse %.1f, analyse %.1f, write %.1f),"
            + " slowest %.0f ms: %s%n",
        source.id(),
        CASES,
        SEED,
        (System.nanoTime() - start) / 1e9,
        phases[0] / 1e9,
        phases[1] / 1e9,
        phases[2] / 1e9,
        phases[3] / 1e9,
        slowest[0] / 1e6,
        outcomes);
    assertThat(failures).as(source.id() + " undocumented outcomes").isEmpty();
    // The damage is neither always fatal nor always harmless.
    assertThat(outcomes.getOrDefault("analysed", 0)).isPositive();
    assertThat(outcomes.getOrDefault("rejected by the source", 0)).isPositive();
  }

  /** One case: mutate, parse, analyse, write; returns the outcome's kind. */
  private static String runCase(
      OptionChainSource source,
      byte[] original,
      long stream,
      int index,
      List<String> failures,
      long[] phases) {
    long t0 = System.nanoTime();
    SplittableRandom r = new SplittableRandom(SEED * 31 + stream * 1_000_003L + index);
    byte[] input = original;
    List<Mutation> applied = new ArrayList<>();
    for (int k = 0, n = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0); k < n; k++) {
      Mutation m = Mutation.values()[r.nextInt(Mutation.values().length)];
      input = m.apply(input, r);
      applied.add(m);
    }
    String name = source.id() + "-" + index;
    long t1 = System.nanoTime();
    phases[0] += t1 - t0;
    try {
      OptionChain chain;
      try {
        chain = load(source, input, name);
      } catch (ChainSourceException e) {
        phases[1] += System.nanoTime() - t1;
        String message = String.valueOf(e.getMessage());
        if (!namesWhere(message)) {
          fail(failures, name, applied, input, "a rejection that does not say where: " + message);
        }
        return "rejected by the source";
      }
      long t2 = System.nanoTime();
      phases[1] += t2 - t1;
      GexAnalysis analysis;
      try {
        analysis = ENGINE.analyze(chain);
      } catch (NoUsableContractsException e) {
        phases[2] += System.nanoTime() - t2;
        return "no usable contracts";
      }
      long t3 = System.nanoTime();
      phases[2] += t3 - t2;
      String problem = nonFiniteIn(GexJson.toBytes(analysis));
      phases[3] += System.nanoTime() - t3;
      if (problem != null) {
        fail(failures, name, applied, input, problem);
      }
      return chain.diagnostics().isEmpty() ? "analysed" : "analysed with diagnostics";
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      fail(failures, name, applied, input, e.toString());
      return "FAILED " + e.getClass().getSimpleName();
    }
  }

  /**
   * Whether a rejection names a place: a line (CSV, JSON positions are given as line and column), a JSON
   * field path, or the whole file's shape (empty, no header).
   */
  static boolean namesWhere(String message) {
    return message.contains("line ")
        || message.contains("data.")
        || message.contains("no header")
        || message.contains("empty input")
        || message.contains(" is empty (") // the whole file: ChainSources names it and its size
        || message.contains("header");
  }

  private static void fail(
      List<String> failures, String name, List<Mutation> applied, byte[] input, String problem) {
    synchronized (failures) {
      failures.add(name + " " + applied + ": " + problem);
      if (failures.size() <= 20) {
        try {
          Path out = Path.of("target", "fuzz-failures");
          Files.createDirectories(out);
          Files.write(out.resolve(name), input);
        } catch (IOException e) {
          failures.add("cannot save " + name + ": " + e);
        }
      }
    }
  }

  static void assertFiniteJson(byte[] json) {
    assertThat(nonFiniteIn(json)).isNull();
  }

  /**
   * The JSON pointer of the first NaN or infinite number in an analysis's JSON, or null when there is none.
   * Streamed: Jackson writes a non-finite double as the string {@code "NaN"} or {@code "Infinity"}, and a
   * strict parser refuses a bare {@code NaN}; the diagnostics may hold such text legitimately (a field's
   * value as read), so they are skipped.
   */
  static @Nullable String nonFiniteIn(byte[] json) {
    try (JsonParser p = STRICT.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME && "diagnostics".equals(p.currentName())) {
          p.nextToken();
          p.skipChildren();
        } else if ((t == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(p.getDoubleValue()))
            || (t == JsonToken.VALUE_STRING && NON_FINITE.contains(p.getText()))) {
          return p.getParsingContext().pathAsPointer() + " = " + p.getText();
        }
      }
      return null;
    } catch (IOException e) {
      return "the analysis's JSON does not parse strictly: " + e.getMessage();
    }
  }

  static OptionChain load(OptionChainSource source, byte[] content, String name) {
    Path file = dir.resolve(name);
    try {
      Files.write(file, content);
      return source.load(SourceRequest.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp dir; JUnit removes it
      }
    }
  }
}

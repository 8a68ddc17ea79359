package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.ChainSourceException;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever is done to a real file (truncated, bytes flipped or inserted, lines dropped or
 * repeated, a column dropped or duplicated), a parser either returns a chain (with diagnostics for what it
 * skipped) or throws {@link ChainSourceException}; never any other exception.
 */
class MangledInputPropertyTest {

  private static final int EXAMPLES = 400;

  @TempDir static Path dir;

  private static byte[] spxCsv;
  private static byte[] rutJson;
  private static byte[] plainCsv;
  private static final AtomicInteger FILES = new AtomicInteger();

  @BeforeAll
  static void inputs() throws IOException {
    // Small but real: the SPX file's first 150 data rows; the RUT file with its first 120 options.
    try (var lines = Files.lines(TestData.spxCsv())) {
      spxCsv = (String.join("\n", lines.limit(154).toList()) + "\n").getBytes(StandardCharsets.UTF_8);
    }
    String json = Files.readString(TestData.rutJson());
    int start = json.indexOf("\"options\":[") + "\"options\":[".length();
    int cut = start;
    for (int i = 0; i < 120; i++) {
      cut = json.indexOf("},{\"option\"", cut + 1);
    }
    int tail = json.indexOf("}],\"symbol\":\"^RUT\"");
    rutJson = (json.substring(0, cut + 1) + json.substring(tail + 1)).getBytes(StandardCharsets.UTF_8);
    StringBuilder csv =
        new StringBuilder("# spot=4500\n# valuation_time=2024-03-05T10:00:00\n")
            .append("occ,open_interest,implied_volatility,bid,ask,last,volume,delta,gamma,settlement\n");
    OptionChain chain =
        new SyntheticChainSource().generate("SPX", 4500, 150, 5, Instant.parse("2024-03-05T15:00:00Z"));
    for (OptionContract c : chain.contracts()) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%s,%s,%s,%s,%s,%s,%s,%s%n",
              c.symbol(),
              c.openInterest(),
              c.impliedVolatility(),
              c.bid().orElse(0),
              c.ask().orElse(0),
              c.last().isPresent() ? Double.toString(c.last().getAsDouble()) : "",
              c.volume().orElse(0),
              c.vendorDelta().orElse(0),
              c.vendorGamma().orElse(0),
              c.settlement()));
    }
    plainCsv = csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unmangledInputs_parseCleanly() {
    assertThat(parse(new CboeCsvSource(), spxCsv).diagnostics()).isEmpty();
    assertThat(parse(new CboeJsonSource(), rutJson).contracts()).hasSize(120);
    assertThat(parse(new CsvChainSource(), plainCsv).diagnostics()).isEmpty();
  }

  @Test
  void cboeCsv_mangledInput_givesAChainOrChainSourceException() {
    check(new CboeCsvSource(), spxCsv);
  }

  @Test
  void cboeJson_mangledInput_givesAChainOrChainSourceException() {
    check(new CboeJsonSource(), rutJson);
  }

  @Test
  void csv_mangledInput_givesAChainOrChainSourceException() {
    check(new CsvChainSource(), plainCsv);
  }

  private static void check(OptionChainSource source, byte[] original) {
    AtomicInteger chains = new AtomicInteger();
    AtomicInteger withDiagnostics = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(integers().between(0, Mangle.values().length - 1), integers().between(1, 40), longs().all())
        .checkAssert(
            (kind, amount, seed) -> {
              byte[] mangled = Mangle.values()[kind].apply(original, amount, new SplittableRandom(seed));
              try {
                OptionChain chain = parse(source, mangled);
                assertThat(chain.spot()).isPositive();
                chains.incrementAndGet();
                if (!chain.diagnostics().isEmpty()) {
                  withDiagnostics.incrementAndGet();
                }
              } catch (ChainSourceException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                rejected.incrementAndGet();
              }
            });
    // The damage is neither always fatal nor always harmless: both outcomes are exercised.
    assertThat(chains.get()).isPositive();
    assertThat(withDiagnostics.get()).isPositive();
    assertThat(rejected.get()).isPositive();
  }

  private static OptionChain parse(OptionChainSource source, byte[] content) {
    Path file = dir.resolve("input-" + FILES.incrementAndGet());
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

  /** Ways to damage a file. */
  enum Mangle {
    TRUNCATE {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        return Arrays.copyOf(in, r.nextInt(in.length));
      }
    },
    FLIP_BYTES {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        byte[] out = in.clone();
        for (int i = 0; i < amount; i++) {
          out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
        }
        return out;
      }
    },
    INSERT_JUNK {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        byte[] junk = {',', '"', '\n', '\r', '{', '}', '[', ']', ':', '-', 'e', '.', '0', '9', 0, (byte) 0xC3};
        byte[] out = in;
        for (int i = 0; i < amount; i++) {
          int at = r.nextInt(out.length + 1);
          byte[] next = new byte[out.length + 1];
          System.arraycopy(out, 0, next, 0, at);
          next[at] = junk[r.nextInt(junk.length)];
          System.arraycopy(out, at, next, at + 1, out.length - at);
          out = next;
        }
        return out;
      }
    },
    DROP_LINES {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        List<String> lines = lines(in);
        for (int i = 0; i < amount && !lines.isEmpty(); i++) {
          lines.remove(r.nextInt(lines.size()));
        }
        return join(lines);
      }
    },
    REPEAT_LINES {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        List<String> lines = lines(in);
        for (int i = 0; i < amount; i++) {
          int at = r.nextInt(lines.size());
          lines.add(r.nextInt(lines.size() + 1), lines.get(at));
        }
        return join(lines);
      }
    },
    DROP_COLUMN {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        return columns(in, amount % 23, false, r.nextBoolean());
      }
    },
    DUPLICATE_COLUMN {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        return columns(in, amount % 23, true, r.nextBoolean());
      }
    },
    /** Replaces scalar JSON values ({@code "key":value}) with wrong but well-formed ones. */
    WRONG_JSON_VALUES {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        String[] wrong = {"\"x\"", "null", "-1", "1e999", "[]", "{}", "\"22.5\"", "true", "\"\"", "2.5"};
        StringBuilder text = new StringBuilder(new String(in, StandardCharsets.UTF_8));
        for (int i = 0; i < amount; i++) {
          int colon = text.indexOf("\":", r.nextInt(Math.max(1, text.length())));
          if (colon < 0) {
            continue;
          }
          int start = colon + 2;
          if (start >= text.length() || text.charAt(start) == '{' || text.charAt(start) == '[') {
            continue;
          }
          int end = start;
          boolean quoted = text.charAt(start) == '"';
          end = quoted ? text.indexOf("\"", start + 1) + 1 : end;
          while (!quoted && end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
            end++;
          }
          if (end > start) {
            text.replace(start, end, wrong[r.nextInt(wrong.length)]);
          }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
      }
    },
    SWAP_DIGITS_FOR_SIGNS {
      @Override
      byte[] apply(byte[] in, int amount, SplittableRandom r) {
        byte[] out = in.clone();
        for (int i = 0; i < amount * 5; i++) {
          int at = r.nextInt(out.length);
          if (out[at] >= '0' && out[at] <= '9') {
            out[at] = (byte) "-.eE+x ".charAt(r.nextInt(7));
          }
        }
        return out;
      }
    };

    abstract byte[] apply(byte[] in, int amount, SplittableRandom r);

    static List<String> lines(byte[] in) {
      return new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
    }

    static byte[] join(List<String> lines) {
      return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Drops or duplicates the n-th comma-separated field on every line (or on every other line). */
    static byte[] columns(byte[] in, int n, boolean duplicate, boolean everyLine) {
      List<String> out = new ArrayList<>();
      int i = 0;
      for (String line : lines(in)) {
        List<String> fields = new ArrayList<>(Arrays.asList(line.split(",", -1)));
        if ((everyLine || i++ % 2 == 0) && n < fields.size()) {
          if (duplicate) {
            fields.add(n, fields.get(n));
          } else {
            fields.remove(n);
          }
        }
        out.add(String.join(",", fields));
      }
      return join(out);
    }
  }
}

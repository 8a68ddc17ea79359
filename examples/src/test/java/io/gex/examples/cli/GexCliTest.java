package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gex.examples.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code gex} command line in-process ({@link GexCli#run}) on the real snapshots in {@code
 * ../data}. The SPX summary is checked against {@code src/test/resources/golden/spx-analyze.txt}; rewrite
 * it with {@code ./mvnw -pl examples test -Dgex.golden.update=true} after an intended change, and review
 * the diff.
 */
class GexCliTest {

  static final Path SPX = Path.of("..", "data", "cboe-spx-2022-12-12.csv");
  static final Path NDX = Path.of("..", "data", "cboe-ndx-2022-12-12.csv");
  static final Path RUT = Path.of("..", "data", "cboe-rut-2023-09-20.json");

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T15:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The keys every {@code --format json} document has. */
  static final List<String> REQUIRED_KEYS =
      List.of(
          "symbol", "spot", "valuationTime", "convention", "totalGex", "callGex", "putGex", "zeroGamma",
          "zeroGammaCrossings", "strikeZeroGamma", "regime", "callWall", "putWall", "absGammaStrike",
          "contractsUsed", "contractsSkipped", "byStrike", "byExpiry", "maxPain", "pinRisk",
          "deltaExposure", "vannaExposure", "charmExposure", "zeroDelta", "dealerPosition",
          "hedgeFlowPerPercent", "alerts");

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new GexCli(CLOCK).run(args, o, e);
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static JsonNode json(Result r) throws IOException {
    assertThat(r.exit()).as("exit; stderr: %s", r.err()).isZero();
    return JSON.readTree(r.out());
  }

  // ---- analyze, text ----

  @Test
  void analyze_spxText_matchesGolden() throws IOException {
    Result r = run("analyze", SPX.toString());

    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Golden.check("spx-analyze.txt", r.out());
  }

  @Test
  void analyze_spxText_showsHeadlineFiguresInReadableUnits() {
    String out = run("analyze", SPX.toString()).out();

    assertThat(out)
        .contains("SPX  spot 3,990.56")
        .contains("read by cboe-csv")
        .containsPattern("Total GEX +-2\\.77 \\$bn per 1% move")
        .containsPattern("Regime +NEGATIVE")
        .containsPattern("Zero gamma +4,004\\.64 \\(\\+0\\.35% from spot")
        .containsPattern("Call wall +4,000\\.00")
        .containsPattern("Put wall +3,950\\.00")
        .containsPattern("Max pain +3,975\\.00 \\(expiry 2022-12-13, 1 DTE\\)")
        .containsPattern("Contracts +16,853 used, 2,303 skipped \\(SETTLED 286, NO_IMPLIED_VOLATILITY 2,017\\)")
        .contains("Top 10 strikes by |net GEX|")
        .containsPattern("4,100\\.00 +\\+4\\.24 +-2\\.19 +\\+2\\.05")
        .contains("Alerts (1)")
        .contains("MEDIUM  SPX spot 3990.56 is 0.35% below the zero-gamma level 4004.64");
    assertThat(out.split("\n")).hasSizeLessThanOrEqualTo(40);
  }

  // ---- analyze, JSON ----

  @Test
  void analyze_spxJson_hasEveryKeyWithRealValues() throws IOException {
    JsonNode j = json(run("analyze", SPX.toString(), "--format", "json"));

    for (String key : REQUIRED_KEYS) {
      assertThat(j.has(key)).as("key %s", key).isTrue();
    }
    assertThat(j.get("symbol").asText()).isEqualTo("SPX");
    assertThat(j.get("spot").asDouble()).isEqualTo(3990.5601);
    assertThat(j.get("valuationTime").asText()).isEqualTo("2022-12-13T01:30:00Z");
    assertThat(j.get("contractsUsed").asInt()).isEqualTo(16853);
    assertThat(j.get("contractsSkipped").asInt()).isEqualTo(2303);
    assertThat(j.get("skippedByReason").get("NO_IMPLIED_VOLATILITY").asInt()).isEqualTo(2017);
    assertThat(j.get("zeroGamma").asDouble()).isCloseTo(4004.64, within(0.01));
    assertThat(j.get("zeroGammaCrossings").size()).isEqualTo(1);
    assertThat(j.get("strikeZeroGamma").isNull()).isTrue();
    assertThat(j.get("callWall").asDouble()).isEqualTo(4000.0);
    assertThat(j.get("putWall").asDouble()).isEqualTo(3950.0);
    assertThat(j.get("absGammaStrike").asDouble()).isEqualTo(4000.0);
    assertThat(j.get("regime").asText()).isEqualTo("NEGATIVE");
    assertThat(j.get("totalGex").asDouble()).isCloseTo(-2.77e9, within(0.01e9));
    assertThat(j.get("totalGex").asDouble())
        .isCloseTo(j.get("callGex").asDouble() + j.get("putGex").asDouble(), within(1.0));
    // Plain units: dollars per 1% move, as a JSON number, not a string.
    assertThat(j.get("totalGex").isNumber()).isTrue();
    assertThat(j.get("hedgeFlowPerPercent").asDouble()).isEqualTo(j.get("totalGex").asDouble());
    assertThat(j.get("dealerPosition").asText()).isIn("LONG_GAMMA", "SHORT_GAMMA", "NEUTRAL");
    assertThat(j.get("zeroDelta").asDouble()).isBetween(3500.0, 4500.0);

    JsonNode convention = j.get("convention");
    assertThat(convention.get("signConvention").asText()).isEqualTo("DEALER_LONG_CALLS_SHORT_PUTS");
    assertThat(convention.get("rate").asDouble()).isZero();
    assertThat(convention.get("multiplier").asDouble()).isEqualTo(100.0);
    assertThat(convention.get("daysPerYear").asDouble()).isEqualTo(365.0);
    assertThat(convention.get("pmSettlementTime").asText()).isEqualTo("16:00");

    JsonNode byStrike = j.get("byStrike");
    assertThat(byStrike.size()).isEqualTo(480);
    double sumNet = 0;
    double previousStrike = Double.NEGATIVE_INFINITY;
    for (JsonNode row : byStrike) {
      assertThat(row.get("strike").asDouble()).isGreaterThan(previousStrike);
      previousStrike = row.get("strike").asDouble();
      assertThat(row.get("netGex").asDouble())
          .isCloseTo(row.get("callGex").asDouble() + row.get("putGex").asDouble(), within(1e-3));
      sumNet += row.get("netGex").asDouble();
    }
    assertThat(sumNet).isCloseTo(j.get("totalGex").asDouble(), within(1e3));
    JsonNode k4100 = find(byStrike, "strike", 4100.0);
    assertThat(k4100.get("netGex").asDouble()).isCloseTo(2.05e9, within(0.01e9));

    JsonNode byExpiry = j.get("byExpiry");
    assertThat(byExpiry.size()).isEqualTo(47);
    assertThat(byExpiry.get(0).get("expiry").asText()).isEqualTo("2022-12-13");
    assertThat(byExpiry.get(0).has("netGex")).isTrue();

    assertThat(j.get("maxPain").size()).isEqualTo(47);
    assertThat(j.get("maxPain").get(0).get("expiry").asText()).isEqualTo("2022-12-13");
    assertThat(j.get("maxPain").get(0).get("strike").asDouble()).isEqualTo(3975.0);
    JsonNode pin = j.get("pinRisk").get(0);
    assertThat(pin.get("expiry").asText()).isEqualTo("2022-12-13");
    assertThat(pin.get("strike").asDouble()).isEqualTo(3990.0);
    assertThat(pin.get("score").asDouble()).isBetween(0.0, 100.0);

    JsonNode alerts = j.get("alerts");
    assertThat(alerts.size()).isEqualTo(1);
    assertThat(alerts.get(0).get("type").asText()).isEqualTo("gamma-flip-proximity");
    assertThat(alerts.get(0).get("severity").asText()).isEqualTo("MEDIUM");
    assertThat(alerts.get(0).get("message").asText()).contains("4004.64");
  }

  @Test
  void analyze_rutJson_detectsCboeJsonAndRaisesShortGammaAlert() throws IOException {
    JsonNode j = json(run("analyze", RUT.toString(), "--format=json"));

    assertThat(j.get("symbol").asText()).isEqualTo("RUT");
    assertThat(j.get("spot").asDouble()).isCloseTo(1806.12, within(0.01));
    assertThat(j.get("contractsUsed").asInt()).isEqualTo(5658);
    assertThat(j.get("contractsSkipped").asInt()).isEqualTo(1022);
    assertThat(j.get("regime").asText()).isEqualTo("NEGATIVE");
    assertThat(j.get("totalGex").asDouble()).isCloseTo(-1.40e9, within(0.01e9));
    assertThat(j.get("dealerPosition").asText()).isEqualTo("SHORT_GAMMA");
    assertThat(j.get("callWall").asDouble()).isEqualTo(1850.0);
    assertThat(j.get("putWall").asDouble()).isEqualTo(1800.0);
    List<String> types = new ArrayList<>();
    j.get("alerts").forEach(a -> types.add(a.get("type").asText()));
    assertThat(types).contains("dealer-short-gamma");
  }

  @Test
  void analyze_ndxCsv_runs() throws IOException {
    JsonNode j = json(run("analyze", NDX.toString(), "--format", "json"));

    assertThat(j.get("symbol").asText()).isEqualTo("NDX");
    assertThat(j.get("spot").asDouble()).isBetween(11000.0, 12500.0);
    assertThat(j.get("contractsUsed").asInt()).isGreaterThan(1000);
    for (String key : REQUIRED_KEYS) {
      assertThat(j.has(key)).as("key %s", key).isTrue();
    }
    assertThat(run("analyze", NDX.toString()).out()).startsWith("NDX  spot ");
  }

  @Test
  void analyze_explicitSourceRateAndValuationTime_areUsed() throws IOException {
    JsonNode base = json(run("analyze", SPX.toString(), "--format", "json"));
    JsonNode j =
        json(
            run(
                "analyze", SPX.toString(), "--format", "json", "--source", "cboe-csv",
                "--rate", "0.04", "--dividend-yield=0.015",
                "--valuation-time", "2022-12-12T21:15:00Z"));

    assertThat(j.get("convention").get("rate").asDouble()).isEqualTo(0.04);
    assertThat(j.get("convention").get("dividendYield").asDouble()).isEqualTo(0.015);
    assertThat(j.get("valuationTime").asText()).isEqualTo("2022-12-12T21:15:00Z");
    assertThat(j.get("contractsUsed").asInt()).isEqualTo(base.get("contractsUsed").asInt());
    assertThat(j.get("totalGex").asDouble()).isNotEqualTo(base.get("totalGex").asDouble());
  }

  @Test
  void analyze_valuationTimeWithOffset_isConvertedToUtc() throws IOException {
    JsonNode j =
        json(
            run(
                "analyze", SPX.toString(), "--format", "json",
                "--valuation-time", "2022-12-12T16:15:00-05:00"));

    assertThat(j.get("valuationTime").asText()).isEqualTo("2022-12-12T21:15:00Z");
  }

  // ---- report and sources ----

  @Test
  void report_writesChartsAndIndexIntoOutDir(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("spx-report");
    Result r = run("report", SPX.toString(), "--out", out.toString());

    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    List<String> printed = List.of(r.out().strip().split("\\R"));
    assertThat(printed).contains(out.resolve("index.html").toString());
    assertThat(printed.stream().filter(p -> p.endsWith(".png")).count()).isGreaterThanOrEqualTo(3);
    for (String p : printed) {
      assertThat(Path.of(p)).isRegularFile().isNotEmptyFile();
      assertThat(Path.of(p).getParent()).isEqualTo(out);
    }
    String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("SPX").contains("zero-gamma level 4004.64");
  }

  @Test
  void report_withoutOut_isUsageError() {
    Result r = run("report", SPX.toString());

    assertThat(r.exit()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(r.errLines()).containsExactly("gex: report needs --out DIR");
  }

  @Test
  void sources_listsTheDiscoveredSources() {
    Result r = run("sources");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("cboe-json").contains("cboe-csv").contains("csv").contains("synthetic");
  }

  @Test
  void help_printsUsageToStdout() {
    for (String flag : List.of("--help", "-h", "help")) {
      Result r = run(flag);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).startsWith("Usage: gex <command> [options]").contains("--valuation-time");
      assertThat(r.err()).isEmpty();
    }
    assertThat(run("analyze", "--help").out()).startsWith("Usage:");
  }

  // ---- errors: exit status and one line on stderr, no stack trace ----

  @Test
  void errors_badCommandLines_exitTwoWithOneLine() {
    assertUsageError(run("analyze", "no-such-file.csv"), "gex: no such file: no-such-file.csv");
    assertUsageError(
        run("analyze", SPX.toString(), "--rate", "abc"), "gex: --rate must be a number, was 'abc'");
    assertUsageError(
        run("analyze", SPX.toString(), "--dividend-yield=1e"),
        "gex: --dividend-yield must be a number, was '1e'");
    assertUsageError(
        run("analyze", SPX.toString(), "--rate", "5"),
        "gex: --rate must be a decimal in [-1, 1] (0.05 for 5%), was 5");
    assertUsageError(
        run("analyze", SPX.toString(), "--verbose"), "gex: unknown option --verbose (see gex --help)");
    assertUsageError(run("analyze", SPX.toString(), "--format"), "gex: --format needs a value");
    assertUsageError(
        run("analyze", SPX.toString(), "--format", "xml"), "gex: --format must be text or json, was 'xml'");
    assertUsageError(
        run("analyze", SPX.toString(), "--valuation-time", "yesterday"),
        "gex: --valuation-time must be an ISO-8601 instant such as 2022-12-12T21:15:00Z or"
            + " 2022-12-12T16:15:00-05:00, was 'yesterday'");
    assertUsageError(run("analyze"), "gex: analyze needs one FILE, got none");
    assertUsageError(
        run("analyze", "a.csv", "b.csv"), "gex: analyze needs one FILE, got 2: a.csv b.csv");
    assertUsageError(
        run("frobnicate"), "gex: unknown command 'frobnicate'; commands: analyze, report, sources, help");
    assertUsageError(
        run(), "gex: no command given; commands: analyze, report, sources, help (see gex --help)");
    assertUsageError(
        run("report", SPX.toString(), "--out", "x", "--format", "json"),
        "gex: --format is not an option of report");
    assertUsageError(run("analyze", SPX.toString(), "--rate", "0.01", "--rate", "0.02"), "gex: --rate is given twice");
    assertUsageError(run("analyze", ".."), "gex: not a regular file: ..");

    Result unknownSource = run("analyze", SPX.toString(), "--source", "bloomberg");
    assertThat(unknownSource.exit()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(unknownSource.errLines()).hasSize(1);
    assertThat(unknownSource.err()).startsWith("gex: no option-chain source with id 'bloomberg'");
  }

  @Test
  void errors_emptyAndMalformedFiles_exitOneWithOneLine(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Path garbage = Files.writeString(dir.resolve("garbage.csv"), "hello,world\n1,2\n3,4\n");

    Result r = run("analyze", empty.toString());
    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("gex: ").contains("empty.csv is empty (0 bytes)").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();

    Result forced = run("analyze", garbage.toString(), "--source", "cboe-csv");
    assertThat(forced.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(forced.errLines()).hasSize(1);
    assertThat(forced.err()).startsWith("gex: ").doesNotContain("\tat ");
    assertThat(forced.out()).isEmpty();
  }

  @Test
  void errors_withDebug_addTheStackTrace(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");

    Result r = run("analyze", empty.toString(), "--debug");

    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.errLines().get(0)).startsWith("gex: ").contains("empty.csv is empty (0 bytes)");
    assertThat(r.err()).contains("io.gex.ChainSourceException").contains("\tat ");
  }

  private static void assertUsageError(Result r, String line) {
    assertThat(r.exit()).as("exit of %s", line).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(r.errLines()).containsExactly(line);
    assertThat(r.out()).isEmpty();
  }

  private static JsonNode find(JsonNode array, String key, double value) {
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode n = it.next();
      if (n.get(key).asDouble() == value) {
        return n;
      }
    }
    throw new AssertionError("no element with " + key + " = " + value);
  }
}

package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gex.examples.Golden;
import io.gex.examples.cli.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code gex} command line in-process ({@link GexCli#run}) on the real snapshots in {@code
 * ../data}: the text, JSON and CSV outputs, report, sources, help, version and completion. The SPX summary
 * is checked against {@code src/test/resources/golden/spx-analyze.txt}; rewrite it with {@code ./mvnw -pl
 * examples -am test -Dtest=GexCliTest -Dsurefire.failIfNoSpecifiedTests=false -Dgex.golden.update=true}
 * after an intended change, and read the diff.
 */
class GexCliTest {

  static final Path SPX = Cli.SPX;
  static final Path NDX = Cli.NDX;
  static final Path RUT = Cli.RUT;

  /** The keys every {@code --format json} document has. */
  static final List<String> REQUIRED_KEYS =
      List.of(
          "symbol", "spot", "valuationTime", "convention", "totalGex", "callGex", "putGex", "zeroGamma",
          "zeroGammaCrossings", "strikeZeroGamma", "regime", "callWall", "putWall", "absGammaStrike",
          "contractsUsed", "contractsSkipped", "byStrike", "byExpiry", "maxPain", "pinRisk",
          "deltaExposure", "vannaExposure", "charmExposure", "zeroDelta", "dealerPosition",
          "hedgeFlowPerPercent", "alerts", "gammaState", "conventions", "profiles", "expectedMove",
          "dealerByStrike", "openInterestByStrike");

  static Result run(String... args) {
    return Cli.run(args);
  }

  static JsonNode json(Result r) throws IOException {
    return Cli.json(r);
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
        .contains("Conventions        r 0.00%, q 0.00%, IV otm, dealers long calls / short puts; expiries all")
        .containsPattern("Total GEX +-3\\.39 \\$bn per 1% move")
        .containsPattern("Gamma state +negative gamma, near neutral \\(\\|total\\| 2\\.0% of gross\\): dealers"
            + " slightly short gamma, their hedging slightly amplifies moves")
        .containsPattern("Hedge flow +dealers buy \\$3\\.39bn into a 1% rise, sell \\$3\\.39bn into a 1% fall")
        .containsPattern("Zero gamma +4,007\\.95 \\(\\+0\\.44% from spot")
        .containsPattern("  ex next expiry +4,010\\.84 \\(\\+0\\.51% from spot; without 2022-12-13\\)")
        .containsPattern("  ex next monthly +4,026\\.84 \\(\\+0\\.91% from spot; without 2022-12-16\\)")
        .containsPattern("Expected move +±111\\.34 \\(±2\\.79%\\) by expiry 2022-12-13, 1 DTE \\(ATM IV 59\\.1%\\)")
        .containsPattern("Call wall +4,000\\.00")
        .containsPattern("Put wall +3,950\\.00")
        .containsPattern("Max pain +3,975\\.00 \\(expiry 2022-12-13, 1 DTE\\)")
        .containsPattern("Contracts +18,832 used, 324 skipped \\(SETTLED 286, NO_IMPLIED_VOLATILITY 24,"
            + " IMPLAUSIBLE_IMPLIED_VOLATILITY 14\\)")
        .contains("Top 10 strikes by |net GEX| within ±10% of spot")
        .containsPattern("4,100\\.00 +\\+4\\.26 +-2\\.21 +\\+2\\.06")
        .contains("Alerts (1)")
        .contains("MEDIUM  SPX spot 3,990.56 is 17.39 points (0.44%) below the zero-gamma level 4,007.95");
    assertThat(out.split("\n")).hasSizeLessThanOrEqualTo(45);
    // One vocabulary for the gamma state: the separate Regime and Dealers lines that contradicted it are gone.
    assertThat(out).doesNotContain("Regime").doesNotContain("Dealers ").doesNotContain("NEUTRAL");
  }

  // ---- analyze, JSON ----

  /**
   * Every key path of the SPX document (array elements merged as {@code []}), sorted, against {@code
   * golden/spx-json-keys.txt}: keys are only ever added, so the diff of an update shows additions only.
   */
  @Test
  void analyze_spxJson_keysMatchGolden() throws IOException {
    JsonNode j =
        json(
            run(
                "analyze", SPX.toString(), "--format", "json", "--expiry-zero-gamma",
                "--dealer-profiles"));
    java.util.TreeSet<String> paths = new java.util.TreeSet<>();
    keyPaths(j, "", paths);
    Golden.check("spx-json-keys.txt", String.join("\n", paths) + "\n");
  }

  @Test
  void analyze_spxJson_hasHigherOrderExposuresAndOptInFigures() throws IOException {
    JsonNode plain = json(run("analyze", SPX.toString(), "--format", "json"));
    JsonNode j =
        json(
            run(
                "analyze", SPX.toString(), "--format", "json", "--expiry-zero-gamma",
                "--dealer-profiles"));

    for (String m : List.of("vomma", "speed", "zomma", "color")) {
      double total = j.get(m + "Exposure").asDouble();
      double byStrike = 0;
      for (JsonNode row : j.get("dealerByStrike")) {
        byStrike += row.get(m).asDouble();
      }
      double byExpiry = 0;
      for (JsonNode row : j.get("dealerByExpiry")) {
        byExpiry += row.get(m).asDouble();
      }
      assertThat(total).as(m).isNotZero();
      assertThat(byStrike).as(m).isCloseTo(total, within(1e-9 * Math.abs(total) + 1e-3));
      assertThat(byExpiry).as(m).isCloseTo(total, within(1e-9 * Math.abs(total) + 1e-3));
      assertThat(plain.get(m + "Exposure").asDouble()).isEqualTo(total);
    }
    assertThat(j.get("convention").get("units").get("speed").asText())
        .isEqualTo("USD per 1% move per 1% move");
    // The 2022-12-13 expiry alone crosses zero at 3,969.23 and 4,961.43; the nearest to spot 3,990.56.
    assertThat(j.get("byExpiry").get(0).get("expiry").asText()).isEqualTo("2022-12-13");
    assertThat(j.get("byExpiry").get(0).get("zeroGamma").asDouble()).isCloseTo(3969.23, within(0.01));
    assertThat(plain.get("byExpiry").get(0).get("zeroGamma").isNull()).isTrue();
    // Delta, vanna and charm on the gamma profile's spots; the delta of dealers long calls and short puts
    // rises with spot.
    JsonNode profiles = j.get("dealerProfiles");
    assertThat(profiles.get("spots")).isEqualTo(j.get("profiles").get(0).get("spots"));
    assertThat(profiles.get("delta").size()).isEqualTo(201);
    assertThat(profiles.get("delta").get(200).asDouble()).isGreaterThan(profiles.get("delta").get(0).asDouble());
    assertThat(plain.get("dealerProfiles").isNull()).isTrue();
    // The rest of the document does not change.
    assertThat(j.get("totalGex")).isEqualTo(plain.get("totalGex"));
    assertThat(j.get("byStrike")).isEqualTo(plain.get("byStrike"));
  }

  private static void keyPaths(JsonNode node, String prefix, java.util.Set<String> paths) {
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                // Maps keyed by data (reasons) are listed as one path.
                boolean byReason = name.equals("skippedByReason") || name.equals("substitutionsByReason");
                paths.add(path);
                if (!byReason) {
                  keyPaths(node.get(name), path, paths);
                }
              });
    } else if (node.isArray()) {
      node.forEach(element -> keyPaths(element, prefix + "[]", paths));
    }
  }

  @Test
  void analyze_spxJson_hasEveryKeyWithRealValues() throws IOException {
    JsonNode j = json(run("analyze", SPX.toString(), "--format", "json"));

    for (String key : REQUIRED_KEYS) {
      assertThat(j.has(key)).as("key %s", key).isTrue();
    }
    assertThat(j.get("symbol").asText()).isEqualTo("SPX");
    assertThat(j.get("spot").asDouble()).isEqualTo(3990.5601);
    assertThat(j.get("valuationTime").asText()).isEqualTo("2022-12-13T01:30:00Z");
    assertThat(j.get("contractsUsed").asInt()).isEqualTo(18832);
    assertThat(j.get("contractsSkipped").asInt()).isEqualTo(324);
    assertThat(j.get("skippedByReason").get("NO_IMPLIED_VOLATILITY").asInt()).isEqualTo(24);
    assertThat(j.get("zeroGamma").asDouble()).isCloseTo(4007.95, within(0.01));
    assertThat(j.get("zeroGammaCrossings").size()).isEqualTo(1);
    assertThat(j.get("strikeZeroGamma").isNull()).isTrue();
    assertThat(j.get("callWall").asDouble()).isEqualTo(4000.0);
    assertThat(j.get("putWall").asDouble()).isEqualTo(3950.0);
    assertThat(j.get("absGammaStrike").asDouble()).isEqualTo(4000.0);
    assertThat(j.get("regime").asText()).isEqualTo("NEGATIVE");
    assertThat(j.get("totalGex").asDouble()).isCloseTo(-3.39e9, within(0.01e9));
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
    assertThat(byStrike.size()).isEqualTo(487);
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
    assertThat(k4100.get("netGex").asDouble()).isCloseTo(2.056e9, within(0.001e9));

    JsonNode byExpiry = j.get("byExpiry");
    assertThat(byExpiry.size()).isEqualTo(50);
    assertThat(byExpiry.get(0).get("expiry").asText()).isEqualTo("2022-12-13");
    assertThat(byExpiry.get(0).has("netGex")).isTrue();

    assertThat(j.get("maxPain").size()).isEqualTo(50);
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
    assertThat(alerts.get(0).get("message").asText()).contains("zero-gamma level 4,007.95");
  }

  @Test
  void analyze_rutJson_detectsCboeJsonAndRaisesShortGammaAlert() throws IOException {
    JsonNode j = json(run("analyze", RUT.toString(), "--format=json"));

    assertThat(j.get("symbol").asText()).isEqualTo("RUT");
    assertThat(j.get("spot").asDouble()).isCloseTo(1806.12, within(0.01));
    assertThat(j.get("contractsUsed").asInt()).isEqualTo(6342);
    assertThat(j.get("contractsSkipped").asInt()).isEqualTo(338);
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

  @Test
  void analyze_spxJson_newKeys_profilesExpectedMovesAndTablesByStrike() throws IOException {
    JsonNode j = json(run("analyze", SPX.toString(), "--format", "json"));
    String text = run("analyze", SPX.toString()).out();

    // One vocabulary: the JSON sentence is the text's.
    assertThat(text).contains("Gamma state        " + j.get("gammaState").asText() + "\n");
    assertThat(j.get("gammaState").asText()).startsWith("negative gamma");
    assertThat(j.get("conventions").asText())
        .isEqualTo("r 0.00%, q 0.00%, IV otm, dealers long calls / short puts");

    JsonNode profiles = j.get("profiles");
    assertThat(profiles.size()).isEqualTo(3);
    List<String> scopes = new ArrayList<>();
    profiles.forEach(p -> scopes.add(p.get("scope").asText()));
    assertThat(scopes).containsExactly("all", "ex-next-expiry", "ex-next-monthly");
    assertThat(profiles.get(0).get("excludedExpiry").isNull()).isTrue();
    assertThat(profiles.get(1).get("excludedExpiry").asText()).isEqualTo("2022-12-13");
    assertThat(profiles.get(2).get("excludedExpiry").asText()).isEqualTo("2022-12-16");
    assertThat(profiles.get(0).get("zeroGamma").asDouble()).isEqualTo(j.get("zeroGamma").asDouble());
    assertThat(profiles.get(0).get("crossings")).isEqualTo(j.get("zeroGammaCrossings"));
    assertThat(profiles.get(1).get("zeroGamma").asDouble()).isCloseTo(4010.84, within(0.01));
    assertThat(profiles.get(2).get("zeroGamma").asDouble()).isCloseTo(4026.84, within(0.01));
    for (JsonNode p : profiles) {
      JsonNode spots = p.get("spots");
      JsonNode totals = p.get("totalGex");
      assertThat(spots.size()).isEqualTo(201).isEqualTo(totals.size());
      // The zero gamma of each profile lies between two profile points whose totals change sign.
      double z = p.get("zeroGamma").asDouble();
      boolean bracketed = false;
      for (int i = 0; i + 1 < spots.size(); i++) {
        if (spots.get(i).asDouble() <= z && z <= spots.get(i + 1).asDouble()) {
          bracketed = totals.get(i).asDouble() * totals.get(i + 1).asDouble() <= 0;
        }
      }
      assertThat(bracketed).as("zero gamma %s of %s is bracketed by a sign change", z, p.get("scope")).isTrue();
    }

    JsonNode moves = j.get("expectedMove");
    assertThat(moves.size()).isEqualTo(j.get("byExpiry").size());
    JsonNode first = moves.get(0);
    assertThat(first.get("expiry").asText()).isEqualTo("2022-12-13");
    assertThat(first.get("daysToExpiry").asInt()).isEqualTo(1);
    double spot = j.get("spot").asDouble();
    double closedForm =
        spot * first.get("atmVolatility").asDouble() * Math.sqrt(first.get("timeToExpiry").asDouble());
    assertThat(first.get("points").asDouble()).isCloseTo(closedForm, within(1e-6)).isCloseTo(111.34, within(0.01));
    assertThat(first.get("percent").asDouble()).isCloseTo(first.get("points").asDouble() / spot * 100, within(1e-9));

    JsonNode dealer = j.get("dealerByStrike");
    assertThat(dealer.size()).isGreaterThan(100);
    double delta = 0;
    double vanna = 0;
    double charm = 0;
    for (JsonNode row : dealer) {
      delta += row.get("delta").asDouble();
      vanna += row.get("vanna").asDouble();
      charm += row.get("charm").asDouble();
    }
    assertThat(delta).isCloseTo(j.get("deltaExposure").asDouble(), within(Math.abs(delta) * 1e-9));
    assertThat(vanna).isCloseTo(j.get("vannaExposure").asDouble(), within(Math.abs(vanna) * 1e-9));
    assertThat(charm).isCloseTo(j.get("charmExposure").asDouble(), within(Math.abs(charm) * 1e-9));

    JsonNode oi = j.get("openInterestByStrike");
    double oiSum = 0;
    for (JsonNode row : oi) {
      oiSum += row.get("callOpenInterest").asDouble() + row.get("putOpenInterest").asDouble();
    }
    double byExpirySum = 0;
    for (JsonNode row : j.get("byExpiry")) {
      byExpirySum += row.get("openInterest").asDouble();
    }
    // Open interest by strike is all unsettled open interest, priced or not (as max pain); byExpiry holds
    // the priced contracts' only: the 24 SPX contracts left with no usable IV make the difference.
    assertThat(oiSum).isEqualTo(18_903_479).isGreaterThan(byExpirySum);
    assertThat(byExpirySum).isEqualTo(18_837_494);
  }

  @Test
  void analyze_spxCsv_isTheTableByStrike() throws IOException {
    Result r = run("analyze", SPX.toString(), "--format", "csv");
    JsonNode j = json(run("analyze", SPX.toString(), "--format", "json"));

    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    List<String> lines = List.of(r.out().split("\n"));
    assertThat(lines.get(0)).isEqualTo(AnalysisCsv.HEADER);
    assertThat(r.out()).doesNotContainPattern("[0-9][eE]").endsWith("\n");
    double sumNet = 0;
    double previous = 0;
    boolean saw4100 = false;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).as(line).hasSize(9);
      double strike = Double.parseDouble(cells[0]);
      assertThat(strike).isGreaterThan(previous);
      previous = strike;
      if (!cells[3].isEmpty()) {
        sumNet += Double.parseDouble(cells[3]);
      }
      if (strike == 4100) {
        saw4100 = true;
        assertThat(Double.parseDouble(cells[3])).isCloseTo(2.05e9, within(0.01e9));
        JsonNode oi = find(j.get("openInterestByStrike"), "strike", 4100.0);
        assertThat(Double.parseDouble(cells[4])).isEqualTo(oi.get("callOpenInterest").asDouble());
        assertThat(Double.parseDouble(cells[5])).isEqualTo(oi.get("putOpenInterest").asDouble());
        JsonNode dex = find(j.get("dealerByStrike"), "strike", 4100.0);
        assertThat(Double.parseDouble(cells[6])).isEqualTo(dex.get("delta").asDouble());
      }
    }
    assertThat(saw4100).isTrue();
    assertThat(lines.size() - 1).isGreaterThanOrEqualTo(j.get("byStrike").size());
    assertThat(sumNet).isCloseTo(j.get("totalGex").asDouble(), within(1e3));
  }

  @Test
  void analyze_window_limitsTheStrikeTableAndCrossings() {
    String out = run("analyze", SPX.toString(), "--window", "2").out();

    assertThat(out).contains("Top 10 strikes by |net GEX| within ±2% of spot");
    String table = out.substring(out.indexOf("        strike"), out.indexOf("\nAlerts"));
    List<String> rows = List.of(table.strip().split("\n")).subList(1, 11);
    for (String row : rows) {
      double strike = Double.parseDouble(row.strip().split(" +")[0].replace(",", ""));
      assertThat(Math.abs(strike / 3990.5601 - 1)).as(row).isLessThanOrEqualTo(0.02);
    }
    assertThat(out).contains("1 crossing within ±2%");
    assertThat(run("analyze", SPX.toString(), "--window=0.5%").out()).contains("within ±0.5% of spot");
  }

  // ---- report and sources ----

  @Test
  void report_writesChartsAndIndexIntoOutDir(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("spx-report");
    Result r = run("report", SPX.toString(), "--out", out.toString(), "--window", "5");

    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    List<String> printed = List.of(r.out().strip().split("\\R"));
    assertThat(printed).contains(out.resolve("index.html").toString());
    assertThat(printed.stream().filter(p -> p.endsWith(".png")).count()).isGreaterThanOrEqualTo(3);
    for (String p : printed) {
      assertThat(Path.of(p)).isRegularFile().isNotEmptyFile();
      assertThat(Path.of(p).getParent()).isEqualTo(out);
    }
    String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("SPX").contains("zero-gamma level 4,007.95");
  }



  @Test
  void sources_listsTheDiscoveredSources() {
    Result r = run("sources");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("cboe-json").contains("cboe-csv").contains("csv").contains("synthetic");
    // The descriptions start in one column, two spaces after the longest id (optionsdx-csv).
    List<String> lines = r.out().lines().toList();
    assertThat(lines).contains("optionsdx-csv  OptionsDX end-of-day CSV ([QUOTE_DATE], [UNDERLYING_LAST], [C_IV],"
        + " [STRIKE], [P_IV], ...)");
    assertThat(lines).allSatisfy(l -> assertThat(l.charAt(15)).as(l).isNotEqualTo(' '));
    assertThat(lines).allSatisfy(l -> assertThat(l.substring(13, 15)).isEqualTo("  "));
  }

  @Test
  void help_everyCommandHasHelp_onStdoutWithExitZero() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"-h"},
            new String[] {"help"},
            new String[] {"help", "analyze"},
            new String[] {"analyze", "--help"},
            new String[] {"report", "--help"},
            new String[] {"live", "--help"},
            new String[] {"sources", "--help"},
            new String[] {"completion", "--help"})) {
      Result r = run(args);
      assertThat(r.exit()).as("exit of %s", List.of(args)).isZero();
      assertThat(r.out()).as("help of %s", List.of(args)).startsWith("Usage: gex");
      // Percent signs in descriptions are escaped: picocli warns on stderr otherwise.
      assertThat(r.err()).as("stderr of %s", List.of(args)).isEmpty();
    }
    assertThat(run("--help").out()).contains("analyze").contains("report").contains("sources").contains("completion");
    String analyze = run("analyze", "--help").out();
    for (String option :
        List.of(
            "--expiries", "--convention", "--iv", "--rate", "--dividend-yield", "--valuation-time", "--source",
            "--alerts", "--plugins", "--spot", "--underlying", "--window", "--format", "--webhook", "--debug",
            "-D", "--version")) {
      assertThat(analyze).as("analyze --help lists %s", option).contains(option);
    }
    assertThat(analyze).contains("0   success").contains("1   FILE").contains("2   bad command line");
    assertThat(run("report", "--help").out()).contains("--out=DIR").contains("--window");
  }

  @Test
  void version_printsTheBuildVersion() {
    Result r = run("--version");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("gex 0.").contains("Java ");
    assertThat(r.out()).doesNotContain("${").doesNotContain("unknown");
    assertThat(run("analyze", "--version").out()).isEqualTo(r.out());
  }

  @Test
  void completion_printsABashScriptForEveryCommandAndOption() {
    Result r = run("completion");

    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out())
        .contains("#!/usr/bin/env bash")
        .contains("complete -F _complete_gex")
        .contains("analyze")
        .contains("--expiries")
        .contains("--convention");
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

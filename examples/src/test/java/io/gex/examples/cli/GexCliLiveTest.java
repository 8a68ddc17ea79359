package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gex.examples.cli.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gex live}: replays of the real SPX snapshot with tick files, and of synthetic sessions. */
class GexCliLiveTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Ticks after the SPX snapshot of 2022-12-13T01:30:00Z (spot 3,990.56, flip 4,007.95). */
  private static final String TICKS =
      """
      time,symbol,field,value
      2022-12-13T01:30:30Z,SPX,spot,3995.10
      2022-12-13T01:30:30Z,SPXW221213C04000000,iv,0.35
      2022-12-13T01:31:00Z,SPX,spot,4010.00
      2022-12-13T01:31:00Z,SPXW221213C04000000,bid,12.5
      2022-12-13T01:31:20Z,SPX,spot,4002.5
      """;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> lines(Result r) throws IOException {
    assertThat(r.exit()).as("exit; stderr: %s", r.err()).isZero();
    List<JsonNode> list = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      assertThat(line).doesNotContain("\r").startsWith("{").endsWith("}");
      list.add(JSON.readTree(line));
    }
    return list;
  }

  @Test
  void live_singleSnapshot_printsExactlyTheAnalyzeJson() throws IOException {
    JsonNode analyze = Cli.analyzeJson(Cli.SPX);

    List<JsonNode> live = lines(Cli.run("live", Cli.SPX.toString()));

    assertThat(live).hasSize(1);
    // The JSON of analyze has no wall-clock field: every key and figure must be equal.
    assertThat(live.get(0)).isEqualTo(analyze);
    assertThat(live.get(0).get("totalGex").asDouble()).isEqualTo(-3.39e9, org.assertj.core.data.Offset.offset(0.01e9));
  }

  @Test
  void live_singleSnapshotWithOptions_equalsAnalyzeWithTheSameOptions() throws IOException {
    JsonNode analyze = Cli.analyzeJson(Cli.RUT, "--rate", "0.05", "--iv", "mid", "--convention", "dealer-short-calls");

    List<JsonNode> live =
        lines(Cli.run("live", Cli.RUT.toString(), "--rate", "0.05", "--iv", "mid", "--convention", "dealer-short-calls"));

    assertThat(live).hasSize(1);
    assertThat(live.get(0)).isEqualTo(analyze);
    assertThat(live.get(0).get("convention").get("rate").asDouble()).isEqualTo(0.05);
  }

  @Test
  void live_snapshotAndTickFile_oneLinePerDistinctTime_spotAndClockFollowTheTicks() throws IOException {
    Path ticks = write("ticks.csv", TICKS);

    List<JsonNode> live = lines(Cli.run("live", Cli.SPX.toString(), ticks.toString()));

    assertThat(live).extracting(j -> j.get("valuationTime").asText())
        .containsExactly(
            "2022-12-13T01:30:00Z", "2022-12-13T01:30:30Z", "2022-12-13T01:31:00Z", "2022-12-13T01:31:20Z");
    assertThat(live).extracting(j -> j.get("spot").asDouble()).containsExactly(3990.5601, 3995.1, 4010.0, 4002.5);
    // Below the flip dealers are short gamma; above it, long.
    assertThat(live.get(0).get("regime").asText()).isEqualTo("NEGATIVE");
    assertThat(live.get(2).get("regime").asText()).isEqualTo("POSITIVE");
    assertThat(live.get(2).get("totalGex").asDouble()).isPositive();
    assertThat(live.get(1).get("totalGex").asDouble())
        .isNotEqualTo(live.get(0).get("totalGex").asDouble());
  }

  @Test
  void live_formatText_aHeaderThenALinePerAnalysis_withTheJsonsFigures() throws IOException {
    Path ticks = write("ticks.csv", TICKS);

    Result text = Cli.run("live", Cli.SPX.toString(), ticks.toString(), "--format", "text");
    List<JsonNode> json = lines(Cli.run("live", Cli.SPX.toString(), ticks.toString()));

    assertThat(text.exit()).as("stderr: %s", text.err()).isZero();
    List<String> rows = new ArrayList<>();
    for (String line : text.out().split("\n")) {
      if (!line.startsWith("  alert ")) {
        rows.add(line);
      }
    }
    assertThat(rows).hasSize(1 + json.size());
    assertThat(rows.get(0))
        .isEqualTo(
            "time (UTC)               symbol        spot    GEX $bn  zero gamma   call wall    put wall  regime");
    // The snapshot alone, as analyze prints it: spot 3,990.56, -3.39 $bn, zero gamma 4,007.95, walls 4,000
    // and 3,950, short gamma.
    assertThat(rows.get(1))
        .isEqualTo(
            "2022-12-13 01:30:00      SPX       3,990.56      -3.39    4,007.95    4,000.00    3,950.00  NEGATIVE");
    // Every line has the figures of the JSON line of the same replay, rounded as printed.
    for (int i = 0; i < json.size(); i++) {
      JsonNode j = json.get(i);
      String[] columns = rows.get(i + 1).substring(25).trim().split("\\s+");
      assertThat(columns[0]).isEqualTo(j.get("symbol").asText());
      assertThat(parse(columns[1])).isEqualTo(round(j.get("spot").asDouble()));
      assertThat(parse(columns[2])).isEqualTo(round(j.get("totalGex").asDouble() / 1e9));
      assertThat(parse(columns[3])).isEqualTo(round(j.get("zeroGamma").asDouble()));
      assertThat(parse(columns[4])).isEqualTo(round(j.get("callWall").asDouble()));
      assertThat(parse(columns[5])).isEqualTo(round(j.get("putWall").asDouble()));
      assertThat(columns[6]).isEqualTo(j.get("regime").asText());
    }
    // Above the flip at 01:31 (spot 4,010): long gamma, positive total.
    assertThat(rows.get(3)).startsWith("2022-12-13 01:31:00      SPX       4,010.00      +0.35").endsWith("POSITIVE");
    // Each alert raised is a line under its analysis: as many as in the JSON lines.
    int alerts = 0;
    for (JsonNode j : json) {
      alerts += j.get("alerts").size();
    }
    assertThat(text.out().lines().filter(l -> l.startsWith("  alert ")).count()).isEqualTo(alerts);
  }

  /**
   * The README's figures against gex live's: relative 1e-12, not to the bit, since the last digits of a
   * double may differ between JVMs and processors (Math.exp is exact only to an ulp).
   */
  private static final org.assertj.core.data.Percentage SAME =
      org.assertj.core.data.Percentage.withPercentage(1e-10);

  /**
   * The README's two replays of the SPX snapshot with its tick rows (its csv block, then the spot of 4,010 at
   * 01:31 and of 4,002.5 at 01:31:20 that it names) print what gex live prints: the text form whole, and
   * the jq-filtered JSON lines figure for figure. They had drifted once, unnoticed.
   */
  @Test
  void readmeLiveReplays_areWhatGexLivePrints() throws IOException {
    String section = readmeLiveSection();
    String csv = block(section, "```csv\n");
    StringBuilder rows = new StringBuilder();
    csv.lines().forEach(l -> rows.append(l.strip()).append('\n')); // the list item's indent off
    rows.append("2022-12-13T01:31:00Z,SPX,spot,4010\n2022-12-13T01:31:20Z,SPX,spot,4002.5\n");
    Path ticks = write("ticks.csv", rows.toString());

    String text = block(section, "$ ./gex live data/cboe-spx-2022-12-12.csv ticks.csv --format text\n");
    assertThat(Cli.run("live", Cli.SPX.toString(), ticks.toString(), "--format", "text").out())
        .isEqualTo(text);

    String jq = block(section, "| jq -c '{valuationTime, spot, totalGex, regime}'\n");
    List<JsonNode> live = lines(Cli.run("live", Cli.SPX.toString(), ticks.toString()));
    List<String> shown = jq.lines().toList();
    assertThat(shown).hasSize(live.size());
    for (int i = 0; i < shown.size(); i++) {
      JsonNode readmeLine = JSON.readTree(shown.get(i));
      for (String key : List.of("valuationTime", "regime")) {
        assertThat(readmeLine.get(key).asText()).as(key).isEqualTo(live.get(i).get(key).asText());
      }
      for (String key : List.of("spot", "totalGex")) {
        assertThat(readmeLine.get(key).asDouble()).as(key).isCloseTo(live.get(i).get(key).asDouble(), SAME);
      }
    }
  }

  /** The README's lines of its synthetic session (the 406 lines, cut with "...") are among gex live's. */
  @Test
  void readmeSyntheticSession_linesAreAmongWhatGexLivePrints() throws IOException {
    String section = readmeLiveSection();
    String command =
        "./gex live --synthetic SPX --events 2000 --every 1m | jq -c '{valuationTime, spot, totalGex,"
            + " zeroGamma, expiries: (.byExpiry|length)}'\n";
    assertThat(section).contains(command);
    String shown = block(section.substring(section.indexOf(command)), "```text\n");

    List<JsonNode> live =
        lines(Cli.run("live", "--synthetic", "SPX", "--events", "2000", "--every", "1m"));

    assertThat(live).hasSize(406);
    Map<String, JsonNode> byTime = new java.util.HashMap<>();
    live.forEach(j -> byTime.put(j.get("valuationTime").asText(), j));
    int checked = 0;
    for (String line : shown.lines().toList()) {
      if (line.equals("...")) {
        continue;
      }
      JsonNode readmeLine = JSON.readTree(line);
      JsonNode found = byTime.get(readmeLine.get("valuationTime").asText());
      assertThat(found).as(line).isNotNull();
      JsonNode j = java.util.Objects.requireNonNull(found);
      for (String key : List.of("spot", "totalGex", "zeroGamma")) {
        assertThat(readmeLine.get(key).asDouble()).as(key + " in " + line).isCloseTo(j.get(key).asDouble(), SAME);
      }
      assertThat(readmeLine.get("expiries").asInt()).isEqualTo(j.get("byExpiry").size());
      checked++;
    }
    assertThat(checked).isEqualTo(6);
  }

  /** The README from its section on gex live on. */
  private static String readmeLiveSection() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    return readme.substring(readme.indexOf("### Live replay: `./gex live`"));
  }

  /**
   * The lines after {@code marker} up to the closing three backticks (and the indent before them, in a list
   * item).
   */
  private static String block(String text, String marker) {
    int start = text.indexOf(marker);
    assertThat(start).as("README holds %s", marker).isNotNegative();
    start += marker.length();
    String lines = text.substring(start, text.indexOf("```", start));
    return lines.substring(0, lines.lastIndexOf('\n') + 1);
  }

  private static double parse(String column) {
    return Double.parseDouble(column.replace(",", ""));
  }

  private static double round(double value) {
    return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  @Test
  void live_tickFileAfterTheSnapshotOnTheCommandLineOrBefore_sameReplay() throws IOException {
    Path ticks = write("ticks.csv", TICKS);

    String after = Cli.run("live", Cli.SPX.toString(), ticks.toString()).out();
    String before = Cli.run("live", ticks.toString(), Cli.SPX.toString()).out();

    assertThat(before).isEqualTo(after);
  }

  @Test
  void live_every_conflatesToTheLastStateOfEachWindow() throws IOException {
    Path ticks = write("ticks.csv", TICKS);

    List<JsonNode> live = lines(Cli.run("live", Cli.SPX.toString(), ticks.toString(), "--every", "1m"));

    // Windows on the minute: 01:30 (snapshot and 01:30:30) and 01:31 (01:31:00 and 01:31:20).
    assertThat(live).extracting(j -> j.get("valuationTime").asText())
        .containsExactly("2022-12-13T01:30:30Z", "2022-12-13T01:31:20Z");
    assertThat(live).extracting(j -> j.get("spot").asDouble()).containsExactly(3995.1, 4002.5);
    // The same state as the unconflated replay's last line; only the alerts, which compare with the line
    // before, may differ.
    List<JsonNode> all = lines(Cli.run("live", Cli.SPX.toString(), ticks.toString()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) live.get(1)).remove("alerts");
    ((com.fasterxml.jackson.databind.node.ObjectNode) all.get(3)).remove("alerts");
    assertThat(live.get(1)).isEqualTo(all.get(3));
  }

  @Test
  void live_synthetic_printsOneFiniteLinePerEventTime() throws IOException {
    List<JsonNode> live = lines(Cli.run("live", "--synthetic", "SPX", "--events", "60", "--contracts", "400"));

    // The snapshot's time and each of the 60 events' times (all distinct).
    assertThat(live).hasSize(61);
    for (JsonNode j : live) {
      assertThat(j.get("symbol").asText()).isEqualTo("SPX");
      assertFinite(j, "");
    }
    assertThat(live.get(0).get("valuationTime").asText()).isEqualTo("2022-12-16T14:30:00Z");
    assertThat(live.get(60).get("valuationTime").asText()).isEqualTo("2022-12-16T21:15:00Z");
    assertThat(live.stream().map(j -> j.get("spot").asDouble()).distinct().count()).isGreaterThan(5);
    // The 0DTE SPXW weekly counts before the 16:00 close, is settled after it.
    assertThat(expiries(live.get(0))).contains("2022-12-16");
    assertThat(expiries(live.get(60))).doesNotContain("2022-12-16");
    assertThat(live.get(60).get("skippedByReason").get("SETTLED").asInt()).isPositive();
  }

  @Test
  void live_syntheticEvery_oneLinePerWindowAndSameSeedSameOutput() throws IOException {
    Result r = Cli.run("live", "--synthetic", "SPX", "--events", "400", "--contracts", "400", "--every", "30m", "--seed", "9");

    List<JsonNode> live = lines(r);

    // 14:30 to 21:15 UTC: windows 14:30, 15:00, ..., 21:00 (14 of them).
    assertThat(live).hasSize(14);
    assertThat(live.get(13).get("valuationTime").asText()).isEqualTo("2022-12-16T21:15:00Z");
    assertThat(Cli.run("live", "--synthetic", "SPX", "--events", "400", "--contracts", "400", "--every", "30m", "--seed", "9").out())
        .isEqualTo(r.out());
    assertThat(Cli.run("live", "--synthetic", "SPX", "--events", "400", "--contracts", "400", "--every", "30m", "--seed", "10").out())
        .isNotEqualTo(r.out());
  }

  @Test
  void live_badTickRow_exitsOneNamingFileLineFieldAndValue() throws IOException {
    Path ticks =
        write("ticks.csv", TICKS + "2022-12-13T01:31:30Z,SPX,spot,NaN\n2022-12-13T01:31:40Z,SPXW221213C04000000,vega,1\n");

    Result r = Cli.run("live", Cli.SPX.toString(), ticks.toString());

    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines())
        .containsExactly(
            "gex: " + ticks + " line 7: value 'NaN': no value: a tick needs a number (and 1 more bad row;"
                + " --skip-bad-ticks replays the good rows)");
  }

  @Test
  void live_skipBadTicks_replaysTheGoodRowsAndNamesTheBadOnes() throws IOException {
    Path ticks = write("ticks.csv", TICKS + "2022-12-13T01:31:30Z,SPX,spot,NaN\n");

    Result r = Cli.run("live", Cli.SPX.toString(), ticks.toString(), "--skip-bad-ticks");

    assertThat(lines(r)).hasSize(4);
    assertThat(r.errLines())
        .containsExactly("gex: warning: skipped " + ticks + " line 7: value 'NaN': no value: a tick needs a number");
  }

  @Test
  void live_unknownContract_isIgnoredWithAWarning() throws IOException {
    Path ticks = write("ticks.csv", TICKS + "2022-12-13T01:31:40Z,SPXW991213C04000000,bid,1.5\n");

    Result r = Cli.run("live", Cli.SPX.toString(), ticks.toString());

    assertThat(lines(r)).hasSize(5);
    assertThat(r.errLines())
        .containsExactly(
            "gex: warning: 1 events named contracts not in the chain and were ignored; the first: " + ticks
                + " line 7 (bid of SPXW991213C04000000)");
  }

  @Test
  void live_badCommandLines_exitTwo() throws IOException {
    Path ticks = write("ticks.csv", TICKS);
    usage(Cli.run("live"), "gex: live needs FILEs to replay or --synthetic SYMBOL (see gex live --help)");
    usage(Cli.run("live", Cli.SPX.toString(), "--synthetic", "SPX"), "gex: live replays either FILEs or --synthetic SPX, not both");
    usage(
        Cli.run("live", Cli.SPX.toString(), "--every", "soon"),
        "gex: Invalid value for option '--every': must be a duration from 1ms to 24h such as 500ms, 1s, 1m or PT1M, was 'soon' (see gex live --help)");
    usage(
        Cli.run("live", Cli.SPX.toString(), "--every", "0s"),
        "gex: Invalid value for option '--every': must be a duration from 1ms to 24h such as 500ms, 1s, 1m or PT1M, was '0s' (see gex live --help)");
    usage(Cli.run("live", "--synthetic", "SPX", "--events", "0"), "gex: --events must be >= 1, was 0");
    usage(
        Cli.run("live", Cli.SPX.toString(), "--format", "csv"),
        "gex: Invalid value for option '--format': expected one of [JSON, TEXT] (case-insensitive) but was 'csv' (see gex live --help)");
    usage(
        Cli.run("live", ticks.toString()),
        "gex: live needs an option-chain snapshot among the FILEs to start from; all of [" + ticks + "] are tick files");
    usage(
        Cli.run("live", "--synthetic", "S&P"),
        "gex: --synthetic S&P: underlying must be 1 to 6 upper-case letters or digits, was 'S&P'");
  }

  @Test
  void live_everyAcceptsUnits() {
    Converters.Every every = new Converters.Every();
    assertThat(every.convert("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(every.convert("1s")).isEqualTo(java.time.Duration.ofSeconds(1));
    assertThat(every.convert("1.5m")).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(every.convert("2h")).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(every.convert("PT1M")).isEqualTo(java.time.Duration.ofMinutes(1));
  }

  @Test
  void live_missingFileOrTickFileOfAnotherUnderlying_exitOne() throws IOException {
    Path ndx = write("ndx.csv", "time,symbol,field,value\n2022-12-13T01:31:00Z,NDX,spot,11500\n");
    Result missing = Cli.run("live", "nope.csv");
    assertThat(missing.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(missing.errLines()).containsExactly("gex: nope.csv: no such file");

    Result other = Cli.run("live", Cli.SPX.toString(), ndx.toString());
    assertThat(other.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(other.errLines())
        .containsExactly("gex: " + ndx + ": spot rows of NDX, but the snapshots are of SPX (one underlying per replay)");
  }

  private static void usage(Result r, String line) {
    assertThat(r.exit()).as("exit of %s", r.err()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly(line);
  }

  private static List<String> expiries(JsonNode j) {
    List<String> list = new ArrayList<>();
    j.get("byExpiry").forEach(e -> list.add(e.get("expiry").asText()));
    return list;
  }

  private static void assertFinite(JsonNode node, String path) {
    if (node.isNumber()) {
      assertThat(Double.isFinite(node.asDouble())).as(path).isTrue();
    } else if (node.isTextual()) {
      assertThat(node.asText()).as(path).isNotIn("NaN", "Infinity", "-Infinity");
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertFinite(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assertFinite(e.getValue(), path + "." + e.getKey());
      }
    }
  }
}

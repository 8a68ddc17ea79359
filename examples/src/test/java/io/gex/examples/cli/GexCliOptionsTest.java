package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gex.examples.cli.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every analysis option is parsed and reaches the analysis: asserted on the settings the analysis records
 * ({@code convention} in JSON, the conventions line of the text) and on the figures.
 */
class GexCliOptionsTest {

  private static final Path SPX = Cli.SPX;

  /** 2022-12-13 10:00 in New York: the 2022-12-13 expiry is then 0DTE. */
  private static final String MORNING_OF_13TH = "2022-12-13T15:00:00Z";

  @Test
  void expiries_zeroDte_keepsOnlyTheValuationDatesExpiry() throws IOException {
    JsonNode j = Cli.analyzeJson(SPX, "--expiries", "0dte", "--valuation-time", MORNING_OF_13TH);

    assertThat(j.get("convention").get("expirySelection").asText()).isEqualTo("ZERO_DTE_ONLY");
    assertThat(expiries(j)).containsExactly("2022-12-13");
    assertThat(j.get("skippedByReason").get("EXCLUDED_BY_EXPIRY_SELECTION").asInt()).isPositive();
    assertThat(Cli.run("analyze", SPX.toString(), "--expiries", "0dte", "--valuation-time", MORNING_OF_13TH).out())
        .contains("; expiries 0dte\n");
  }

  @Test
  void expiries_exZeroDte_dropsIt() throws IOException {
    JsonNode j = Cli.analyzeJson(SPX, "--expiries", "ex-0dte", "--valuation-time", MORNING_OF_13TH);

    assertThat(j.get("convention").get("expirySelection").asText()).isEqualTo("EXCLUDE_ZERO_DTE");
    assertThat(expiries(j)).doesNotContain("2022-12-13").contains("2022-12-14");
  }

  @Test
  void expiries_toMonthly_stopsAtTheThirdFriday() throws IOException {
    JsonNode j = Cli.analyzeJson(SPX, "--expiries", "to-monthly");

    assertThat(j.get("convention").get("expirySelection").asText()).isEqualTo("THROUGH_NEXT_MONTHLY");
    // December 2022's third Friday is the 16th.
    assertThat(expiries(j)).startsWith("2022-12-13").endsWith("2022-12-16");
  }

  @Test
  void expiries_dteRange_keepsThoseDays() throws IOException {
    JsonNode j = Cli.analyzeJson(SPX, "--expiries", "2-10");

    JsonNode c = j.get("convention");
    assertThat(c.get("expirySelection").asText()).isEqualTo("DAYS_TO_EXPIRY");
    assertThat(c.get("expiryMinDays").asInt()).isEqualTo(2);
    assertThat(c.get("expiryMaxDays").asInt()).isEqualTo(10);
    assertThat(j.get("byExpiry").size()).isPositive();
    for (JsonNode e : j.get("byExpiry")) {
      assertThat(e.get("daysToExpiry").asInt()).isBetween(2, 10);
    }
    assertThat(Cli.run("analyze", SPX.toString(), "--expiries", "2-10").out()).contains("; expiries 2-10 DTE\n");
  }

  @Test
  void convention_dealerShortCalls_flipsEverySignAndTheWholeStory() throws IOException {
    JsonNode base = Cli.analyzeJson(SPX);
    JsonNode j = Cli.analyzeJson(SPX, "--convention", "dealer-short-calls");

    assertThat(j.get("convention").get("signConvention").asText()).isEqualTo("DEALER_SHORT_CALLS_LONG_PUTS");
    assertThat(j.get("totalGex").asDouble()).isCloseTo(-base.get("totalGex").asDouble(), within(1.0));
    assertThat(j.get("conventions").asText()).endsWith("dealers short calls / long puts");
    assertThat(j.get("gammaState").asText()).startsWith("positive gamma");

    String text = Cli.run("analyze", SPX.toString(), "--convention", "dealer-short-calls").out();
    assertThat(text)
        .contains("dealers short calls / long puts")
        .containsPattern("Gamma state +positive gamma, near neutral .*: dealers slightly long gamma, their hedging"
            + " slightly dampens moves")
        // The hedge flow tells the same story: against the move.
        .containsPattern("Hedge flow +dealers sell \\$3\\.39bn into a 1% rise, buy \\$3\\.39bn into a 1% fall");
  }

  @Test
  void hedgeFlow_agreesWithTheGammaState_onEverySnapshot() {
    for (Path file : List.of(Cli.SPX, Cli.NDX, Cli.RUT)) {
      for (String convention : List.of("dealer-long-calls", "dealer-short-calls")) {
        String out = Cli.run("analyze", file.toString(), "--convention", convention).out();
        String state = line(out, "Gamma state");
        String flow = line(out, "Hedge flow");
        if (state.contains("short gamma")) {
          assertThat(flow).as("%s %s", file, convention).contains("dealers buy").contains("(with the move)");
        } else if (state.contains("long gamma")) {
          assertThat(flow).as("%s %s", file, convention).contains("dealers sell").contains("(against the move)");
        } else {
          assertThat(flow).as("%s %s", file, convention).endsWith("none");
        }
      }
    }
  }

  @Test
  void iv_eachSource_isRecordedAndStated() throws IOException {
    for (String iv : List.of("vendor", "otm", "mid")) {
      JsonNode j = Cli.analyzeJson(SPX, "--iv", iv);
      assertThat(j.get("convention").get("ivSource").asText()).isEqualTo(iv);
      assertThat(j.get("conventions").asText()).contains("IV " + iv + ",");
    }
    assertThat(Cli.analyzeJson(SPX, "--iv", "MID").get("convention").get("ivSource").asText()).isEqualTo("mid");
  }

  @Test
  void rateAndDividendYield_areStatedInTheText() {
    String out = Cli.run("analyze", SPX.toString(), "--rate", "0.045", "--dividend-yield", "0.015").out();

    assertThat(out).contains("Conventions        r 4.50%, q 1.50%, IV otm, dealers long calls / short puts");
  }

  // --spot and --underlying reach the source as parameters: GexCliPluginsTest, with a source that uses them.

  @Test
  void alerts_fileSystemPropertiesAndDashD_layerInThatOrder(@TempDir Path dir) throws IOException {
    // The built-in gamma-flip-proximity rule raises for SPX (spot 0.35% below zero gamma) within 1%.
    Path file = dir.resolve("alerts.properties");
    // The rule needs high-percent <= medium-percent <= percent.
    Files.writeString(
        file,
        "gex.alerts.gamma-flip-proximity.percent=0.3\n"
            + "gex.alerts.gamma-flip-proximity.medium-percent=0.2\n"
            + "gex.alerts.gamma-flip-proximity.high-percent=0.1\n",
        StandardCharsets.UTF_8);
    assertThat(alertTypes(Cli.run("analyze", SPX.toString(), "--format", "json"))).contains("gamma-flip-proximity");

    // The file's 0.3% silences it...
    assertThat(alertTypes(Cli.run("analyze", SPX.toString(), "--format", "json", "--alerts", file.toString())))
        .doesNotContain("gamma-flip-proximity");
    // ...a system property wins over the file...
    Properties system = new Properties();
    system.setProperty("gex.alerts.gamma-flip-proximity.percent", "0.5");
    system.setProperty("user.name", "ignored: not an alert setting");
    assertThat(alertTypes(Cli.run(system, "analyze", SPX.toString(), "--format", "json", "--alerts", file.toString())))
        .contains("gamma-flip-proximity");
    // ...and -D on the command line wins over both.
    assertThat(
            alertTypes(
                Cli.run(
                    system, "analyze", SPX.toString(), "--format", "json", "--alerts", file.toString(),
                    "-Dgex.alerts.gamma-flip-proximity.percent=0.3")))
        .doesNotContain("gamma-flip-proximity");
    // A rule switched off by a system property alone.
    Properties off = new Properties();
    off.setProperty("gex.alerts.gamma-flip-proximity.enabled", "false");
    assertThat(Cli.run(off, "analyze", SPX.toString()).out()).contains("Alerts: none raised");
  }

  static List<String> expiries(JsonNode j) {
    List<String> out = new ArrayList<>();
    j.get("byExpiry").forEach(e -> out.add(e.get("expiry").asText()));
    return out;
  }

  static List<String> alertTypes(Result r) throws IOException {
    List<String> types = new ArrayList<>();
    Cli.json(r).get("alerts").forEach(a -> types.add(a.get("type").asText()));
    return types;
  }

  private static String line(String text, String label) {
    return text.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
  }
}

package io.gex.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSettingsTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void defaults_areDocumentedValues() {
    AlertSettings d = AlertSettings.DEFAULT;
    assertThat(d.cooldown()).isEqualTo(Duration.ofMinutes(15));
    assertThat(d.ruleTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(d.maxAlertsPerRule()).isEqualTo(100);
    assertThat(d.isEnabled("anything")).isTrue();
    assertThat(d.cooldownOf("anything")).isEqualTo(Duration.ofMinutes(15));
    assertThat(d.configuredRuleIds()).isEmpty();
  }

  @Test
  void fromProperties_readsGlobalAndRuleSettings_andIgnoresOtherKeys() {
    AlertSettings s =
        AlertSettings.fromProperties(
            props(
                "gex.alerts.cooldown", "PT30M",
                "gex.alerts.rule-timeout", "PT0.5S",
                "gex.alerts.max-alerts-per-rule", "10",
                "gex.alerts.gamma-flip-proximity.enabled", "false",
                "gex.alerts.pin-risk.cooldown", "PT1H",
                "gex.alerts.pin-risk.score", " 80 ",
                "gex.alerts.acme.put-dominance.share", "0.8",
                "server.port", "8080"));
    assertThat(s.cooldown()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.ruleTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.maxAlertsPerRule()).isEqualTo(10);
    assertThat(s.isEnabled("gamma-flip-proximity")).isFalse();
    assertThat(s.isEnabled("pin-risk")).isTrue();
    assertThat(s.cooldownOf("pin-risk")).isEqualTo(Duration.ofHours(1));
    assertThat(s.cooldownOf("regime-change")).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.values("pin-risk")).isEqualTo(Map.of("score", "80"));
    assertThat(s.value("acme.put-dominance", "share")).contains("0.8");
    assertThat(s.configuredRuleIds())
        .containsExactlyInAnyOrder("gamma-flip-proximity", "pin-risk", "acme.put-dominance");
  }

  @Test
  void fromProperties_everyProblemReported_namingKeyAndValue() {
    assertThatThrownBy(
            () ->
                AlertSettings.fromProperties(
                    props(
                        "gex.alerts.cooldwn", "PT5M",
                        "gex.alerts.cooldown", "15 minutes",
                        "gex.alerts.pin-risk.enabled", "yes",
                        "gex.alerts.regime-change.cooldown", "-PT1M",
                        "gex.alerts.wall-breach.Buffer", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "gex.alerts.cooldown=15 minutes: expected an ISO-8601 duration such as PT15M or PT0.25S, was"
                + " '15 minutes'")
        .hasMessageContaining("gex.alerts.cooldwn=PT5M: unknown setting")
        .hasMessageContaining("gex.alerts.pin-risk.enabled=yes: expected true or false")
        .hasMessageContaining("gex.alerts.regime-change.cooldown=-PT1M: must not be negative, was -PT1M")
        .hasMessageContaining(
            "gex.alerts.wall-breach.Buffer=1: setting name must be lower-case letters, digits and '-'");
  }

  @Test
  void fromProperties_badTimeoutAndCap_rejected() {
    assertThatThrownBy(() -> AlertSettings.fromProperties(props("gex.alerts.rule-timeout", "PT0S")))
        .hasMessageContaining("gex.alerts.rule-timeout must be > 0, was PT0S");
    assertThatThrownBy(() -> AlertSettings.fromProperties(props("gex.alerts.max-alerts-per-rule", "0")))
        .hasMessageContaining("gex.alerts.max-alerts-per-rule must be in [1, 100000], was 0");
    assertThatThrownBy(() -> AlertSettings.fromProperties(props("gex.alerts.max-alerts-per-rule", "many")))
        .hasMessageContaining("gex.alerts.max-alerts-per-rule=many: expected a whole number");
  }

  @Test
  void builder_rejectsMalformedIdsAndReservedNames() {
    assertThatThrownBy(() -> AlertSettings.builder().enabled("bad id", true))
        .hasMessageContaining("was 'bad id'");
    assertThatThrownBy(() -> AlertSettings.builder().set("pin-risk", "enabled", "true"))
        .hasMessageContaining("gex.alerts.pin-risk.enabled: set enabled and cooldown with");
    assertThatThrownBy(() -> AlertSettings.builder().cooldown(Duration.ofSeconds(-1)))
        .hasMessage("gex.alerts.cooldown must not be negative, was PT-1S");
  }

  @Test
  void toProperties_roundTrips() {
    AlertSettings s =
        AlertSettings.builder()
            .cooldown(Duration.ofMinutes(5))
            .enabled("wall-breach", false)
            .cooldown("pin-risk", Duration.ofHours(2))
            .set("pin-risk", "score", 75.5)
            .set("pin-risk", "max-days", 1L)
            .build();
    Properties p = s.toProperties();
    assertThat(p.getProperty("gex.alerts.pin-risk.score")).isEqualTo("75.5");
    assertThat(p.getProperty("gex.alerts.wall-breach.enabled")).isEqualTo("false");
    assertThat(AlertSettings.fromProperties(p)).isEqualTo(s);
  }

  @Test
  void load_readsAFile_orSaysWhichFileItCouldNotRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("alerts.properties");
    Files.write(
        file,
        List.of("# alerts", "gex.alerts.cooldown=PT10M", "gex.alerts.dealer-short-gamma.threshold=2e9"),
        StandardCharsets.UTF_8);
    AlertSettings s = AlertSettings.load(file);
    assertThat(s.cooldown()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.value("dealer-short-gamma", "threshold")).contains("2e9");
    Path missing = dir.resolve("missing.properties");
    assertThatThrownBy(() -> AlertSettings.load(missing))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("could not read alert settings from " + missing);
  }

  @Test
  void propertiesFile_drivesTheEngine() {
    AlertSettings s =
        AlertSettings.fromProperties(
            props(
                "gex.alerts.gamma-flip-proximity.percent", "2.0",
                "gex.alerts.gex-concentration.enabled", "false"));
    AlertEngine engine = AlertEngine.builder().settings(s).logAlerts(false).executor(Runnable::run).ticker(() -> 0L).build();
    assertThat(engine.ruleSettings("gamma-flip-proximity").getDouble("percent")).isEqualTo(2.0);
    assertThat(engine.ruleSettings("gamma-flip-proximity").getDouble("medium-percent")).isEqualTo(0.5);
    assertThat(engine.activeRuleIds()).doesNotContain("gex-concentration").contains("gamma-flip-proximity");
    AlertEvaluation e = engine.evaluate(AnalysisFixture.spot(4000).zeroGamma(4060).totalGex(9e9).build());
    assertThat(e.raisedBy("gamma-flip-proximity")).singleElement()
        .extracting(GexAlert::severity).isEqualTo(AlertSeverity.LOW); // 1.5% is within 2%
    assertThat(e.raisedBy("gex-concentration")).isEmpty();
  }
}

package com.acme.gexplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertSettings;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.GexAlert;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The engine finds a third-party rule from its META-INF/services entry on the class path and runs it. */
class PluginDiscoveryTest {

  /** Call GEX +1bn, put GEX -3bn: puts hold 75% of gross. */
  private final GexAnalysis putHeavy =
      AnalysisFixture.spot(4000)
          .byStrike(new double[] {3900, 4100}, new double[] {0, 1e9}, new double[] {-3e9, 0})
          .totalGex(-2e9)
          .build();

  @Test
  void engine_discoversThePluginFromTheClassPath_andRaisesItsAlert() {
    // the default executor, as a user would have it; a generous budget for a loaded test machine
    AlertEngine engine =
        AlertEngine.builder()
            .settings(AlertSettings.builder().ruleTimeout(Duration.ofSeconds(30)).build())
            .logAlerts(false)
            .build();
    assertThat(engine.rules()).anySatisfy(r -> assertThat(r).isInstanceOf(PutDominanceRule.class));
    assertThat(engine.activeRuleIds()).contains(PutDominanceRule.ID);

    AlertEvaluation e = engine.evaluate(putHeavy);

    assertThat(e.failures()).isEmpty();
    assertThat(e.raisedBy(PutDominanceRule.ID)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("acme.put-dominance");
      assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
      assertThat(a.figure("putShare")).isEqualTo(0.75);
      assertThat(a.message()).isEqualTo("SPX puts hold 75.0% of gross GEX (alert at 70.0%)");
    });
  }

  @Test
  void pluginSettings_comeFromTheSamePropertiesFile() {
    Properties p = new Properties();
    p.setProperty("gex.alerts.acme.put-dominance.share", "0.8");
    p.setProperty("gex.alerts.rule-timeout", "PT30S");
    AlertEngine engine =
        AlertEngine.builder().settings(AlertSettings.fromProperties(p)).logAlerts(false).build();
    assertThat(engine.ruleSettings(PutDominanceRule.ID).getDouble("share")).isEqualTo(0.8);
    assertThat(engine.evaluate(putHeavy).raisedBy(PutDominanceRule.ID)).isEmpty();
  }

  @Test
  void pluginCanBeSwitchedOff() {
    Properties p = new Properties();
    p.setProperty("gex.alerts.acme.put-dominance.enabled", "false");
    p.setProperty("gex.alerts.rule-timeout", "PT30S");
    AlertEngine engine =
        AlertEngine.builder().settings(AlertSettings.fromProperties(p)).logAlerts(false).build();
    AlertEvaluation e = engine.evaluate(putHeavy);
    assertThat(e.rulesEvaluated()).doesNotContain(PutDominanceRule.ID);
    assertThat(e.raised()).extracting(GexAlert::ruleId).doesNotContain(PutDominanceRule.ID);
  }
}

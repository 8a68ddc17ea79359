package io.gex.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleSettings;
import io.gex.analysis.DealerPosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DealerShortGammaRuleTest {

  private final DealerShortGammaRule rule = new DealerShortGammaRule();
  private final RuleSettings defaults = RuleSettings.forRule(rule, Map.of());

  private List<GexAlert> shortBy(double dollars) {
    GexAnalysis a = AnalysisFixture.spot(4000).dealer(DealerPosition.SHORT_GAMMA, -dollars).build();
    return rule.evaluate(a, Optional.empty(), defaults);
  }

  private AlertSeverity severity(double dollars) {
    List<GexAlert> alerts = shortBy(dollars);
    assertThat(alerts).hasSize(1);
    return alerts.get(0).severity();
  }

  @Test
  void shortGamma_justBelowThreshold_raisesNothing() {
    assertThat(shortBy(0.999e9)).isEmpty();
  }

  @Test
  void shortGamma_atAndAboveEachMultiple() {
    assertThat(severity(1e9)).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(severity(1.001e9)).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(severity(1.999e9)).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(severity(2e9)).isEqualTo(AlertSeverity.HIGH);
    assertThat(severity(3.999e9)).isEqualTo(AlertSeverity.HIGH);
    assertThat(severity(4e9)).isEqualTo(AlertSeverity.CRITICAL);
  }

  @Test
  void alert_figuresAndMessage() {
    GexAlert a = shortBy(2.5e9).get(0);
    assertThat(a.key()).isEqualTo("short-gamma");
    assertThat(a.figure("shortGamma")).isEqualTo(2.5e9);
    assertThat(a.figure("hedgeFlowPerPercent")).isEqualTo(-2.5e9);
    assertThat(a.figure("destabilising")).isEqualTo(1.0);
    assertThat(a.message()).isEqualTo(
        "Dealers are short $2.50bn of gamma per 1% move in SPX (threshold $1.00bn): hedging buys strength"
            + " and sells weakness, amplifying moves");
  }

  @Test
  void longOrNeutralDealers_raiseNothing_evenWithLargeFlow() {
    GexAnalysis longBook = AnalysisFixture.spot(4000).dealer(DealerPosition.LONG_GAMMA, 9e9).build();
    GexAnalysis neutral = AnalysisFixture.spot(4000).dealer(DealerPosition.NEUTRAL, -9e9).build();
    assertThat(rule.evaluate(longBook, Optional.empty(), defaults)).isEmpty();
    assertThat(rule.evaluate(neutral, Optional.empty(), defaults)).isEmpty();
  }

  @Test
  void customThreshold_fromSettings() {
    RuleSettings s = RuleSettings.forRule(rule, Map.of("threshold", "5e8"));
    GexAnalysis a = AnalysisFixture.spot(4000).totalGex(-5e8).build(); // dealer follows total GEX
    assertThat(rule.evaluate(a, Optional.empty(), s)).singleElement()
        .extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
  }
}

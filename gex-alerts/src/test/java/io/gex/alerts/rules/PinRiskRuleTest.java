package io.gex.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinRiskRuleTest {

  private static final LocalDate FRI = LocalDate.of(2022, 12, 16);
  private final PinRiskRule rule = new PinRiskRule();
  private final RuleSettings defaults = RuleSettings.forRule(rule, Map.of());

  private List<GexAlert> pin(long days, double score) {
    GexAnalysis a = AnalysisFixture.spot(4001).pin(FRI, days, score).build();
    return rule.evaluate(a, Optional.empty(), defaults);
  }

  @Test
  void score_justBelowAtAndAboveThreshold() {
    assertThat(pin(0, 69.99)).isEmpty();
    assertThat(pin(0, 70)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(pin(0, 70.01)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
  }

  @Test
  void score_highBoundary_raisesHigh() {
    assertThat(pin(1, 89.99)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(pin(1, 90)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.HIGH);
    assertThat(pin(1, 100)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.HIGH);
  }

  @Test
  void days_justWithinAtAndBeyondMaxDays() {
    assertThat(pin(1, 80)).hasSize(1);
    assertThat(pin(2, 80)).hasSize(1);
    assertThat(pin(3, 80)).isEmpty();
  }

  @Test
  void alert_carriesExpiryKeyAndFigures() {
    GexAlert a = pin(0, 85).get(0);
    assertThat(a.key()).isEqualTo("expiry:2022-12-16");
    assertThat(a.figure("score")).isEqualTo(85.0);
    assertThat(a.figure("pinStrike")).isEqualTo(4000.0);
    assertThat(a.figure("daysToExpiry")).isEqualTo(0.0);
    assertThat(a.figure("expectedMove")).isEqualTo(25.0);
    assertThat(a.message()).isEqualTo(
        "SPX 2022-12-16 expiry (0 days) has pin-risk score 85.0 at strike 4,000 (spot 4,001.00, max pain 4,000;"
            + " alert at 70.0)");
  }

  @Test
  void severalExpiries_oneAlertEachQualifying() {
    GexAnalysis a = AnalysisFixture.spot(4000)
        .pin(FRI, 0, 95).pin(FRI.plusDays(1), 1, 60).pin(FRI.plusDays(2), 2, 75).pin(FRI.plusDays(7), 7, 99)
        .build();
    assertThat(rule.evaluate(a, Optional.empty(), defaults))
        .extracting(GexAlert::key, GexAlert::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("expiry:2022-12-16", AlertSeverity.HIGH),
            org.assertj.core.groups.Tuple.tuple("expiry:2022-12-18", AlertSeverity.MEDIUM));
  }

  @Test
  void maxDaysZero_onlySameDaySettlement() {
    RuleSettings sameDay = RuleSettings.forRule(rule, Map.of("max-days", "0"));
    GexAnalysis a = AnalysisFixture.spot(4000).pin(FRI, 0, 80).pin(FRI.plusDays(1), 1, 80).build();
    assertThat(rule.evaluate(a, Optional.empty(), sameDay)).extracting(GexAlert::key)
        .containsExactly("expiry:2022-12-16");
  }

  @Test
  void noPinRiskFigures_raisesNothing() {
    assertThat(rule.evaluate(AnalysisFixture.spot(4000).build(), Optional.empty(), defaults)).isEmpty();
  }

  @Test
  void settings_highScoreBelowScore_rejected_badDays_rejected() {
    assertThatThrownBy(() -> RuleSettings.forRule(rule, Map.of("high-score", "60")))
        .hasMessageContaining("need high-score >= score, were 60.0 and 70.0");
    assertThatThrownBy(() -> RuleSettings.forRule(rule, Map.of("max-days", "two")))
        .hasMessageContaining("gex.alerts.pin-risk.max-days=two: expected a whole number, was 'two'");
  }
}

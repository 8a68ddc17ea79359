package io.gex.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegimeChangeRuleTest {

  private final RegimeChangeRule rule = new RegimeChangeRule();
  private final RuleSettings defaults = RuleSettings.forRule(rule, Map.of());

  private static GexAnalysis withGex(double spot, double total) {
    return AnalysisFixture.spot(spot).totalGex(total).build();
  }

  private List<GexAlert> change(double fromGex, double toGex) {
    return rule.evaluate(withGex(4010, toGex), Optional.of(withGex(4000, fromGex)), defaults);
  }

  @Test
  void noPrevious_raisesNothing() {
    assertThat(rule.evaluate(withGex(4000, -1e9), Optional.empty(), defaults)).isEmpty();
  }

  @Test
  void sameRegime_raisesNothing() {
    assertThat(change(1e9, 3e9)).isEmpty();
    assertThat(change(-1e9, -2e9)).isEmpty();
  }

  @Test
  void positiveToNegative_raisesHigh() {
    assertThat(change(2e9, -1.5e9)).singleElement().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
      assertThat(a.key()).isEqualTo("to:NEGATIVE");
      assertThat(a.figure("previousTotalGex")).isEqualTo(2e9);
      assertThat(a.figure("totalGex")).isEqualTo(-1.5e9);
      assertThat(a.figure("previousSpot")).isEqualTo(4000.0);
      assertThat(a.message()).isEqualTo(
          "SPX gamma regime changed from POSITIVE to NEGATIVE, dealers short gamma: hedging amplifies moves"
              + " (total GEX $2.00bn -> -$1.50bn per 1% move; spot 4,000.00 -> 4,010.00)");
    });
  }

  @Test
  void negativeToPositive_raisesMedium_neutralChangesRaiseLow() {
    assertThat(change(-1e9, 1e9)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(change(1e9, 0)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.LOW);
    assertThat(change(0, 1e9)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.LOW);
    assertThat(change(0, -1e9)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.HIGH);
  }
}

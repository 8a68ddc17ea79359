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

class GexConcentrationRuleTest {

  private final GexConcentrationRule rule = new GexConcentrationRule();
  private final RuleSettings defaults = RuleSettings.forRule(rule, Map.of());

  private List<GexAlert> total(double totalGex) {
    GexAnalysis a = AnalysisFixture.spot(4000).totalGex(totalGex).build();
    return rule.evaluate(a, Optional.empty(), defaults);
  }

  /** Strikes 3900, 3950, ...; each with call exposure {@code gross[i] * 1e9}, so gross share = gross[i]/sum. */
  private List<GexAlert> strikes(double... grossBillions) {
    double[] strikes = new double[grossBillions.length];
    double[] calls = new double[grossBillions.length];
    double[] puts = new double[grossBillions.length];
    for (int i = 0; i < strikes.length; i++) {
      strikes[i] = 3900 + 50 * i;
      // half call, half put (negative): gross = |call| + |put|
      calls[i] = grossBillions[i] * 0.5e9;
      puts[i] = -grossBillions[i] * 0.5e9;
    }
    GexAnalysis a = AnalysisFixture.spot(4000).byStrike(strikes, calls, puts).build();
    return rule.evaluate(a, Optional.empty(), defaults);
  }

  @Test
  void total_justBelowThreshold_raisesNothing() {
    assertThat(total(4.99e9)).isEmpty();
    assertThat(total(-4.99e9)).isEmpty();
  }

  @Test
  void total_atAndAboveThreshold_raisesMedium_twiceRaisesHigh() {
    assertThat(total(5e9)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("gex-concentration.total");
      assertThat(a.key()).isEqualTo("total");
      assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
      assertThat(a.figure("totalGex")).isEqualTo(5e9);
      assertThat(a.message()).isEqualTo(
          "SPX total GEX is $5.00bn per 1% move (dealers long gamma: hedging dampens moves), at or beyond the"
              + " threshold of $5.00bn in size");
    });
    assertThat(total(5.01e9)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(total(-5e9)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(total(9.99e9)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(total(1e10)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.HIGH);
    assertThat(total(-1.2e10)).singleElement().extracting(GexAlert::severity).isEqualTo(AlertSeverity.HIGH);
  }

  @Test
  void strike_shareJustBelowQuarter_raisesNothing() {
    assertThat(strikes(1, 1, 1, 1, 0.01)).isEmpty(); // 1 / 4.01 = 0.2494
  }

  @Test
  void strike_shareExactlyQuarter_raisesMediumForFirstLargestStrike() {
    assertThat(strikes(1, 1, 1, 1)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("gex-concentration.strike");
      assertThat(a.key()).isEqualTo("strike:3900");
      assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
      assertThat(a.figure("share")).isEqualTo(0.25);
      assertThat(a.figure("grossGex")).isEqualTo(4e9);
      assertThat(a.figure("strikeGrossGex")).isEqualTo(1e9);
    });
  }

  @Test
  void strike_shareAboveQuarter_namesTheStrike_halfRaisesHigh() {
    List<GexAlert> above = strikes(1, 1.01, 1, 1); // 1.01 / 4.01 = 0.2519 at 3950
    assertThat(above).singleElement().satisfies(a -> {
      assertThat(a.key()).isEqualTo("strike:3950");
      assertThat(a.figure("strike")).isEqualTo(3950.0);
      assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
    });
    assertThat(strikes(1, 2, 1)).singleElement().satisfies(a -> {
      assertThat(a.figure("share")).isEqualTo(0.5);
      assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
      assertThat(a.message()).isEqualTo(
          "SPX strike 3,950 holds 50.00% of gross GEX ($2.00bn of $4.00bn per 1% move; alert at 25.00%)");
    });
  }

  @Test
  void strike_noStrikes_raisesNothing() {
    assertThat(strikes()).isEmpty();
  }

  @Test
  void bothConditions_raiseTwoAlerts() {
    GexAnalysis a = AnalysisFixture.spot(4000).totalGex(6e9)
        .byStrike(new double[] {4000, 4100}, new double[] {6e9, 1e9}, new double[] {0, -1e9}).build();
    assertThat(rule.evaluate(a, Optional.empty(), defaults))
        .extracting(GexAlert::type)
        .containsExactly("gex-concentration.total", "gex-concentration.strike");
  }
}

package io.gex.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GammaFlipProximityRuleTest {

  private final GammaFlipProximityRule rule = new GammaFlipProximityRule();
  private final RuleSettings defaults = RuleSettings.forRule(rule, Map.of());

  private List<GexAlert> alertsAt(double zeroGamma) {
    GexAnalysis a = AnalysisFixture.spot(4000).zeroGamma(zeroGamma).build();
    return rule.evaluate(a, Optional.empty(), defaults);
  }

  private Optional<AlertSeverity> severityAt(double zeroGamma) {
    List<GexAlert> alerts = alertsAt(zeroGamma);
    assertThat(alerts).hasSizeLessThanOrEqualTo(1);
    return alerts.stream().map(GexAlert::severity).findFirst();
  }

  @Test
  void evaluate_flipJustBeyondOnePercent_raisesNothing() {
    assertThat(alertsAt(4040.04)).isEmpty(); // 1.001% above spot 4000
    assertThat(alertsAt(3959.96)).isEmpty(); // 1.001% below
  }

  @Test
  void evaluate_flipExactlyOnePercentAway_raisesLow() {
    List<GexAlert> alerts = alertsAt(4040);
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(AlertSeverity.LOW);
      assertThat(a.key()).isEqualTo("zero-gamma");
      assertThat(a.figure("distancePercent")).isEqualTo(1.0);
      assertThat(a.figure("distancePoints")).isEqualTo(40.0);
      assertThat(a.figure("zeroGamma")).isEqualTo(4040.0);
      assertThat(a.message()).isEqualTo(
          "SPX spot 4,000.00 is 40.00 points (1.00%) below the zero-gamma level 4,040.00 (alert within 1.00%)");
    });
    assertThat(severityAt(3960)).contains(AlertSeverity.LOW);
    assertThat(alertsAt(3960).get(0).figure("distancePercent")).isEqualTo(-1.0);
  }

  @Test
  void evaluate_severityBoundaries_belowAtAndAboveEachLevel() {
    assertThat(severityAt(4039.96)).contains(AlertSeverity.LOW); // 0.999%
    assertThat(severityAt(4020.04)).contains(AlertSeverity.LOW); // 0.501%
    assertThat(severityAt(4020)).contains(AlertSeverity.MEDIUM); // 0.5% exactly
    assertThat(severityAt(4019.96)).contains(AlertSeverity.MEDIUM); // 0.499%
    assertThat(severityAt(4010.04)).contains(AlertSeverity.MEDIUM); // 0.251%
    assertThat(severityAt(4010)).contains(AlertSeverity.HIGH); // 0.25% exactly
    assertThat(severityAt(4009.96)).contains(AlertSeverity.HIGH);
    assertThat(severityAt(4000)).contains(AlertSeverity.HIGH);
    assertThat(alertsAt(4000).get(0).message()).contains("SPX spot 4,000.00 is at the zero-gamma level 4,000.00 (");
  }

  @Test
  void evaluate_noZeroGamma_raisesNothing() {
    GexAnalysis a = AnalysisFixture.spot(4000).build();
    assertThat(rule.evaluate(a, Optional.empty(), defaults)).isEmpty();
  }

  @Test
  void evaluate_customPercent_movesTheLowBoundary() {
    RuleSettings wide = RuleSettings.forRule(rule, Map.of("percent", "2"));
    GexAnalysis a = AnalysisFixture.spot(4000).zeroGamma(4080).build(); // 2.0%
    assertThat(rule.evaluate(a, Optional.empty(), wide)).singleElement()
        .extracting(GexAlert::severity).isEqualTo(AlertSeverity.LOW);
    GexAnalysis b = AnalysisFixture.spot(4000).zeroGamma(4080.04).build();
    assertThat(rule.evaluate(b, Optional.empty(), wide)).isEmpty();
  }

  @Test
  void settings_highAboveMedium_rejectedWithValues() {
    assertThatThrownBy(() -> RuleSettings.forRule(rule, Map.of("high-percent", "0.8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need high-percent <= medium-percent <= percent, were 0.8, 0.5 and 1.0");
  }

  @Test
  void settings_percentOutOfRange_rejectedNamingKeyAndValue() {
    assertThatThrownBy(() -> RuleSettings.forRule(rule, Map.of("percent", "-1")))
        .hasMessageContaining("gex.alerts.gamma-flip-proximity.percent=-1: must be in [0, 100], was -1");
  }

  @Test
  void severity_neverFallsAsTheFlipComesCloser() {
    qt().forAll(doubles().between(0, 3), doubles().between(0, 3))
        .checkAssert(
            (d1, d2) -> {
              double near = Math.min(d1, d2);
              double far = Math.max(d1, d2);
              Optional<AlertSeverity> sNear = severityAt(4000 * (1 + near / 100));
              Optional<AlertSeverity> sFar = severityAt(4000 * (1 + far / 100));
              if (sFar.isPresent()) {
                assertThat(sNear).isPresent();
                assertThat(sNear.get()).isGreaterThanOrEqualTo(sFar.get());
              }
              if (near > 1.0 + 1e-9) {
                assertThat(sNear).isEmpty();
              }
              if (near < 1.0 - 1e-9) {
                assertThat(sNear).isPresent();
              }
            });
  }

  @Test
  void evaluate_figuresAreTheAnalysisFigures() {
    GexAlert a = alertsAt(4012.5).get(0);
    assertThat(a.figure("spot")).isEqualTo(4000.0);
    assertThat(a.figure("distancePercent")).isCloseTo(0.3125, within(1e-12));
    assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(a.symbol()).isEqualTo("SPX");
    assertThat(a.instant()).isEqualTo(AnalysisFixture.T0);
  }
}

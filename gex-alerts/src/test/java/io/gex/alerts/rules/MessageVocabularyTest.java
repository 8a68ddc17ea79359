package io.gex.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.gex.GammaRegime;
import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleSettings;
import io.gex.analysis.DealerPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules' messages speak the project's one vocabulary for the gamma state: the regime is the
 * sign of total GEX; dealers long gamma (positive) hedge so as to dampen moves, dealers short gamma
 * (negative) amplify them. No message may pair a side with the other side's effect or the other regime.
 */
class MessageVocabularyTest {

  private static final List<AlertRule> RULES =
      List.of(
          new GammaFlipProximityRule(),
          new GexConcentrationRule(),
          new PinRiskRule(),
          new RegimeChangeRule(),
          new DealerShortGammaRule(),
          new WallBreachRule());

  private static final double[] TOTALS = {-2e10, -3e9, -1e9, 0, 1e9, 3e9, 2e10};

  private static GexAnalysis analysis(double spot, double total, java.time.Instant at) {
    AnalysisFixture f = AnalysisFixture.spot(spot).totalGex(total).at(at).zeroGamma(spot * 1.002)
        .callWall(spot * 1.01).putWall(spot * 0.99);
    if (total < 0) {
      f.dealer(DealerPosition.SHORT_GAMMA, total);
    } else if (total > 0) {
      f.dealer(DealerPosition.LONG_GAMMA, total);
    }
    return f.build();
  }

  private static List<GexAlert> allAlerts(GexAnalysis current, GexAnalysis previous) {
    List<GexAlert> out = new ArrayList<>();
    for (AlertRule r : RULES) {
      out.addAll(r.evaluate(current, Optional.of(previous), RuleSettings.forRule(r, Map.of())));
    }
    return out;
  }

  /** Checks one message against the regime of the analysis it is about. */
  private static void speaksTheVocabulary(GexAlert alert, GammaRegime regime) {
    String m = alert.message().toLowerCase(Locale.ROOT);
    if (m.contains("long gamma")) {
      assertThat(regime).as(alert.message()).isEqualTo(GammaRegime.POSITIVE);
      assertThat(m).as("long gamma dampens").contains("dampens").doesNotContain("amplif");
    }
    if (m.contains("short gamma") || m.contains("of gamma per 1% move")) {
      assertThat(regime).as(alert.message()).isEqualTo(GammaRegime.NEGATIVE);
      assertThat(m).as("short gamma amplifies").contains("amplif").doesNotContain("dampen");
    }
    if (m.contains("dampens")) {
      assertThat(m).as(alert.message()).contains("long gamma");
    }
    if (m.contains("amplif")) {
      assertThat(m).as(alert.message()).containsAnyOf("short gamma", "are short");
    }
  }

  @Test
  void everyBuiltInMessage_namesTheSideOfItsRegime_andItsEffect() {
    qt().forAll(
            integers().between(0, TOTALS.length - 1),
            integers().between(0, TOTALS.length - 1),
            doubles().between(3800, 4200))
        .checkAssert((from, to, spot) -> {
          GexAnalysis previous = analysis(4000, TOTALS[from], AnalysisFixture.T0);
          GexAnalysis current = analysis(spot, TOTALS[to], AnalysisFixture.T0.plusSeconds(60));
          for (GexAlert a : allAlerts(current, previous)) {
            speaksTheVocabulary(a, current.regime());
          }
        });
  }

  @Test
  void regimeMessages_sayWhatTheNewRegimeMeans() {
    GexAnalysis longGamma = analysis(4000, 3e9, AnalysisFixture.T0);
    GexAnalysis shortGamma = analysis(4000, -3e9, AnalysisFixture.T0.plusSeconds(60));
    GexAnalysis neutral = analysis(4000, 0, AnalysisFixture.T0.plusSeconds(120));
    RegimeChangeRule rule = new RegimeChangeRule();
    RuleSettings s = RuleSettings.forRule(rule, Map.of());
    assertThat(rule.evaluate(shortGamma, Optional.of(longGamma), s).get(0).message())
        .contains("from POSITIVE to NEGATIVE, dealers short gamma: hedging amplifies moves");
    GexAnalysis longAgain = analysis(4000, 3e9, AnalysisFixture.T0.plusSeconds(180));
    assertThat(rule.evaluate(longAgain, Optional.of(shortGamma), s).get(0).message())
        .contains("from NEGATIVE to POSITIVE, dealers long gamma: hedging dampens moves");
    assertThat(rule.evaluate(neutral, Optional.of(shortGamma), s).get(0).message())
        .contains("from NEGATIVE to NEUTRAL, total GEX zero: dealers have no net gamma to hedge");
    GexConcentrationRule concentration = new GexConcentrationRule();
    assertThat(concentration.evaluate(analysis(4000, -2e10, AnalysisFixture.T0), Optional.empty(),
            RuleSettings.forRule(concentration, Map.of())).get(0).message())
        .isEqualTo("SPX total GEX is -$20.00bn per 1% move (dealers short gamma: hedging amplifies moves), at or"
            + " beyond the threshold of $5.00bn in size");
  }
}

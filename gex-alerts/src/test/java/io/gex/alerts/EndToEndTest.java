package io.gex.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gex.GammaRegime;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.alerts.rules.GexConcentrationRule;
import io.gex.alerts.rules.RegimeChangeRule;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Alerts on analyses made by the real GexEngine from small hand-made chains. */
class EndToEndTest {

  private static final Instant AT = Instant.parse("2022-12-12T15:00:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2022, 12, 16);

  /** Strikes 3900..4100 by 50; call and put open interest per strike. */
  private static OptionChain chain(double spot, Instant at, long callOi, long putOi) {
    List<OptionContract> contracts = new ArrayList<>();
    for (double k = 3900; k <= 4100; k += 50) {
      contracts.add(OptionContract.of("SPXW", EXPIRY, OptionRight.CALL, k, callOi, 0.2));
      contracts.add(OptionContract.of("SPXW", EXPIRY, OptionRight.PUT, k, putOi, 0.2));
    }
    return OptionChain.of("SPX", spot, at, contracts);
  }

  @Test
  void realAnalyses_concentrationAndRegimeChange_carryTheAnalysisFigures() {
    GexEngine gex = GexEngine.builder().build();
    GexAnalysis callHeavy = gex.analyze(chain(4000, AT, 5000, 1000));
    GexAnalysis putHeavy = gex.analyze(chain(3995, AT.plusSeconds(600), 1000, 5000));
    assertThat(callHeavy.regime()).isEqualTo(GammaRegime.POSITIVE);
    assertThat(putHeavy.regime()).isEqualTo(GammaRegime.NEGATIVE);

    AlertEngine alerts =
        AlertEngine.builder()
            .discoverRules(false)
            .rule(new GexConcentrationRule())
            .rule(new RegimeChangeRule())
            .settings(AlertSettings.builder().set(GexConcentrationRule.ID, "total-threshold", 1.0).build())
            .logAlerts(false)
            .executor(Runnable::run)
            .ticker(() -> 0L)
            .build();

    AlertEvaluation first = alerts.evaluate(callHeavy);
    assertThat(first.failures()).isEmpty();
    GexAlert total =
        first.raised().stream().filter(a -> a.type().equals(GexConcentrationRule.TOTAL)).findFirst().orElseThrow();
    assertThat(total.figure("totalGex")).isEqualTo(callHeavy.totalGex());
    assertThat(total.severity()).isEqualTo(AlertSeverity.HIGH); // billions >> 2 x $1

    AlertEvaluation second = alerts.evaluate(putHeavy);
    assertThat(second.previousValuationTime()).contains(AT);
    GexAlert change = second.raisedBy(RegimeChangeRule.ID).get(0);
    assertThat(change.key()).isEqualTo("to:NEGATIVE");
    assertThat(change.severity()).isEqualTo(AlertSeverity.HIGH);
    assertThat(change.figure("previousTotalGex")).isEqualTo(callHeavy.totalGex());
    assertThat(change.figure("totalGex")).isEqualTo(putHeavy.totalGex());
    // the total-GEX alert's key did not change and its severity did not rise: suppressed
    assertThat(second.suppressed()).extracting(GexAlert::key).contains("total");

    // the strike share is the engine's own by-strike figures
    GexAlert strike = first.raised().stream()
        .filter(a -> a.type().equals(GexConcentrationRule.STRIKE)).findFirst().orElseThrow();
    int i = callHeavy.exposures().byStrike().indexOf(strike.figure("strike"));
    double gross = 0;
    for (int j = 0; j < callHeavy.exposures().byStrike().size(); j++) {
      gross += Math.abs(callHeavy.exposures().byStrike().callGex().get(j)) + Math.abs(callHeavy.exposures().byStrike().putGex().get(j));
    }
    double own = Math.abs(callHeavy.exposures().byStrike().callGex().get(i)) + Math.abs(callHeavy.exposures().byStrike().putGex().get(i));
    assertThat(strike.figure("share")).isCloseTo(own / gross, within(1e-15));
    assertThat(strike.figure("strike")).isEqualTo(4000.0); // at the money gamma is highest
    assertThat(alerts.evaluate(putHeavy, Optional.empty()).raisedBy(RegimeChangeRule.ID)).isEmpty();
  }
}

package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.greeks.BlackScholes;
import io.gex.settings.GexSettings;
import io.gex.testing.TestChains;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaProfileCalculatorTest {

  private static final GammaProfileCalculator CALC = GammaProfileCalculator.DEFAULT;

  @Test
  void profiles_onePass_equalEachScopeComputedAlone() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 400))
        .checkAssert(
            (seed, n) -> {
              ResolvedChain chain =
                  ResolvedChain.resolve(TestChains.random(seed, n), GexSettings.DEFAULT);
              List<GammaProfile> together = CALC.profiles(chain);
              for (GammaProfile p : together) {
                GammaProfile alone = CALC.profile(chain, p.scope());
                assertThat(p.excludedExpiry()).isEqualTo(alone.excludedExpiry());
                double scale = 1e-300;
                for (double v : alone.totalGex().toArray()) {
                  scale = Math.max(scale, Math.abs(v));
                }
                for (int j = 0; j < p.spots().size(); j++) {
                  assertThat(p.totalGex().get(j))
                      .isCloseTo(alone.totalGex().get(j), within(1e-12 * scale));
                }
                assertThat(p.crossings().size()).isEqualTo(alone.crossings().size());
              }
            });
  }

  @Test
  void profile_fineGrid_matchesDirectGammaAtEveryPointWithin1e9() {
    // 4001 points: lanes run long between re-anchorings, and short-dated contracts get narrow windows.
    GexSettings fine =
        GexEngine.builder().profilePoints(4001).profileRange(0.7, 1.3).build().settings();
    OptionChain chain = TestChains.random(5, 300);
    ResolvedChain resolved = ResolvedChain.resolve(chain, fine);
    GammaProfile p = CALC.profile(resolved);
    double scale = 0;
    for (double v : p.totalGex().toArray()) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int j = 0; j < p.spots().size(); j += 37) {
      double s = p.spots().get(j);
      double direct = 0;
      for (int i = 0; i < resolved.n; i++) {
        direct +=
            resolved.sign[i]
                * BlackScholes.gamma(s, resolved.strike[i], resolved.tau[i], resolved.vol[i], 0, 0)
                * resolved.openInterest[i]
                * 100
                * s
                * s
                * 0.01;
      }
      assertThat(p.totalGex().get(j)).isCloseTo(direct, within(1e-9 * scale));
    }
  }

  @Test
  void totalGexAt_spot_equalsTheExposureTotal() {
    ResolvedChain chain = ResolvedChain.resolve(TestChains.random(3, 250), GexSettings.DEFAULT);
    GexExposures exposures = ExposureCalculator.DEFAULT.calculate(chain);
    assertThat(CALC.totalGexAt(chain, chain.spot()))
        .isCloseTo(
            exposures.totalGex(),
            within(1e-9 * (Math.abs(exposures.callGex()) + Math.abs(exposures.putGex()))));
  }

  @Test
  void strikeZeroGamma_interpolatesTheCumulativeSum() {
    // cumulative: -3, -1, +2 -> crosses between 4000 (-1) and 4100 (+2): 4000 + 100 * 1/3
    assertThat(
            ExposureCalculator.strikeZeroGamma(
                new double[] {3900, 4000, 4100}, new double[] {-3, 2, 3}, 4000))
        .hasValueCloseTo(4033.333333333333, within(1e-9));
    assertThat(
            ExposureCalculator.strikeZeroGamma(
                new double[] {3900, 4000}, new double[] {1, 2}, 4000))
        .isEmpty();
  }
}

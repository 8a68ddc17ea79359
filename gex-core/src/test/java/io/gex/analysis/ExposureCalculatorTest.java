package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.GexSettings;
import io.gex.testing.TestChains;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureCalculatorTest {

  @Test
  void strikeZeroGamma_oneFarStrikeWithASliverOfExposure_doesNotMakeALevel() {
    // cumulative: +1, -99, -149, -89, -59: the only change of sign comes from the +1 at 400 (0.4% of the
    // gross 241); the old definition reported 400 + 1350 / 100 = 413.5.
    assertThat(
            ExposureCalculator.strikeZeroGamma(
                new double[] {400, 1750, 1800, 1850, 1900},
                new double[] {1, -100, -50, 60, 30},
                1817))
        .isEmpty();
  }

  @Test
  void strikeZeroGamma_farOutlierAndARealCrossing_givesTheRealCrossing() {
    // cumulative: +1, -99, -149, -29, +31: crosses between 1850 and 1900 at 1850 + 50 * 29 / 60.
    assertThat(
            ExposureCalculator.strikeZeroGamma(
                new double[] {400, 1750, 1800, 1850, 1900},
                new double[] {1, -100, -50, 120, 60},
                1817))
        .hasValueCloseTo(1850 + 50 * 29.0 / 60, within(1e-9));
  }

  @Test
  void strikeZeroGamma_smallWigglesAroundZero_giveTheInterpolatedZeroNearestSpot() {
    // cumulative: -50, -0.2, +0.3, -0.1, +60 (gross 160.8): significant only at 3900 (-) and 4100 (+). The
    // zeros between are 3976, 4037.5 and 4050.08; the one nearest spot 4030 is 4000 + 50 * 0.3 / 0.4.
    double[] strikes = {3900, 3960, 4000, 4050, 4100};
    double[] net = {-50, 49.8, 0.5, -0.4, 60.1};
    double expected = 4000 + 50 * 0.3 / 0.4;
    assertThat(ExposureCalculator.strikeZeroGamma(strikes, net, 4030))
        .hasValueCloseTo(expected, within(1e-9));
  }

  @Test
  void calculate_rutLikeChainWithOneDeepWingPlaceholderVolatility_hasNoFarStrikeZeroGamma() {
    // Puts dominate around spot 1817 (total negative); one 400 call with a placeholder volatility of 0.9
    // adds a positive sliver at the far left of the cumulative sum.
    List<OptionContract> list = new ArrayList<>();
    for (int k = 1700; k <= 1900; k += 25) {
      list.add(OptionContract.of("RUTW", TestChains.EXPIRY, OptionRight.PUT, k, 2000, 0.2));
      list.add(OptionContract.of("RUTW", TestChains.EXPIRY, OptionRight.CALL, k, 500, 0.2));
    }
    OptionChain clean = OptionChain.of("RUT", 1817, TestChains.VALUATION, list);
    list.add(OptionContract.of("RUTW", TestChains.EXPIRY, OptionRight.CALL, 400, 100, 0.9));
    OptionChain withOutlier = OptionChain.of("RUT", 1817, TestChains.VALUATION, list);

    GexExposures a = ExposureCalculator.DEFAULT.calculate(ResolvedChain.resolve(clean, GexSettings.DEFAULT));
    GexExposures b =
        ExposureCalculator.DEFAULT.calculate(ResolvedChain.resolve(withOutlier, GexSettings.DEFAULT));
    assertThat(a.totalGex()).isNegative();
    assertThat(b.byStrike().netGex().get(0)).isPositive();
    assertThat(a.strikeZeroGamma()).isEmpty();
    assertThat(b.strikeZeroGamma()).isEmpty();
  }
}

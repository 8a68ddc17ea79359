package io.gex;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.analysis.DealerPosition;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import io.gex.testing.TestChains;
import java.util.List;
import org.junit.jupiter.api.Test;

class GammaStateTest {

  private static GexAnalysis analyze(List<OptionContract> contracts) {
    return GexEngine.builder()
        .build()
        .analyze(OptionChain.of("SPX", 4000, TestChains.VALUATION, contracts));
  }

  private static OptionContract contract(OptionRight right, long openInterest) {
    return OptionContract.of("SPXW", TestChains.EXPIRY, right, 4000, openInterest, 0.2);
  }

  @Test
  void gammaState_loneCall_isLongGammaDampening() {
    GexAnalysis a = analyze(List.of(contract(OptionRight.CALL, 1000)));
    assertThat(a.regime()).isEqualTo(GammaRegime.POSITIVE);
    assertThat(a.dealer().position()).isEqualTo(DealerPosition.LONG_GAMMA);
    assertThat(a.gammaState()).isEqualTo("positive gamma: dealers long gamma, their hedging dampens moves");
  }

  @Test
  void gammaState_lonePut_isShortGammaAmplifying() {
    GexAnalysis a = analyze(List.of(contract(OptionRight.PUT, 1000)));
    assertThat(a.gammaState())
        .isEqualTo("negative gamma: dealers short gamma, their hedging amplifies moves");
  }

  @Test
  void gammaState_withinNeutralBand_keepsTheSignAndSaysSlightly() {
    // Same strike, expiry and vol (r = q = 0): call and put gamma are equal, so total / gross = 10 / 1990.
    GexAnalysis a = analyze(List.of(contract(OptionRight.CALL, 1000), contract(OptionRight.PUT, 990)));
    assertThat(a.regime()).isEqualTo(GammaRegime.POSITIVE);
    assertThat(a.dealer().position()).isEqualTo(DealerPosition.NEUTRAL);
    assertThat(a.gammaState())
        .isEqualTo(
            "positive gamma, near neutral (|total| 0.5% of gross): dealers slightly long gamma, their"
                + " hedging slightly dampens moves");
  }

  @Test
  void hedgeFlow_agreesWithTheGammaState() {
    GexAnalysis longGamma = analyze(List.of(contract(OptionRight.CALL, 1000)));
    GexAnalysis shortGamma = analyze(List.of(contract(OptionRight.PUT, 1000)));
    double flow = longGamma.totalGex();
    String amount = String.format(java.util.Locale.ROOT, "$%,.2fbn", flow / 1e9);
    assertThat(flow).isPositive();
    assertThat(longGamma.hedgeFlow())
        .isEqualTo(
            "dealers sell " + amount + " into a 1% rise, buy " + amount
                + " into a 1% fall (against the move)");
    assertThat(shortGamma.hedgeFlow())
        .isEqualTo(
            "dealers buy " + amount + " into a 1% rise, sell " + amount
                + " into a 1% fall (with the move)");
  }

  @Test
  void describe_defaultSettings_statesRateYieldIvSourceAndConvention() {
    assertThat(GexSettings.DEFAULT.describe())
        .isEqualTo("r 0.00%, q 0.00%, IV otm, dealers long calls / short puts");
    assertThat(
            GexEngine.builder()
                .rate(0.043)
                .dividendYield(0.013)
                .ivSource(IvSource.VENDOR)
                .signConvention(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS)
                .build()
                .settings()
                .describe())
        .isEqualTo("r 4.30%, q 1.30%, IV vendor, dealers short calls / long puts");
  }

  @Test
  void ivSource_fromId_acceptsEveryIdAndNamesABadOne() {
    for (IvSource s : IvSource.values()) {
      assertThat(IvSource.fromId(s.id().toUpperCase(java.util.Locale.ROOT))).isEqualTo(s);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> IvSource.fromId("bid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ivSource must be one of vendor, otm, mid, was 'bid'");
  }
}

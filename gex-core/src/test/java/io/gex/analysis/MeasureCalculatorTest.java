package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexEngine;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.greeks.BlackScholes;
import io.gex.settings.GexSettings;
import io.gex.settings.SignConvention;
import io.gex.testing.TestChains;
import java.time.LocalDate;
import io.gex.settings.IvSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.SplittableRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureCalculatorTest {

  private static final double SPOT = 4000;
  private static final double R = 0.03;
  private static final double Q = 0.01;
  private static final LocalDate NEAR = TestChains.EXPIRY;
  private static final LocalDate FAR = NEAR.plusDays(28);

  /** A 4050 call of the near expiry (OI 1000, vol 0.2) and a 3900 put of the far one (OI 600, vol 0.25). */
  private static OptionChain twoContracts() {
    return OptionChain.of(
        "SPX",
        SPOT,
        TestChains.VALUATION,
        List.of(
            OptionContract.of("SPXW", NEAR, OptionRight.CALL, 4050, 1000, 0.20),
            OptionContract.of("SPXW", FAR, OptionRight.PUT, 3900, 600, 0.25)));
  }

  private static GexSettings settings() {
    return GexEngine.builder().rate(R).dividendYield(Q).build().settings();
  }

  /** The exposure of one contract by the table of {@link Measure}, from the public greeks. */
  private static double expected(Measure m, boolean call, double k, double tau, double vol, double p) {
    double s = SPOT;
    return switch (m) {
      case GAMMA -> p * BlackScholes.gamma(s, k, tau, vol, R, Q) * s * s * 0.01;
      case DELTA -> p * BlackScholes.delta(call, s, k, tau, vol, R, Q) * s;
      case VANNA -> p * BlackScholes.vanna(s, k, tau, vol, R, Q) * s * 0.01;
      case CHARM -> p * BlackScholes.charm(call, s, k, tau, vol, R, Q) * s / 365;
      case VOMMA -> p * BlackScholes.vomma(s, k, tau, vol, R, Q) * 0.01 * 0.01;
      case SPEED -> p * BlackScholes.speed(s, k, tau, vol, R, Q) * s * s * s * 0.01 * 0.01;
      case ZOMMA -> p * BlackScholes.zomma(s, k, tau, vol, R, Q) * s * s * 0.01 * 0.01;
      case COLOR -> p * BlackScholes.color(s, k, tau, vol, R, Q) * s * s * 0.01 / 365;
    };
  }

  @Test
  void calculate_twoContracts_givesEachMeasureByStrikeByExpiryAndTotal() {
    ResolvedChain chain = ResolvedChain.resolve(twoContracts(), settings());
    // 27 days to the near expiry (16:00 New York), 55 to the far one.
    double tauNear = 27 / 365.0;
    double tauFar = 55 / 365.0;
    assertThat(chain.tau[0]).isCloseTo(tauNear, within(1e-12));
    assertThat(chain.tau[1]).isCloseTo(tauFar, within(1e-12));

    MeasureExposures all = MeasureCalculator.DEFAULT.calculate(chain, EnumSet.allOf(Measure.class));

    for (Measure m : Measure.values()) {
      double call = expected(m, true, 4050, tauNear, 0.20, +1000 * 100);
      double put = expected(m, false, 3900, tauFar, 0.25, -600 * 100);
      MeasureExposure e = all.exposure(m);
      double tol = 1e-12 * (Math.abs(call) + Math.abs(put));
      assertThat(e.call()).as("%s call", m).isCloseTo(call, within(tol));
      assertThat(e.put()).as("%s put", m).isCloseTo(put, within(tol));
      assertThat(e.total()).as("%s total", m).isCloseTo(call + put, within(tol));
      // strikes 3900, 4050; expiries NEAR, FAR
      assertThat(e.strikes().toArray()).containsExactly(3900, 4050);
      assertThat(e.callByStrike().toArray()).containsExactly(new double[] {0, call}, within(tol));
      assertThat(e.putByStrike().toArray()).containsExactly(new double[] {put, 0}, within(tol));
      assertThat(e.netByStrike().toArray()).containsExactly(new double[] {put, call}, within(tol));
      assertThat(e.expiries()).containsExactly(NEAR, FAR);
      assertThat(e.netByExpiry().toArray()).containsExactly(new double[] {call, put}, within(tol));
      assertThat(all.gross(m)).isCloseTo(Math.abs(call) + Math.abs(put), within(tol));
    }
  }

  @Test
  void calculate_signsAndScales_areTheDocumentedOnes() {
    ResolvedChain chain = ResolvedChain.resolve(twoContracts(), settings());
    MeasureExposures all = MeasureCalculator.DEFAULT.calculate(chain, EnumSet.allOf(Measure.class));
    // Dealers long the 4050 call (OTM): long gamma, long delta, long vomma (OTM), decaying gamma.
    assertThat(all.exposure(Measure.GAMMA).call()).isPositive();
    assertThat(all.exposure(Measure.DELTA).call()).isPositive();
    assertThat(all.exposure(Measure.VOMMA).call()).isPositive();
    // Short the 3900 put: short gamma, and short put delta is long delta.
    assertThat(all.exposure(Measure.GAMMA).put()).isNegative();
    assertThat(all.exposure(Measure.DELTA).put()).isPositive();
    // A 1% rise of spot moves the call's gamma toward its strike: speed of the OTM call is positive.
    assertThat(all.exposure(Measure.SPEED).call()).isPositive();
    assertThat(Measure.GAMMA.unit()).isEqualTo("USD per 1% move");
    assertThat(Measure.SPEED.id()).isEqualTo("speed");
  }

  @Test
  void calculate_dealerShortCallsConvention_flipsEverySign() {
    GexSettings flipped =
        GexEngine.builder()
            .rate(R)
            .dividendYield(Q)
            .signConvention(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS)
            .build()
            .settings();
    MeasureExposures a =
        MeasureCalculator.DEFAULT.calculate(
            ResolvedChain.resolve(twoContracts(), settings()), EnumSet.allOf(Measure.class));
    MeasureExposures b =
        MeasureCalculator.DEFAULT.calculate(
            ResolvedChain.resolve(twoContracts(), flipped), EnumSet.allOf(Measure.class));
    for (Measure m : Measure.values()) {
      assertThat(b.exposure(m).total()).as("%s", m).isEqualTo(-a.exposure(m).total());
    }
  }

  @Test
  void calculate_oneMeasure_isThatMeasureOfTheFullPass_andRefusesOthers() {
    ResolvedChain chain = ResolvedChain.resolve(TestChains.random(7, 300), settings());
    MeasureExposures all = MeasureCalculator.DEFAULT.calculate(chain, EnumSet.allOf(Measure.class));
    MeasureExposures speed = MeasureCalculator.DEFAULT.calculate(chain, EnumSet.of(Measure.SPEED));

    assertThat(speed.exposure(Measure.SPEED)).isEqualTo(all.exposure(Measure.SPEED));
    assertThatThrownBy(() -> speed.exposure(Measure.GAMMA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GAMMA was not calculated");
    assertThatThrownBy(() -> MeasureCalculator.DEFAULT.calculate(chain, EnumSet.noneOf(Measure.class)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void calculate_sumsByStrikeAndByExpiry_equalTheTotal() {
    ResolvedChain chain = ResolvedChain.resolve(TestChains.random(11, 500), settings());
    MeasureExposures all = MeasureCalculator.DEFAULT.calculate(chain, EnumSet.allOf(Measure.class));
    for (Measure m : Measure.values()) {
      MeasureExposure e = all.exposure(m);
      double scale = all.gross(m);
      assertThat(e.netByStrike().sum()).as("%s", m).isCloseTo(e.total(), within(1e-12 * scale));
      assertThat(e.netByExpiry().sum()).as("%s", m).isCloseTo(e.total(), within(1e-12 * scale));
    }
  }

  @Test
  void engine_gammaAndDealerFigures_areTheMeasuresOfTheOnePass() {
    OptionChain chain = TestChains.random(3, 400);
    var analysis = GexEngine.builder().rate(R).dividendYield(Q).build().analyze(chain);
    MeasureExposures all =
        MeasureCalculator.DEFAULT.calculate(
            ResolvedChain.resolve(chain, settings()), EnumSet.allOf(Measure.class));

    assertThat(analysis.exposures().callGex()).isEqualTo(all.exposure(Measure.GAMMA).call());
    assertThat(analysis.exposures().putGex()).isEqualTo(all.exposure(Measure.GAMMA).put());
    assertThat(analysis.dealer().deltaExposure()).isEqualTo(all.netTotal[Measure.DELTA.ordinal()]);
    assertThat(analysis.dealer().grossGex()).isEqualTo(all.gross(Measure.GAMMA));
    assertThat(analysis.greeks().exposures())
        .extracting(MeasureExposure::measure)
        .containsExactly(Measure.VOMMA, Measure.SPEED, Measure.ZOMMA, Measure.COLOR);
    assertThat(analysis.greeks().exposure(Measure.ZOMMA)).contains(all.exposure(Measure.ZOMMA));
    // Opt-in figures are absent by default.
    assertThat(analysis.greeks().zeroGammaByExpiry()).isEmpty();
    assertThat(analysis.greeks().profiles()).isEmpty();
  }
  /**
   * GAMMA alone (a live chain's spot tick) takes its own pass; it must give what the pass over every measure
   * gives, to the last bit: chains whose calls and puts sit side by side (so that pairs share their
   * Gaussian), with members missing, zero open interest and every IV source.
   */
  @Test
  void calculate_gammaAlone_isTheGammaOfTheFullPass_toTheBit() {
    qt().withExamples(40)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              OptionChain chain = pairedChain(seed);
              for (IvSource source : IvSource.values()) {
                ResolvedChain resolved =
                    ResolvedChain.resolve(
                        chain, GexEngine.builder().ivSource(source).build().settings());
                MeasureExposures all =
                    MeasureCalculator.DEFAULT.calculate(resolved, EnumSet.allOf(Measure.class));
                MeasureExposures gamma =
                    MeasureCalculator.DEFAULT.calculate(resolved, EnumSet.of(Measure.GAMMA));
                assertThat(gamma.exposure(Measure.GAMMA)).isEqualTo(all.exposure(Measure.GAMMA));
                assertThat(gamma.gross(Measure.GAMMA)).isEqualTo(all.gross(Measure.GAMMA));
                assertThat(gamma.gammaHeatmap).isEqualTo(all.gammaHeatmap);
                assertThat(gamma.openInterestByExpiry).isEqualTo(all.openInterestByExpiry);
                assertThat(gamma.contractsByExpiry).isEqualTo(all.contractsByExpiry);
                assertThat(ExposureCalculator.DEFAULT.calculate(resolved))
                    .isEqualTo(ExposureCalculator.DEFAULT.calculate(all));
              }
            });
  }

  /**
   * Calls and puts of each strike side by side, as sources list them, with one member of some pairs
   * missing, some without open interest, and quotes so that the mid and out-of-the-money rules price
   * them.
   */
  private static OptionChain pairedChain(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<OptionContract> list = new ArrayList<>();
    for (int e = 0; e < 1 + random.nextInt(4); e++) {
      LocalDate expiry = NEAR.plusDays(7L * e + random.nextInt(3));
      for (double k = 3800; k <= 4200; k += 25) {
        double vol = 0.1 + 0.4 * random.nextDouble();
        for (OptionRight right : OptionRight.values()) {
          if (random.nextInt(8) == 0) {
            continue;
          }
          long oi = random.nextInt(4) == 0 ? 0 : random.nextInt(5000);
          double price =
              BlackScholes.price(right == OptionRight.CALL, SPOT, k, 0.05 + 0.1 * e, vol, 0, 0);
          list.add(
              OptionContract.builder(new OccSymbol("SPXW", expiry, right, k))
                  .openInterest(oi)
                  .impliedVolatility(random.nextInt(6) == 0 ? 0 : vol * (0.95 + 0.1 * random.nextDouble()))
                  .bid(Math.max(0, price * 0.98))
                  .ask(price * 1.02 + 0.05)
                  .build());
        }
      }
    }
    return OptionChain.of("SPX", SPOT, TestChains.VALUATION, list);
  }
}

package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.greeks.BlackScholes;
import io.gex.settings.GexSettings;
import io.gex.settings.SignConvention;
import io.gex.testing.TestChains;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dealer delta, vanna and charm exposure, position, hedging pressure and the zero-delta level. */
class DealerPositioningAnalyzerTest {

  /** r = 5%, q = 1.5%: every term of charm counts. */
  private static final GexSettings SETTINGS =
      GexEngine.builder().rate(0.05).dividendYield(0.015).ivSource(io.gex.settings.IvSource.VENDOR).build().settings();

  private static final DealerPositioningAnalyzer ANALYZER = DealerPositioningAnalyzer.DEFAULT;

  private static DealerPositioning analyze(OptionChain chain, GexSettings settings) {
    ResolvedChain resolved = ResolvedChain.resolve(chain, settings);
    return ANALYZER.analyze(resolved, ExposureCalculator.DEFAULT.calculate(resolved));
  }

  private static double years(OptionChain chain, OptionContract c) {
    // PM-settled SPXW: 16:00 New York on the expiry date.
    return Duration.between(
                chain.valuationTime(),
                c.expiry().atTime(16, 0).atZone(SETTINGS.settlementZone()).toInstant())
            .toNanos()
        / 1e9
        / (365 * 86_400.0);
  }

  @Test
  void exposures_fourContracts_matchBlackScholesClosedForms() {
    OptionChain chain = TestChains.fourContracts();
    double s = chain.spot();
    double r = SETTINGS.rate();
    double q = SETTINGS.dividendYield();
    double delta = 0;
    double vanna = 0;
    double charm = 0;
    double gross = 0;
    double deltaAt4000 = 0;
    for (OptionContract c : chain.contracts()) {
      double sign = c.isCall() ? 1 : -1;
      double t = years(chain, c);
      double v = c.impliedVolatility();
      double w = sign * c.openInterest() * 100 * s;
      double d = w * BlackScholes.delta(c.isCall(), s, c.strike(), t, v, r, q);
      delta += d;
      vanna += w * BlackScholes.vanna(s, c.strike(), t, v, r, q) / 100;
      charm += w * BlackScholes.charm(c.isCall(), s, c.strike(), t, v, r, q) / 365;
      gross += Math.abs(BlackScholes.gamma(s, c.strike(), t, v, r, q) * c.openInterest() * 100 * s * s * 0.01);
      if (c.strike() == 4000) {
        deltaAt4000 += d;
      }
    }

    DealerPositioning dealer = analyze(chain, SETTINGS);

    assertThat(dealer.deltaExposure()).isCloseTo(delta, within(1e-9 * Math.abs(delta)));
    assertThat(dealer.vannaExposure()).isCloseTo(vanna, within(1e-9 * Math.abs(vanna)));
    assertThat(dealer.charmExposure()).isCloseTo(charm, within(1e-9 * Math.abs(charm)));
    assertThat(dealer.grossGex()).isCloseTo(gross, within(1e-9 * gross));
    assertThat(dealer.byStrike().strikes()).isEqualTo(DoubleArray.of(3900, 4000, 4100));
    assertThat(dealer.byStrike().delta().get(1)).isCloseTo(deltaAt4000, within(1e-9 * Math.abs(delta)));
    assertThat(dealer.byExpiry()).hasSize(1);
    assertThat(dealer.byExpiry().get(0).delta()).isCloseTo(delta, within(1e-9 * Math.abs(delta)));
    // Dealers long calls and short puts are long delta from both: 0.53 + ... of 3500 contracts × $400,000.
    assertThat(dealer.deltaExposure()).isPositive();
  }

  @Test
  void vanna_randomChains_matchesCentralDifferenceOfDeltaInVolatility() {
    double h = 1e-5;
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(1, 200))
        .checkAssert(
            (seed, n) -> {
              OptionChain chain = TestChains.random(seed, n);
              OptionChain up =
                  PinRiskTestChains.map(chain, c -> c.withImpliedVolatility(c.impliedVolatility() + h));
              OptionChain down =
                  PinRiskTestChains.map(chain, c -> c.withImpliedVolatility(c.impliedVolatility() - h));

              DealerPositioning base = analyze(chain, SETTINGS);
              double difference =
                  (analyze(up, SETTINGS).deltaExposure() - analyze(down, SETTINGS).deltaExposure())
                      / (2 * h)
                      * 0.01;

              double scale = Math.abs(base.deltaExposure()) * 1e-7 + 1e-6;
              assertThat(base.vannaExposure()).isCloseTo(difference, within(scale));
            });
  }

  @Test
  void charm_randomChains_matchesCentralDifferenceOfDeltaInCalendarTime() {
    long seconds = 10;
    double hDays = seconds / 86_400.0;
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(1, 200))
        .checkAssert(
            (seed, n) -> {
              OptionChain chain = TestChains.random(seed, n);
              OptionChain later = withValuation(chain, chain.valuationTime().plusSeconds(seconds));
              OptionChain earlier = withValuation(chain, chain.valuationTime().minusSeconds(seconds));

              DealerPositioning base = analyze(chain, SETTINGS);
              double difference =
                  (analyze(later, SETTINGS).deltaExposure() - analyze(earlier, SETTINGS).deltaExposure())
                      / (2 * hDays);

              double scale = Math.abs(base.deltaExposure()) * 1e-7 + 1e-6;
              assertThat(base.charmExposure()).isCloseTo(difference, within(scale));
            });
  }

  private static OptionChain withValuation(OptionChain chain, java.time.Instant at) {
    return new OptionChain(chain.underlying(), chain.spot(), at, chain.contracts(), List.of());
  }

  @Test
  void exposures_zeroOpenInterest_vanish() {
    OptionChain chain = PinRiskTestChains.map(TestChains.random(7, 150), c -> c.withOpenInterest(0));

    DealerPositioning dealer = GexEngine.builder().rate(0.05).build().analyze(chain).dealer();

    assertThat(dealer.deltaExposure()).isZero();
    assertThat(dealer.vannaExposure()).isZero();
    assertThat(dealer.charmExposure()).isZero();
    assertThat(dealer.grossGex()).isZero();
    assertThat(dealer.hedgeFlowPerPercent()).isZero();
    assertThat(dealer.byStrike().delta().stream()).containsOnly(0.0);
    assertThat(dealer.byStrike().vanna().stream()).containsOnly(0.0);
    assertThat(dealer.byStrike().charm().stream()).containsOnly(0.0);
    assertThat(dealer.byExpiry()).allSatisfy(e -> assertThat(List.of(e.delta(), e.vanna(), e.charm())).containsOnly(0.0));
    assertThat(dealer.position()).isEqualTo(DealerPosition.NEUTRAL);
    assertThat(dealer.hedgingPressure()).isEqualTo(HedgingPressure.BALANCED);
    assertThat(dealer.destabilising()).isFalse();
    assertThat(dealer.zeroDelta()).isEmpty();
  }

  @Test
  void exposures_randomChains_sumByStrikeAndByExpiryToTotals() {
    GexEngine engine = GexEngine.builder().rate(0.04).dividendYield(0.01).build();
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 300))
        .checkAssert(
            (seed, n) -> {
              OptionChain chain = TestChains.random(seed, n);
              GexAnalysis analysis = engine.analyze(chain);
              ResolvedChain rc = ResolvedChain.resolve(chain, engine.settings());
              DealerPositioning d = analysis.dealer();
              double tol = 1e-9 * (Math.abs(d.deltaExposure()) + Math.abs(d.vannaExposure()) + 1);
              assertThat(d.byStrike().delta().sum()).isCloseTo(d.deltaExposure(), within(tol));
              assertThat(d.byStrike().vanna().sum()).isCloseTo(d.vannaExposure(), within(tol));
              assertThat(d.byStrike().charm().sum()).isCloseTo(d.charmExposure(), within(tol));
              assertThat(d.byExpiry().stream().mapToDouble(ExpiryDealerExposure::delta).sum())
                  .isCloseTo(d.deltaExposure(), within(tol));
              assertThat(d.byExpiry().stream().mapToDouble(ExpiryDealerExposure::vanna).sum())
                  .isCloseTo(d.vannaExposure(), within(tol));
              assertThat(d.byExpiry().stream().mapToDouble(ExpiryDealerExposure::charm).sum())
                  .isCloseTo(d.charmExposure(), within(tol));
              assertThat(d.hedgeFlowPerPercent()).isEqualTo(analysis.totalGex());
              assertThat(d.grossGex()).isGreaterThanOrEqualTo(Math.abs(analysis.totalGex()) * (1 - 1e-12));
              assertThat(d.deltaExposure()).isGreaterThanOrEqualTo(0);
              if (d.zeroDelta().isPresent()) {
                // The open interest's net delta (calls +, puts -) really is zero there.
                double z = d.zeroDelta().getAsDouble();
                double[] oi = new double[rc.n];
                for (int i = 0; i < oi.length; i++) {
                  oi[i] = rc.openInterest[i] * 100;
                }
                double scale = 0;
                for (double w : oi) {
                  scale += w * z;
                }
                assertThat(DealerPositioningAnalyzer.deltaExposureAt(rc, oi, z))
                    .isCloseTo(0, within(1e-7 * scale));
              }
              assertThat(d.destabilising()).isEqualTo(d.position() == DealerPosition.SHORT_GAMMA);
            });
  }

  @Test
  void exposures_oppositeSignConvention_negateAndFlipPosition() {
    OptionChain chain = TestChains.random(42, 200);
    GexSettings flipped =
        GexEngine.builder()
            .rate(0.05)
            .dividendYield(0.015)
            .signConvention(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS)
            .build()
            .settings();

    DealerPositioning usual = analyze(chain, SETTINGS);
    DealerPositioning opposite = analyze(chain, flipped);

    assertThat(opposite.deltaExposure()).isCloseTo(-usual.deltaExposure(), within(1e-6));
    assertThat(opposite.vannaExposure()).isCloseTo(-usual.vannaExposure(), within(1e-6));
    assertThat(opposite.charmExposure()).isCloseTo(-usual.charmExposure(), within(1e-6));
    assertThat(opposite.hedgeFlowPerPercent()).isCloseTo(-usual.hedgeFlowPerPercent(), within(1e-6));
    assertThat(opposite.grossGex()).isCloseTo(usual.grossGex(), within(1e-6));
    assertThat(usual.position()).isNotEqualTo(DealerPosition.NEUTRAL);
    assertThat(opposite.position())
        .isEqualTo(
            usual.position() == DealerPosition.LONG_GAMMA
                ? DealerPosition.SHORT_GAMMA
                : DealerPosition.LONG_GAMMA);
    // The zero-delta level is the open interest's, whatever side dealers are assumed to hold.
    assertThat(opposite.zeroDelta()).isEqualTo(usual.zeroDelta());
  }

  @Test
  void position_callsOnly_isLongGammaBuyingWeaknessSellingStrength() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            TestChains.VALUATION,
            List.of(
                PinRiskTestChains.call(PinRiskTestChains.FAR, 4000, 1000, 0.2),
                PinRiskTestChains.call(PinRiskTestChains.FAR, 4100, 500, 0.18)));

    GexAnalysis analysis = GexEngine.builder().build().analyze(chain);
    DealerPositioning dealer = analysis.dealer();

    assertThat(dealer.position()).isEqualTo(DealerPosition.LONG_GAMMA);
    assertThat(dealer.hedgingPressure()).isEqualTo(HedgingPressure.BUY_WEAKNESS_SELL_STRENGTH);
    assertThat(dealer.destabilising()).isFalse();
    // Positive: dealers sell this many dollars on a 1% rise (and buy on a 1% fall).
    assertThat(dealer.hedgeFlowPerPercent()).isEqualTo(analysis.totalGex()).isPositive();
    assertThat(dealer.grossGex()).isCloseTo(analysis.totalGex(), within(1e-9 * analysis.totalGex()));
  }

  @Test
  void position_putsOnly_isShortGammaAndDestabilising() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            TestChains.VALUATION,
            List.of(PinRiskTestChains.put(PinRiskTestChains.FAR, 3950, 1000, 0.22)));

    DealerPositioning dealer = GexEngine.builder().build().analyze(chain).dealer();

    assertThat(dealer.position()).isEqualTo(DealerPosition.SHORT_GAMMA);
    assertThat(dealer.hedgingPressure()).isEqualTo(HedgingPressure.SELL_WEAKNESS_BUY_STRENGTH);
    assertThat(dealer.destabilising()).isTrue();
    assertThat(dealer.hedgeFlowPerPercent()).isNegative();
  }

  @Test
  void position_matchedCallAndPut_isNeutral() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            TestChains.VALUATION,
            List.of(
                PinRiskTestChains.call(PinRiskTestChains.FAR, 4000, 1000, 0.2),
                PinRiskTestChains.put(PinRiskTestChains.FAR, 4000, 1000, 0.2)));

    DealerPositioning dealer = GexEngine.builder().build().analyze(chain).dealer();

    assertThat(dealer.position()).isEqualTo(DealerPosition.NEUTRAL);
    assertThat(dealer.hedgingPressure()).isEqualTo(HedgingPressure.BALANCED);
    assertThat(dealer.hedgeFlowPerPercent()).isCloseTo(0, within(1e-9 * dealer.grossGex()));
    assertThat(dealer.grossGex()).isPositive();
    // Long the call and short the put: long two deltas' worth, N(d1) + N(-d1) = 1 per pair.
    assertThat(dealer.deltaExposure()).isCloseTo(1000 * 100 * 4000.0, within(1e-3));
  }

  @Test
  void position_band_isInclusiveAndConfigurable() {
    assertThat(ANALYZER.position(0.05, 1)).isEqualTo(DealerPosition.NEUTRAL);
    assertThat(ANALYZER.position(-0.05, 1)).isEqualTo(DealerPosition.NEUTRAL);
    assertThat(ANALYZER.position(0.3, 1)).isEqualTo(DealerPosition.LONG_GAMMA);
    assertThat(ANALYZER.position(-0.3, 1)).isEqualTo(DealerPosition.SHORT_GAMMA);
    assertThat(ANALYZER.position(0, 0)).isEqualTo(DealerPosition.NEUTRAL);
    assertThat(new DealerPositioningAnalyzer(0.5).position(-0.3, 1)).isEqualTo(DealerPosition.NEUTRAL);
    assertThat(new DealerPositioningAnalyzer(0).position(1e-12, 1)).isEqualTo(DealerPosition.LONG_GAMMA);
    assertThatThrownBy(() -> new DealerPositioningAnalyzer(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("neutralBand must be in [0, 1), was 1.0");
  }

  @Test
  void zeroDelta_dealersShortCallAndPut_isWhereD1IsZero() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4100,
            TestChains.VALUATION,
            List.of(
                PinRiskTestChains.call(PinRiskTestChains.FAR, 4000, 700, 0.2),
                PinRiskTestChains.put(PinRiskTestChains.FAR, 4000, 700, 0.2)));
    ResolvedChain resolved = ResolvedChain.resolve(chain, SETTINGS);
    // Dealers short both: -N(d1) + N(-d1), zero at d1 = 0, S = K exp(-(r - q + vol²/2) tau).
    double[] weight = {-70_000, -70_000};

    OptionalDouble zero = DealerPositioningAnalyzer.zeroDelta(resolved, weight);

    double tau = 14 / 365.0;
    assertThat(zero).isPresent();
    assertThat(zero.getAsDouble())
        .isCloseTo(4000 * Math.exp(-(0.05 - 0.015 + 0.02) * tau), within(1e-6));
    assertThat(zero.getAsDouble()).isCloseTo(3991.57, within(0.01));
    // The analysis reports the open interest's net-delta zero: the same level (calls +, puts -).
    assertThat(ANALYZER.analyze(resolved, ExposureCalculator.DEFAULT.calculate(resolved)).zeroDelta())
        .hasValueCloseTo(zero.getAsDouble(), within(1e-6));
  }

  @Test
  void zeroDelta_mixedRandomPositions_isARealZeroNearestSpot() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(2, 120))
        .checkAssert(
            (seed, n) -> {
              ResolvedChain resolved = ResolvedChain.resolve(TestChains.random(seed, n), SETTINGS);
              SplittableRandom random = new SplittableRandom(seed);
              double[] weight = new double[resolved.n];
              for (int i = 0; i < weight.length; i++) {
                weight[i] = (random.nextBoolean() ? 1 : -1) * resolved.openInterest[i] * 100;
              }

              OptionalDouble zero = DealerPositioningAnalyzer.zeroDelta(resolved, weight);

              double scale = 0;
              for (double w : weight) {
                scale += Math.abs(w);
              }
              double low = resolved.spot * SETTINGS.profileLow();
              double high = resolved.spot * SETTINGS.profileHigh();
              double atLow = DealerPositioningAnalyzer.deltaExposureAt(resolved, weight, low);
              double atHigh = DealerPositioningAnalyzer.deltaExposureAt(resolved, weight, high);
              if (atLow * atHigh < 0) {
                // Ends of the grid of opposite signs: there must be a crossing.
                assertThat(zero).isPresent();
              }
              if (zero.isPresent()) {
                double z = zero.getAsDouble();
                assertThat(z).isBetween(low * (1 - 1e-12), high * (1 + 1e-12));
                assertThat(Math.abs(DealerPositioningAnalyzer.deltaExposureAt(resolved, weight, z)))
                    .isLessThanOrEqualTo(1e-6 * scale * z);
              }
            });
  }

  @Test
  void netDeltaZero_equalsTheScansBrentRoot_toOneInTenBillion() {
    // The analysis's Newton search stops a pass early when its steps show quadratic convergence; the
    // scan over the grid, refined by Brent's method to 1e-12, is the oracle.
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(2, 300))
        .checkAssert(
            (seed, n) -> {
              ResolvedChain resolved = ResolvedChain.resolve(TestChains.random(seed, n), SETTINGS);
              double[] weight = new double[resolved.n];
              for (int i = 0; i < weight.length; i++) {
                weight[i] = resolved.openInterest[i] * SETTINGS.multiplier();
              }
              OptionalDouble scan = DealerPositioningAnalyzer.zeroDelta(resolved, weight);
              OptionalDouble newton = DealerPositioningAnalyzer.netDeltaZero(resolved);
              if (scan.isPresent() && newton.isPresent()) {
                assertThat(newton.getAsDouble())
                    .isCloseTo(scan.getAsDouble(), within(1e-10 * scan.getAsDouble()));
              }
              // The net delta rises with spot: a sign change over the range is one zero, which both find.
              double low = resolved.spot * SETTINGS.profileLow();
              double high = resolved.spot * SETTINGS.profileHigh();
              double atLow = DealerPositioningAnalyzer.deltaExposureAt(resolved, weight, low);
              double atHigh = DealerPositioningAnalyzer.deltaExposureAt(resolved, weight, high);
              if (atLow < 0 && atHigh > 0) {
                assertThat(newton).isPresent();
                assertThat(scan).isPresent();
              }
            });
  }

  @Test
  void deltaExposureAt_spot_equalsAnalyzedDeltaExposure() {
    ResolvedChain resolved = ResolvedChain.resolve(TestChains.random(3, 250), SETTINGS);

    DealerPositioning dealer = ANALYZER.analyze(resolved, ExposureCalculator.DEFAULT.calculate(resolved));

    assertThat(ANALYZER.deltaExposureAt(resolved, resolved.spot()))
        .isCloseTo(dealer.deltaExposure(), within(1e-9 * dealer.deltaExposure()));
    assertThatThrownBy(() -> ANALYZER.deltaExposureAt(resolved, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spot must be finite and > 0, was -1.0");
  }

  @Test
  void record_inconsistentPressure_throws() {
    DealerExposuresByStrike empty =
        new DealerExposuresByStrike(DoubleArray.empty(), DoubleArray.empty(), DoubleArray.empty(), DoubleArray.empty());

    assertThatThrownBy(
            () ->
                new DealerPositioning(
                    0, 0, 0, empty, List.of(), 1, DealerPosition.SHORT_GAMMA, HedgingPressure.BALANCED, -1, true,
                    OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hedgingPressure must be SELL_WEAKNESS_BUY_STRENGTH for SHORT_GAMMA, was BALANCED");
    assertThatThrownBy(
            () ->
                new DealerPositioning(
                    0, 0, 0, empty, List.of(), 1, DealerPosition.SHORT_GAMMA,
                    HedgingPressure.SELL_WEAKNESS_BUY_STRENGTH, -1, false, OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("destabilising must be true for SHORT_GAMMA, was false");
    assertThatThrownBy(
            () ->
                new DealerPositioning(
                    Double.NaN, 0, 0, empty, List.of(), 1, DealerPosition.NEUTRAL, HedgingPressure.BALANCED, 0,
                    false, OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deltaExposure must be finite, was NaN");
  }
}

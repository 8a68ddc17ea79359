package io.gex.greeks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * Closed-form values: S = K = 100, T = 1, vol = 0.2, r = 0.05, q = 0 gives d1 = 0.35, d2 = 0.15, N(0.35) =
 * 0.6368306511756191, N(0.15) = 0.5596176923702425, φ(0.35) = 0.3752403469169379 (tables of the standard
 * normal, Hull's textbook example gives the call price 10.4506).
 */
class BlackScholesTest {

  private static final double N_035 = 0.6368306511756191;
  private static final double N_015 = 0.5596176923702425;
  private static final double PHI_035 = 0.3752403469169379;

  @Test
  void price_atTheMoneyHullExample_matchesClosedForm() {
    double call = BlackScholes.price(true, 100, 100, 1, 0.2, 0.05, 0);
    assertThat(call).isCloseTo(100 * N_035 - 100 * Math.exp(-0.05) * N_015, within(1e-12));
    assertThat(call).isCloseTo(10.4506, within(5e-5));
    double put = BlackScholes.price(false, 100, 100, 1, 0.2, 0.05, 0);
    // put-call parity: C - P = S - K e^{-rT}
    assertThat(call - put).isCloseTo(100 - 100 * Math.exp(-0.05), within(1e-12));
  }

  @Test
  void gamma_atTheMoney_matchesClosedForm() {
    assertThat(BlackScholes.gamma(100, 100, 1, 0.2, 0.05, 0))
        .isCloseTo(PHI_035 / (100 * 0.2), within(1e-15));
  }

  @Test
  void delta_atTheMoney_matchesClosedForm() {
    assertThat(BlackScholes.delta(true, 100, 100, 1, 0.2, 0.05, 0)).isCloseTo(N_035, within(1e-15));
    assertThat(BlackScholes.delta(false, 100, 100, 1, 0.2, 0.05, 0))
        .isCloseTo(N_035 - 1, within(1e-15));
  }

  @Test
  void vanna_atTheMoney_matchesClosedForm() {
    assertThat(BlackScholes.vanna(100, 100, 1, 0.2, 0.05, 0))
        .isCloseTo(-PHI_035 * 0.15 / 0.2, within(1e-14));
  }

  @Test
  void gamma_withDividendYield_isDiscounted() {
    // q = 0.02: d1 = (0 + (0.05 - 0.02 + 0.02)) / 0.2 = 0.25, φ(0.25) = 0.3866681168028493
    assertThat(BlackScholes.gamma(100, 100, 1, 0.2, 0.05, 0.02))
        .isCloseTo(Math.exp(-0.02) * 0.3866681168028493 / 20, within(1e-15));
  }

  @Test
  void gamma_deepInAndOutOfTheMoney_isTinyButFiniteAndSymmetric() {
    double deepOut = BlackScholes.gamma(100, 300, 0.1, 0.2, 0, 0);
    double deepIn = BlackScholes.gamma(300, 100, 0.1, 0.2, 0, 0);
    // |d1| is about 17.4 and 17.3: φ(d1) is near e^-151
    assertThat(deepOut).isGreaterThan(0).isLessThan(1e-60);
    assertThat(deepIn).isGreaterThan(0).isLessThan(1e-60);
    assertThat(BlackScholes.delta(true, 300, 100, 0.1, 0.2, 0, 0)).isCloseTo(1, within(1e-15));
    assertThat(BlackScholes.delta(true, 100, 300, 0.1, 0.2, 0, 0)).isCloseTo(0, within(1e-15));
  }

  @Test
  void greeks_nearExpiry_areSharpButFinite() {
    double tau = 1.0 / (365 * 24 * 4); // 15 minutes
    double g = BlackScholes.gamma(4000, 4000, tau, 0.15, 0, 0);
    double sd = 0.15 * Math.sqrt(tau);
    assertThat(g).isCloseTo(BlackScholes.normalPdf(0.5 * sd) / (4000 * sd), within(1e-12));
    assertThat(Double.isFinite(BlackScholes.charm(true, 4000, 4010, tau, 0.15, 0.05, 0))).isTrue();
  }

  @Test
  void greeks_atOrAfterExpiryOrZeroVol_areZeroAndDeltaIsIntrinsic() {
    assertThat(BlackScholes.gamma(100, 90, 0, 0.2, 0, 0)).isZero();
    assertThat(BlackScholes.gamma(100, 90, -1, 0.2, 0, 0)).isZero();
    assertThat(BlackScholes.gamma(100, 90, 1, 0, 0, 0)).isZero();
    assertThat(BlackScholes.vanna(100, 90, 0, 0.2, 0, 0)).isZero();
    assertThat(BlackScholes.charm(true, 100, 90, 0, 0.2, 0, 0)).isZero();
    assertThat(BlackScholes.delta(true, 100, 90, 0, 0.2, 0, 0)).isEqualTo(1);
    assertThat(BlackScholes.delta(false, 100, 90, 0, 0.2, 0, 0)).isEqualTo(0);
    assertThat(BlackScholes.delta(false, 80, 90, 0, 0.2, 0, 0)).isEqualTo(-1);
    assertThat(BlackScholes.price(true, 100, 90, 0, 0.2, 0, 0)).isEqualTo(10);
  }

  @Test
  void greeks_subnormalOrHugeVolatility_areFiniteNotNaN() {
    // The old kernel divided by vol·√tau = 0 (vol 1e-320) and squared vol into infinity (vol 1e300).
    for (double vol : new double[] {Double.MIN_VALUE, 1e-320, 1e-200, 1e200, 1e300, Double.MAX_VALUE}) {
      for (double strike : new double[] {90, 100, 110}) {
        for (boolean call : new boolean[] {true, false}) {
          double[] greeks = {
            BlackScholes.gamma(100, strike, 0.5, vol, 0.01, 0.02),
            BlackScholes.delta(call, 100, strike, 0.5, vol, 0.01, 0.02),
            BlackScholes.vanna(100, strike, 0.5, vol, 0.01, 0.02),
            BlackScholes.charm(call, 100, strike, 0.5, vol, 0.01, 0.02),
            BlackScholes.vega(100, strike, 0.5, vol, 0.01, 0.02),
            BlackScholes.price(call, 100, strike, 0.5, vol, 0.01, 0.02),
          };
          for (double g : greeks) {
            assertThat(g).as("vol %s strike %s call %s", vol, strike, call).isFinite();
          }
        }
      }
    }
    // A vanishing volatility is zero volatility: delta is the intrinsic indicator, gamma 0.
    assertThat(BlackScholes.gamma(100, 90, 0.5, 1e-320, 0, 0)).isZero();
    assertThat(BlackScholes.delta(true, 100, 90, 0.5, 1e-320, 0, 0)).isEqualTo(1);
    // A huge one: the call is worth the discounted spot, its delta e^(-q tau), gamma 0.
    assertThat(BlackScholes.price(true, 100, 90, 0.5, 1e300, 0, 0)).isCloseTo(100, within(1e-9));
    assertThat(BlackScholes.delta(true, 100, 90, 0.5, 1e300, 0, 0)).isEqualTo(1);
    assertThat(BlackScholes.gamma(100, 90, 0.5, 1e300, 0, 0)).isZero();
  }

  @Test
  void gamma_highAndLowVol_matchesDefinition() {
    for (double vol : new double[] {0.01, 0.05, 1.5, 3.0}) {
      double d1 = BlackScholes.d1(100, 105, 0.5, vol, 0.01, 0);
      assertThat(BlackScholes.gamma(100, 105, 0.5, vol, 0.01, 0))
          .isCloseTo(BlackScholes.normalPdf(d1) / (100 * vol * Math.sqrt(0.5)), within(1e-15));
    }
  }

  @Test
  void greeks_matchFiniteDifferences_forAnyInputs() {
    // Central differences with steps scaled to the option's own width (spot × vol × √tau), so the
    // truncation error is about 1e-8 of each greek's natural scale whatever the inputs; tolerances are
    // 1e-5 of that scale.
    qt().withExamples(300)
        .forAll(
            doubles().between(60, 160),
            doubles().between(0.02, 2.0),
            doubles().between(0.08, 0.9),
            doubles().between(-0.02, 0.08))
        .checkAssert(
            (spot, tau, vol, r) -> {
              double q = 0.5 * Math.abs(r); // QuickTheories takes at most four generators
              double k = 100;
              double sd = vol * Math.sqrt(tau);
              double gammaScale = 1 / (spot * sd); // gamma at its peak, up to a factor φ(0)
              for (boolean call : new boolean[] {true, false}) {
                double h = spot * sd * 1e-4;
                double fdDelta =
                    (BlackScholes.price(call, spot + h, k, tau, vol, r, q)
                            - BlackScholes.price(call, spot - h, k, tau, vol, r, q))
                        / (2 * h);
                assertThat(BlackScholes.delta(call, spot, k, tau, vol, r, q))
                    .isCloseTo(fdDelta, within(1e-6));
                double fdGamma =
                    (BlackScholes.delta(call, spot + h, k, tau, vol, r, q)
                            - BlackScholes.delta(call, spot - h, k, tau, vol, r, q))
                        / (2 * h);
                assertThat(BlackScholes.gamma(spot, k, tau, vol, r, q))
                    .isCloseTo(fdGamma, within(1e-5 * gammaScale));
                double dv = vol * 1e-4;
                double fdVanna =
                    (BlackScholes.delta(call, spot, k, tau, vol + dv, r, q)
                            - BlackScholes.delta(call, spot, k, tau, vol - dv, r, q))
                        / (2 * dv);
                assertThat(BlackScholes.vanna(spot, k, tau, vol, r, q))
                    .isCloseTo(fdVanna, within(1e-5 * (1 + Math.abs(fdVanna)) / vol));
                double dt = tau * 1e-5;
                // charm is dDelta/dt with calendar time passing: delta(tau - dt) - delta(tau + dt)
                double fdCharm =
                    (BlackScholes.delta(call, spot, k, tau - dt, vol, r, q)
                            - BlackScholes.delta(call, spot, k, tau + dt, vol, r, q))
                        / (2 * dt);
                assertThat(BlackScholes.charm(call, spot, k, tau, vol, r, q))
                    .isCloseTo(fdCharm, within(1e-5 * (1 + Math.abs(fdCharm)) / tau));
              }
            });
  }

  @Test
  void impliedVolatility_recoversTheVolatilityOfAPrice() {
    qt().withExamples(200)
        .forAll(doubles().between(70, 140), doubles().between(0.05, 1.5), doubles().between(0.05, 1.2))
        .checkAssert(
            (spot, tau, vol) -> {
              double price = BlackScholes.price(spot > 100, spot, 100, tau, vol, 0.03, 0.01);
              // Only where the price says something about volatility (vega not negligible).
              if (price > 1e-6 && BlackScholes.vega(spot, 100, tau, vol, 0.03, 0.01) > 1e-2) {
                assertThat(ImpliedVolatility.solve(spot > 100, price, spot, 100, tau, 0.03, 0.01))
                    .hasValueCloseTo(vol, within(1e-6));
              }
            });
  }

  @Test
  void impliedVolatility_priceBelowIntrinsic_isEmpty() {
    assertThat(ImpliedVolatility.solve(true, 5, 120, 100, 0.5, 0, 0)).isEmpty();
    assertThat(ImpliedVolatility.solve(true, 0, 120, 100, 0.5, 0, 0)).isEmpty();
    assertThat(ImpliedVolatility.solve(true, 5, 120, 100, 0, 0, 0)).isEmpty();
  }
}

package io.gex.greeks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vega, vomma, speed, zomma and color against central finite differences of the price, gamma and vega
 * (step 1e-4 relative, so the truncation error is about 1e-8 of the greek's scale): the closed forms are
 * checked against the definitions, not against themselves.
 */
class BlackScholesHigherOrderTest {

  private static final double REL = 1e-5;

  @ParameterizedTest
  @CsvSource({
    // spot, strike, tau, vol, r, q
    "4000, 4000, 0.0767, 0.18, 0.00, 0.000",
    "4000, 3800, 0.0767, 0.25, 0.04, 0.015",
    "4000, 4300, 0.5, 0.16, 0.05, 0.02",
    "100, 90, 2.0, 0.45, -0.01, 0.03",
    "3990.56, 4000, 0.0030, 0.59, 0.00, 0.00"
  })
  void higherOrderGreeks_matchFiniteDifferences(
      double s, double k, double tau, double vol, double r, double q) {
    double hs = s * 1e-4;
    double hv = vol * 1e-4;
    double ht = tau * 1e-4;

    double vegaFd =
        (BlackScholes.price(true, s, k, tau, vol + hv, r, q)
                - BlackScholes.price(true, s, k, tau, vol - hv, r, q))
            / (2 * hv);
    double vomma = BlackScholes.vomma(s, k, tau, vol, r, q);
    double vommaFd =
        (BlackScholes.vega(s, k, tau, vol + hv, r, q) - BlackScholes.vega(s, k, tau, vol - hv, r, q))
            / (2 * hv);
    double speedFd =
        (BlackScholes.gamma(s + hs, k, tau, vol, r, q) - BlackScholes.gamma(s - hs, k, tau, vol, r, q))
            / (2 * hs);
    double zommaFd =
        (BlackScholes.gamma(s, k, tau, vol + hv, r, q) - BlackScholes.gamma(s, k, tau, vol - hv, r, q))
            / (2 * hv);
    // Color is the change as calendar time passes: time to expiry falls.
    double colorFd =
        -(BlackScholes.gamma(s, k, tau + ht, vol, r, q) - BlackScholes.gamma(s, k, tau - ht, vol, r, q))
            / (2 * ht);

    double vega = BlackScholes.vega(s, k, tau, vol, r, q);
    assertThat(vega).isCloseTo(vegaFd, within(REL * Math.abs(vega) + 1e-9));
    // Vomma changes sign near the money: its tolerance is on the vega scale per unit of vol.
    assertThat(vomma).isCloseTo(vommaFd, within(REL * vega / vol));
    double gamma = BlackScholes.gamma(s, k, tau, vol, r, q);
    assertThat(BlackScholes.speed(s, k, tau, vol, r, q))
        .isCloseTo(speedFd, within(REL * gamma / (s * vol * Math.sqrt(tau))));
    assertThat(BlackScholes.zomma(s, k, tau, vol, r, q)).isCloseTo(zommaFd, within(REL * gamma / vol));
    assertThat(BlackScholes.color(s, k, tau, vol, r, q)).isCloseTo(colorFd, within(REL * gamma / tau));
  }

  @ParameterizedTest
  @CsvSource({"4000, 4000, 0.0767, 0.18, 0.03, 0.01", "4000, 3600, 0.25, 0.3, 0.0, 0.0"})
  void charmAndVanna_matchFiniteDifferencesOfDelta(
      double s, double k, double tau, double vol, double r, double q) {
    double hv = vol * 1e-4;
    double ht = tau * 1e-4;
    for (boolean call : new boolean[] {true, false}) {
      double vannaFd =
          (BlackScholes.delta(call, s, k, tau, vol + hv, r, q)
                  - BlackScholes.delta(call, s, k, tau, vol - hv, r, q))
              / (2 * hv);
      double charmFd =
          -(BlackScholes.delta(call, s, k, tau + ht, vol, r, q)
                  - BlackScholes.delta(call, s, k, tau - ht, vol, r, q))
              / (2 * ht);
      assertThat(BlackScholes.vanna(s, k, tau, vol, r, q)).isCloseTo(vannaFd, within(1e-7));
      assertThat(BlackScholes.charm(call, s, k, tau, vol, r, q)).isCloseTo(charmFd, within(1e-6));
    }
  }

  @ParameterizedTest
  @CsvSource({"4000, 4000, 0, 0.2", "4000, 3900, -0.1, 0.2", "4000, 4000, 0.1, 0", "4000, 4000, 0.1, 1e-300"})
  void higherOrderGreeks_atExpiryOrZeroVolatility_areZero(double s, double k, double tau, double vol) {
    assertThat(BlackScholes.vomma(s, k, tau, vol, 0.01, 0)).isZero();
    assertThat(BlackScholes.speed(s, k, tau, vol, 0.01, 0)).isZero();
    assertThat(BlackScholes.zomma(s, k, tau, vol, 0.01, 0)).isZero();
    assertThat(BlackScholes.color(s, k, tau, vol, 0.01, 0)).isZero();
  }

  @ParameterizedTest
  @CsvSource({"4000, 1000, 0.01, 0.1", "4000, 40000, 0.01, 0.1", "1e-6, 1e9, 300, 100", "1e9, 1e-6, 300, 1e-4"})
  void higherOrderGreeks_farFromTheMoneyOrAtTheBounds_areFinite(
      double s, double k, double tau, double vol) {
    for (double v :
        new double[] {
          BlackScholes.vomma(s, k, tau, vol, 0.05, 0.02),
          BlackScholes.speed(s, k, tau, vol, 0.05, 0.02),
          BlackScholes.zomma(s, k, tau, vol, 0.05, 0.02),
          BlackScholes.color(s, k, tau, vol, 0.05, 0.02)
        }) {
      assertThat(Double.isFinite(v)).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({"4000, 4000, 0.0767, 0.18", "4000, 3800, 0.5, 0.25"})
  void vomma_atTheMoneyForward_matchesClosedForm(double s, double k, double tau, double vol) {
    // vomma = vega d1 d2 / vol with d1 and d2 written out by hand (r = q = 0).
    double sd = vol * Math.sqrt(tau);
    double d1 = Math.log(s / k) / sd + sd / 2;
    double d2 = d1 - sd;
    double vega = s * Math.exp(-d1 * d1 / 2) / Math.sqrt(2 * Math.PI) * Math.sqrt(tau);
    assertThat(BlackScholes.vomma(s, k, tau, vol, 0, 0))
        .isCloseTo(vega * d1 * d2 / vol, within(1e-9 * vega));
  }
}

package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.greeks.BlackScholes;
import io.gex.testing.TestChains;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GreekExposuresCalculatorTest {

  private static final LocalDate NEAR = TestChains.EXPIRY;
  private static final LocalDate FAR = NEAR.plusDays(60);

  /**
   * Two expiries, each with calls above spot 4000 and puts below: under dealers long calls / short puts each
   * expiry's profile is negative low and positive high, and crosses zero in between, at a level that differs
   * between the expiries (the far one has more put open interest).
   */
  private static OptionChain twoExpiries() {
    List<OptionContract> list = new ArrayList<>();
    for (int k = 3700; k <= 4300; k += 50) {
      OptionRight right = k >= 4000 ? OptionRight.CALL : OptionRight.PUT;
      list.add(OptionContract.of("SPXW", NEAR, right, k, 1000, 0.18));
      list.add(OptionContract.of("SPXW", FAR, right, k, right == OptionRight.PUT ? 3000 : 800, 0.22));
    }
    // A third expiry holding only calls: its profile never crosses zero.
    list.add(OptionContract.of("SPXW", FAR.plusDays(30), OptionRight.CALL, 4100, 500, 0.2));
    return OptionChain.of("SPX", 4000, TestChains.VALUATION, list);
  }

  /** One expiry's GEX at a spot from the public gamma: Σ sign × OI × 100 × gamma × S² × 0.01. */
  private static double expiryGex(ResolvedChain chain, int expiry, double s) {
    double sum = 0;
    for (int i = 0; i < chain.n; i++) {
      if (chain.expiryIndex[i] == expiry) {
        sum +=
            chain.sign[i] * chain.openInterest[i] * 100
                * BlackScholes.gamma(s, chain.strike[i], chain.tau[i], chain.vol[i], 0, 0) * s * s * 0.01;
      }
    }
    return sum;
  }

  /** The zero of one expiry's profile nearest spot by a scan of 60,001 points and bisection. */
  private static OptionalDouble bruteForce(ResolvedChain chain, int expiry) {
    int points = 60_001;
    double lo = Math.log(2000);
    double hi = Math.log(6000);
    double best = Double.NaN;
    double prevS = Math.exp(lo);
    double prev = expiryGex(chain, expiry, prevS);
    for (int j = 1; j < points; j++) {
      double s = Math.exp(lo + (hi - lo) * j / (points - 1));
      double v = expiryGex(chain, expiry, s);
      if (prev != 0 && v != 0 && (v > 0) != (prev > 0)) {
        double a = prevS;
        double b = s;
        for (int it = 0; it < 100; it++) {
          double m = 0.5 * (a + b);
          if ((expiryGex(chain, expiry, m) > 0) == (prev > 0)) {
            a = m;
          } else {
            b = m;
          }
        }
        double root = 0.5 * (a + b);
        if (Double.isNaN(best) || Math.abs(root - 4000) < Math.abs(best - 4000)) {
          best = root;
        }
      }
      prevS = s;
      prev = v;
    }
    return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  @Test
  void zeroGammaByExpiry_equalsABruteForceScanOfEachExpirysProfile() {
    GexAnalysis analysis = GexEngine.builder().expiryZeroGamma(true).build().analyze(twoExpiries());
    ResolvedChain chain = ResolvedChain.resolve(twoExpiries(), analysis.settings());

    List<ExpiryZeroGamma> levels = analysis.greeks().zeroGammaByExpiry();
    assertThat(levels).extracting(ExpiryZeroGamma::expiry).containsExactly(NEAR, FAR, FAR.plusDays(30));
    for (int e = 0; e < 2; e++) {
      OptionalDouble expected = bruteForce(chain, e);
      assertThat(expected).isPresent();
      assertThat(levels.get(e).zeroGamma())
          .as("expiry %s", levels.get(e).expiry())
          .hasValueCloseTo(expected.getAsDouble(), within(1e-6));
    }
    // Between the put strikes and the call strikes, and the far expiry's puts push its level up.
    assertThat(levels.get(0).zeroGamma().getAsDouble()).isBetween(3900.0, 4100.0);
    assertThat(levels.get(1).zeroGamma().getAsDouble())
        .isGreaterThan(levels.get(0).zeroGamma().getAsDouble());
    assertThat(levels.get(2).zeroGamma()).isEmpty();
    assertThat(bruteForce(chain, 2)).isEmpty();
  }

  @Test
  void zeroGammaByExpiry_oneExpiry_isTheAnalysisZeroGamma() {
    GexAnalysis analysis =
        GexEngine.builder().expiryZeroGamma(true).build().analyze(TestChains.fourContracts());

    assertThat(analysis.greeks().zeroGammaByExpiry()).hasSize(1);
    assertThat(analysis.greeks().zeroGammaByExpiry().get(0).zeroGamma())
        .isEqualTo(analysis.zeroGamma());
  }

  @Test
  void dealerProfiles_areTheTotalsRepricedAtEachSpotOfTheGammaProfile() {
    OptionChain chain = twoExpiries();
    GexAnalysis analysis =
        GexEngine.builder().rate(0.03).dividendYield(0.01).dealerProfiles(true).build().analyze(chain);
    ResolvedChain resolved = ResolvedChain.resolve(chain, analysis.settings());
    List<MeasureProfile> profiles = analysis.greeks().profiles();

    assertThat(profiles)
        .extracting(MeasureProfile::measure)
        .containsExactly(Measure.DELTA, Measure.VANNA, Measure.CHARM);
    DoubleArray spots = analysis.gammaProfile().spots();
    for (MeasureProfile p : profiles) {
      assertThat(p.spots()).isEqualTo(spots);
    }
    for (int j : new int[] {0, 57, 100, 143, 200}) {
      double s = spots.get(j);
      double delta = 0;
      double vanna = 0;
      double charm = 0;
      for (int i = 0; i < resolved.n; i++) {
        double p = resolved.sign[i] * resolved.openInterest[i] * 100;
        double k = resolved.strike[i];
        double tau = resolved.tau[i];
        double vol = resolved.vol[i];
        boolean call = resolved.call[i];
        delta += p * BlackScholes.delta(call, s, k, tau, vol, 0.03, 0.01) * s;
        vanna += p * BlackScholes.vanna(s, k, tau, vol, 0.03, 0.01) * s * 0.01;
        charm += p * BlackScholes.charm(call, s, k, tau, vol, 0.03, 0.01) * s / 365;
      }
      assertThat(profiles.get(0).values().get(j)).isCloseTo(delta, within(1e-9 * Math.abs(delta) + 1));
      assertThat(profiles.get(1).values().get(j)).isCloseTo(vanna, within(1e-9 * Math.abs(vanna) + 1));
      assertThat(profiles.get(2).values().get(j)).isCloseTo(charm, within(1e-9 * Math.abs(charm) + 1));
    }
    // Dealers long calls and short puts are long delta, more so as spot rises.
    assertThat(profiles.get(0).values().get(200)).isGreaterThan(profiles.get(0).values().get(100));
  }
}

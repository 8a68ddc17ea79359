package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.GexSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The crossing list of a gamma profile is complete: compared with a dense brute-force scan of the exact
 * profile on chains with 0DTE and 1-day contracts minutes before settlement.
 */
class GammaProfileCrossingsTest {

  private static final GammaProfileCalculator CALC = GammaProfileCalculator.DEFAULT;

  /** Thursday 2024-03-14, 16:00 New York (EDT) = 20:00 UTC: the 0DTE settlement. */
  private static final LocalDate TODAY = LocalDate.of(2024, 3, 14);

  private static final Instant CLOSE = Instant.parse("2024-03-14T20:00:00Z");

  private static final int SCAN_POINTS = 200_000;

  @Test
  void zeroGamma_0dteAroundSpotHalfAnHourBeforeTheCloseAndTwo14DayContracts_isTheCrossingNearSpot() {
    // 0DTE puts at 3995 and 4000 and a call at 4007 put a short positive lobe between two grid points
    // (3996.1 and 4018.2); two 14-day contracts cross at 4049. The 201-point grid alone saw only 4049.
    LocalDate in14 = TODAY.plusDays(14);
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            CLOSE.minusSeconds(1800),
            List.of(
                OptionContract.of("SPXW", TODAY, OptionRight.PUT, 3995, 1500, 0.14),
                OptionContract.of("SPXW", TODAY, OptionRight.PUT, 4000, 3000, 0.13),
                OptionContract.of("SPXW", TODAY, OptionRight.CALL, 4007, 3000, 0.12),
                OptionContract.of("SPXW", in14, OptionRight.PUT, 3950, 9000, 0.18),
                OptionContract.of("SPXW", in14, OptionRight.CALL, 4150, 8100, 0.15)));
    ResolvedChain resolved = ResolvedChain.resolve(chain, GexSettings.DEFAULT);
    GammaProfile profile = CALC.profile(resolved);

    // The scan also sees a change of sign at 5324, where the profile is 1e-16 of its peak: below the
    // noise floor of both.
    double[] expected = scan(resolved, -1);
    assertThat(expected).hasSize(3);
    assertThat(expected[0]).isBetween(4003.0, 4005.0);
    assertThat(expected[1]).isBetween(4016.0, 4018.0);
    assertThat(expected[2]).isBetween(4049.0, 4050.0);
    assertThat(profile.crossings().size()).isEqualTo(3);
    for (int k = 0; k < 3; k++) {
      assertThat(profile.crossings().get(k)).isCloseTo(expected[k], within(1e-7 * 4000));
    }
    assertThat(profile.zeroGamma()).hasValueCloseTo(expected[0], within(1e-7 * 4000));
    // The engine reports the same level.
    assertThat(GexEngine.builder().build().analyze(chain).zeroGamma())
        .hasValueCloseTo(expected[0], within(1e-7 * 4000));
  }

  @Test
  void crossings_areExactlyTheSignChangesOfADenseScan_withShortDatedContractsNearSettlement() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 10))
        .checkAssert(
            (seed, n) -> {
              OptionChain chain = randomShortDated(seed, n);
              ResolvedChain resolved = ResolvedChain.resolve(chain, GexSettings.DEFAULT);
              for (GammaProfile p : CALC.profiles(resolved)) {
                int excluded =
                    p.excludedExpiry().isEmpty()
                        ? -1
                        : List.of(resolved.expiries).indexOf(p.excludedExpiry().get());
                assertComplete(resolved, excluded, p);
              }
            });
  }

  @Test
  void zeroGammaNearSpot_equalsTheFullProfilesLevel_atSpotsAcrossTheRange() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 10), integers().between(-30, 30))
        .checkAssert(
            (seed, n, shift) -> {
              OptionChain base = randomShortDated(seed, n);
              // Spots from 30% below to 30% above: the level is near, far, or outside the range.
              OptionChain chain = base.withSpot(base.spot() * (1 + shift / 100.0));
              ResolvedChain resolved = ResolvedChain.resolve(chain, GexSettings.DEFAULT);
              java.util.OptionalDouble full = CALC.profile(resolved).zeroGamma();
              java.util.OptionalDouble near = CALC.zeroGamma(resolved);
              assertThat(near.isPresent()).as("found by both or neither: %s %s", full, near)
                  .isEqualTo(full.isPresent());
              if (full.isPresent()) {
                assertThat(near.getAsDouble())
                    .isCloseTo(full.getAsDouble(), within(1e-9 * full.getAsDouble()));
              }
            });
  }

  /** Every crossing of the scan is listed, and every listed crossing is a sign change of the profile. */
  private static void assertComplete(ResolvedChain chain, int excluded, GammaProfile p) {
    double[] expected = scan(chain, excluded);
    double[] reported = p.crossings().toArray();
    double tolerance = 1e-7 * chain.spot;
    for (double e : expected) {
      double nearest = Double.POSITIVE_INFINITY;
      for (double r : reported) {
        nearest = Math.min(nearest, Math.abs(r - e));
      }
      assertThat(nearest)
          .as("scan crossing %s of %s among %s", e, p.scope(), java.util.Arrays.toString(reported))
          .isLessThanOrEqualTo(tolerance);
    }
    double floor = 1e-9 * maxGross(chain, excluded);
    for (int k = 0; k < reported.length; k++) {
      double r = reported[k];
      if (k > 0) {
        assertThat(r).isGreaterThan(reported[k - 1]);
      }
      double below = exact(chain, excluded, r * (1 - 1e-9));
      double above = exact(chain, excluded, r * (1 + 1e-9));
      boolean signChange = below * above <= 0;
      assertThat(signChange || Math.abs(exact(chain, excluded, r)) <= floor)
          .as("listed crossing %s of %s is a zero", r, p.scope())
          .isTrue();
    }
    assertThat(p.zeroGamma().isPresent()).isEqualTo(reported.length > 0);
  }

  /**
   * The brute-force oracle: the exact profile at {@value #SCAN_POINTS} log-spaced spots over the profile
   * range, each sign change (of values beyond 1e-10 of the largest gross exposure) bisected to 1e-13.
   */
  static double[] scan(ResolvedChain chain, int excluded) {
    GexSettings s = chain.settings;
    double lo = Math.log(chain.spot * s.profileLow());
    double hi = Math.log(chain.spot * s.profileHigh());
    double floor = 1e-10 * maxGross(chain, excluded);
    Exact exact = new Exact(chain, excluded);
    List<Double> found = new ArrayList<>();
    double prevX = Double.NaN;
    double prevF = 0;
    for (int k = 0; k <= SCAN_POINTS; k++) {
      double x = lo + (hi - lo) * k / SCAN_POINTS;
      double f = exact.atLog(x);
      if (!(Math.abs(f) > floor)) {
        continue;
      }
      if (!Double.isNaN(prevX) && (f > 0) != (prevF > 0)) {
        double a = prevX;
        double b = x;
        double fa = prevF;
        while (b - a > 1e-13) {
          double m = 0.5 * (a + b);
          double fm = exact.atLog(m);
          if (fm == 0) {
            a = m;
            b = m;
          } else if ((fm > 0) == (fa > 0)) {
            a = m;
            fa = fm;
          } else {
            b = m;
          }
        }
        found.add(Math.exp(0.5 * (a + b)));
      }
      prevX = x;
      prevF = f;
    }
    return found.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Total GEX at a spot from the Black-Scholes gamma, written out here independently of the engine. */
  static double exact(ResolvedChain chain, int excluded, double spot) {
    return new Exact(chain, excluded).atLog(Math.log(spot));
  }

  /**
   * The exact profile of one scope: at spot S = e^x, Σ sign × OI × 100 × 0.01 × S² × gamma, with S² gamma =
   * S φ(d1) / (vol √tau) and d1 = (x - ln K + vol² tau / 2) / (vol √tau).
   */
  static final class Exact {
    private final double[] lnK;
    private final double[] sd;
    private final double[] weight;

    Exact(ResolvedChain chain, int excluded) {
      int m = 0;
      for (int i = 0; i < chain.n; i++) {
        m += chain.expiryIndex[i] != excluded ? 1 : 0;
      }
      lnK = new double[m];
      sd = new double[m];
      weight = new double[m];
      int k = 0;
      for (int i = 0; i < chain.n; i++) {
        if (chain.expiryIndex[i] != excluded) {
          lnK[k] = Math.log(chain.strike[i]);
          sd[k] = chain.vol[i] * Math.sqrt(chain.tau[i]);
          weight[k] = chain.sign[i] * chain.openInterest[i] / (Math.sqrt(2 * Math.PI) * sd[k]);
          k++;
        }
      }
    }

    double atLog(double x) {
      double sum = 0;
      for (int k = 0; k < lnK.length; k++) {
        double d1 = (x - lnK[k] + 0.5 * sd[k] * sd[k]) / sd[k];
        sum += weight[k] * Math.exp(-0.5 * d1 * d1);
      }
      return sum * 100 * Math.exp(x) * 0.01;
    }
  }

  private static double maxGross(ResolvedChain chain, int excluded) {
    double best = 0;
    GexSettings s = chain.settings;
    for (int k = 0; k <= 2000; k++) {
      double spot = chain.spot * s.profileLow() * Math.pow(s.profileHigh() / s.profileLow(), k / 2000.0);
      double g = 0;
      for (int i = 0; i < chain.n; i++) {
        if (chain.expiryIndex[i] != excluded) {
          g += chain.openInterest[i] * gammaTimesSpot(chain, i, spot);
        }
      }
      best = Math.max(best, g * spot);
    }
    return best;
  }

  private static double gammaTimesSpot(ResolvedChain chain, int i, double spot) {
    double sd = chain.vol[i] * Math.sqrt(chain.tau[i]);
    double d1 = (Math.log(spot / chain.strike[i]) + 0.5 * chain.vol[i] * chain.vol[i] * chain.tau[i]) / sd;
    return Math.exp(-0.5 * d1 * d1) / (Math.sqrt(2 * Math.PI) * sd);
  }

  /**
   * A small chain at spot 4000 valued minutes before the 16:00 close, often just above the 15-minute floor
   * of the time to expiry: 0DTE and 1-day contracts with strikes within about 1% of spot, mixed with 7- to
   * 90-day ones within about 15%; calls and puts (both signs of exposure), vols 0.05 to 1.
   */
  static OptionChain randomShortDated(long seed, int contracts) {
    SplittableRandom r = new SplittableRandom(seed);
    int mode = r.nextInt(3);
    double minutes =
        mode == 0 ? 15 + r.nextDouble(0.5) : mode == 1 ? 15 + r.nextDouble(15) : 15 + r.nextDouble(240);
    Instant valuation = CLOSE.minusMillis((long) (minutes * 60_000));
    int[] days = {0, 0, 0, 1, 1, 7, 14, 30, 90};
    List<OptionContract> list = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (list.size() < contracts) {
      int d = days[r.nextInt(days.length)];
      double width = d <= 1 ? 0.01 : 0.15;
      double strike = Math.round(4000 * Math.exp(r.nextDouble(-width, width)) * 4) / 4.0;
      OptionRight right = r.nextBoolean() ? OptionRight.CALL : OptionRight.PUT;
      if (!seen.add(d + "/" + strike + "/" + right)) {
        continue;
      }
      double vol = 0.05 + 0.95 * r.nextDouble() * r.nextDouble();
      list.add(OptionContract.of("SPXW", TODAY.plusDays(d), right, strike, 1 + r.nextInt(5000), vol));
    }
    return OptionChain.of("SPX", 4000, valuation, list);
  }
}

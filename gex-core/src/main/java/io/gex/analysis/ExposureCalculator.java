package io.gex.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Gamma exposure of every contract at spot, aggregated by strike, by expiry and in total. A contract's GEX
 * is {@code sign × gamma × open interest × multiplier × spot² × 0.01}, dollars per 1% move.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ExposureCalculator {

  /** The shared instance. */
  public static final ExposureCalculator DEFAULT = new ExposureCalculator();

  /** Gamma exposure at spot of the resolved chain. */
  public GexExposures calculate(ResolvedChain chain) {
    int strikes = chain.strikes.length;
    int expiries = chain.expiries.length;
    double[] callByStrike = new double[strikes];
    double[] putByStrike = new double[strikes];
    double[] callByExpiry = new double[expiries];
    double[] putByExpiry = new double[expiries];
    long[] oiByExpiry = new long[expiries];
    int[] countByExpiry = new int[expiries];
    double[] heat = new double[expiries * strikes];
    double spot = chain.spot;
    double lnS = Math.log(spot);
    double callTotal = 0;
    double putTotal = 0;
    for (int i = 0, n = chain.n; i < n; i++) {
      int e = chain.expiryIndex[i];
      int k = chain.strikeIndex[i];
      countByExpiry[e]++;
      oiByExpiry[e] += (long) chain.openInterest[i];
      double d = chain.d1(i, lnS);
      double gex = spot * chain.gexCoef[i] * Math.exp(-0.5 * d * d);
      heat[e * strikes + k] += gex;
      if (chain.call[i]) {
        callByStrike[k] += gex;
        callByExpiry[e] += gex;
        callTotal += gex;
      } else {
        putByStrike[k] += gex;
        putByExpiry[e] += gex;
        putTotal += gex;
      }
    }
    double[] net = new double[strikes];
    for (int k = 0; k < strikes; k++) {
      net[k] = callByStrike[k] + putByStrike[k];
    }
    List<ExpiryGex> byExpiry = new ArrayList<>(expiries);
    for (int e = 0; e < expiries; e++) {
      LocalDate date = chain.expiries[e];
      byExpiry.add(
          new ExpiryGex(
              date,
              ChronoUnit.DAYS.between(chain.valuationDate, date),
              callByExpiry[e],
              putByExpiry[e],
              callByExpiry[e] + putByExpiry[e],
              oiByExpiry[e],
              countByExpiry[e]));
    }
    DoubleArray strikeLabels = DoubleArray.copyOf(chain.strikes);
    return new GexExposures(
        callTotal + putTotal,
        callTotal,
        putTotal,
        new GexByStrike(
            strikeLabels,
            DoubleArray.wrap(callByStrike),
            DoubleArray.wrap(putByStrike),
            DoubleArray.wrap(net)),
        byExpiry,
        new GexHeatmap(List.of(chain.expiries), strikeLabels, DoubleArray.wrap(heat)),
        callWall(chain.strikes, callByStrike, spot),
        putWall(chain.strikes, putByStrike, spot),
        absGammaStrike(chain.strikes, callByStrike, putByStrike),
        strikeZeroGamma(chain.strikes, net, spot));
  }

  private static OptionalDouble callWall(double[] strikes, double[] call, double spot) {
    int best = -1;
    for (int k = 0; k < strikes.length; k++) {
      if (strikes[k] >= spot && call[k] != 0 && (best < 0 || call[k] > call[best])) {
        best = k;
      }
    }
    return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(strikes[best]);
  }

  private static OptionalDouble putWall(double[] strikes, double[] put, double spot) {
    int best = -1;
    for (int k = 0; k < strikes.length; k++) {
      if (strikes[k] <= spot && put[k] != 0 && (best < 0 || Math.abs(put[k]) > Math.abs(put[best]))) {
        best = k;
      }
    }
    return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(strikes[best]);
  }

  private static OptionalDouble absGammaStrike(double[] strikes, double[] call, double[] put) {
    int best = -1;
    double bestValue = 0;
    for (int k = 0; k < strikes.length; k++) {
      double v = Math.abs(call[k]) + Math.abs(put[k]);
      if (v > bestValue) {
        best = k;
        bestValue = v;
      }
    }
    return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(strikes[best]);
  }

  /**
   * A change of sign of the cumulative net GEX counts for the strike zero gamma only when the cumulative
   * sum reaches this share of the gross (the sum of |net GEX| over strikes) on both sides of it.
   */
  static final double STRIKE_ZERO_SIGNIFICANCE = 0.01;

  /**
   * The strike zero gamma: where the cumulative net GEX over ascending strikes changes sign, linearly
   * interpolated between the two strikes around the change; of several, the one nearest spot.
   *
   * <p>Only changes of sign between significant values count: the cumulative sum must have been beyond
   * {@value #STRIKE_ZERO_SIGNIFICANCE} of the gross with one sign and then get beyond it with the other.
   * Without this, one far strike whose exposure is a sliver of the total (a deep wing contract with a
   * placeholder volatility, say) would start the sum with its own sign, and the sum's return through zero
   * at the next strike would be reported as a level far from spot (RUT showed 400.72 with spot at 1,817).
   * Between the two significant strikes the level is the interpolated zero nearest spot.
   */
  static OptionalDouble strikeZeroGamma(double[] strikes, double[] net, double spot) {
    double gross = 0;
    for (double v : net) {
      gross += Math.abs(v);
    }
    double floor = STRIKE_ZERO_SIGNIFICANCE * gross;
    double[] cum = new double[strikes.length];
    double best = Double.NaN;
    int lastSignificant = -1;
    double sum = 0;
    for (int k = 0; k < strikes.length; k++) {
      sum += net[k];
      cum[k] = sum;
      if (!(Math.abs(sum) > floor)) {
        continue;
      }
      if (lastSignificant >= 0 && (sum > 0) != (cum[lastSignificant] > 0)) {
        double level = nearestZero(strikes, cum, lastSignificant, k, spot);
        if (Double.isNaN(best) || Math.abs(level - spot) < Math.abs(best - spot)) {
          best = level;
        }
      }
      lastSignificant = k;
    }
    return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  /**
   * The zero of the piecewise-linear cumulative sum nearest spot between strikes from and to, whose sums
   * differ in sign (so there is at least one).
   */
  private static double nearestZero(double[] strikes, double[] cum, int from, int to, double spot) {
    double best = Double.NaN;
    for (int m = from + 1; m <= to; m++) {
      double a = cum[m - 1];
      double b = cum[m];
      double level;
      if (b == 0) {
        level = strikes[m];
      } else if (a != 0 && (a > 0) != (b > 0)) {
        level = strikes[m - 1] + (strikes[m] - strikes[m - 1]) * (-a) / (b - a);
      } else {
        continue;
      }
      if (Double.isNaN(best) || Math.abs(level - spot) < Math.abs(best - spot)) {
        best = level;
      }
    }
    return best;
  }
}

package io.gex.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
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
    return calculate(MeasureCalculator.DEFAULT.calculate(chain, EnumSet.of(Measure.GAMMA)));
  }

  /**
   * Gamma exposure at spot from measures already calculated over a chain (so that GEX shares its pass over
   * the contracts with the other measures).
   *
   * @param measures the exposures of a chain, {@link Measure#GAMMA} among them
   * @throws NullPointerException if measures is null
   * @throws IllegalArgumentException if GAMMA was not calculated
   */
  public GexExposures calculate(MeasureExposures measures) {
    Objects.requireNonNull(measures, "measures");
    // The measures' arrays are written only by the pass that made them: the heatmap (expiries × strikes,
    // 0.2 MB on SPX) is wrapped, not copied.
    int g = measures.index(Measure.GAMMA);
    ResolvedChain chain = measures.chain;
    int strikes = chain.strikes.length;
    int expiries = chain.expiries.length;
    double[] callByStrike = measures.callByStrike[g];
    double[] putByStrike = measures.putByStrike[g];
    double[] callByExpiry = measures.callByExpiry[g];
    double[] putByExpiry = measures.putByExpiry[g];
    double spot = chain.spot;
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
              measures.openInterestByExpiry[e],
              measures.contractsByExpiry[e]));
    }
    double callTotal = measures.callTotal[g];
    double putTotal = measures.putTotal[g];
    DoubleArray strikeLabels = DoubleArray.copyOf(chain.strikes);
    return new GexExposures(
        callTotal,
        putTotal,
        new GexByStrike(
            strikeLabels,
            DoubleArray.copyOf(callByStrike),
            DoubleArray.copyOf(putByStrike),
            DoubleArray.wrap(net)),
        byExpiry,
        new GexHeatmap(
            List.of(chain.expiries), strikeLabels, DoubleArray.wrap(measures.gammaHeatmap)),
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

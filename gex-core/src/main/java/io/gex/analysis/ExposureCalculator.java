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
   * The zero of cumulative net GEX over ascending strikes, linearly interpolated between the two strikes
   * where the running sum changes sign; of several, the one nearest spot.
   */
  static OptionalDouble strikeZeroGamma(double[] strikes, double[] net, double spot) {
    double best = Double.NaN;
    double cumPrev = 0;
    boolean started = false;
    for (int k = 0; k < strikes.length; k++) {
      double cum = cumPrev + net[k];
      if (started && cumPrev != 0 && ((cum > 0 && cumPrev < 0) || (cum < 0 && cumPrev > 0) || cum == 0)) {
        double level =
            cum == 0
                ? strikes[k]
                : strikes[k - 1] + (strikes[k] - strikes[k - 1]) * (-cumPrev) / (cum - cumPrev);
        if (Double.isNaN(best) || Math.abs(level - spot) < Math.abs(best - spot)) {
          best = level;
        }
      }
      if (cum != 0) {
        started = true;
      }
      cumPrev = cum;
    }
    return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
  }
}

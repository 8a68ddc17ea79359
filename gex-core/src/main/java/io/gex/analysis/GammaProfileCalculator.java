package io.gex.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Re-prices total gamma exposure at hypothetical spots and finds every place where it crosses zero.
 *
 * <p><b>The profile.</b> {@code P(S) = S Σ gexCoef_i exp(-d1_i(S)²/2)} (dollars per 1% move, same
 * volatilities and times to expiry: sticky strike), reported at {@code profilePoints} spots spaced evenly
 * in log-spot between {@code profileLow} and {@code profileHigh} times spot. Contract {@code i} is counted
 * only where {@code |d1_i| <= }{@value #CUTOFF}: beyond, its weight is below e^-32 (1.3e-14) of its peak.
 *
 * <p><b>The crossings, and what is guaranteed.</b> The crossing search does not trust the grid: a contract
 * expiring in minutes (the engine floors time to expiry at {@code GexSettings.minTimeToExpiry}, 15 minutes
 * by default) has a gamma a few index points wide, narrower than the grid step, and can make a pair of
 * crossings between two grid points. Instead the search proves where there is no zero. For a cell
 * between two grid points, each contract's smallest and largest value over the cell are its values at the
 * cell's ends, or its peak when the peak lies inside (a Gaussian rises, then falls); summing them gives
 * exact bounds of the profile over the cell at no cost beyond the grid. A cell whose bounds keep one sign
 * holds no zero. Every other cell is halved recursively with the same per-contract bounds computed
 * exactly, for the value and for the derivative, until each piece holds no zero, is monotone (then it
 * holds one zero exactly when its ends differ in sign), or lies within the noise floor. Sign changes
 * between the ends of these pieces are refined by Newton's method on the exact profile (Commons Numbers'
 * Brent solver takes over when Newton leaves the bracket), to a relative accuracy of 1e-11. The search
 * computes each contract's Gaussian with an exponential that the JIT can vectorise, within 4e-14 of
 * {@code Math.exp}'s value, relative (far inside the noise floor {@code θ} below). Hence:
 *
 * <ul>
 *   <li>every reported crossing is a sign change of the profile (up to rounding);
 *   <li>if the profile divided by spot is above {@code θ} at one spot of the range and below {@code -θ}
 *       at another, a crossing is reported between them (give or take the search piece that holds each), where {@code θ} is 1e-12 of the largest gross
 *       exposure at a grid point (the sum of the contracts' |exposure| divided by spot) plus the weight
 *       cut off beyond {@value #CUTOFF} standard deviations; the one exception is two sign changes closer
 *       together than 1e-9 in log-spot (relative 1e-9 in spot), such as a double root or a tangency, which
 *       the search does not separate;
 *   <li>not reported: sign changes inside a stretch where the profile stays within ±{@code θ}
 *       (numerically zero: a far tail, or exposures that cancel to 12 digits), and tangencies that touch
 *       zero without crossing it.
 * </ul>
 *
 * <p>The zero-gamma level ({@link GammaProfile#zeroGamma()}) is the reported crossing nearest spot.
 *
 * <p>Speed: contract {@code i}'s gamma at grid point {@code j} is a Gaussian in {@code d1}, which is linear
 * in {@code j} on a log grid, so successive values follow from multiplications by a ratio that itself
 * changes by a constant factor. Interleaved lanes of that recurrence (one per residue of the point, each
 * advanced by several points) keep the multiplier pipelines busy, exact exponentials re-anchor them
 * periodically, and large chains sum the lanes of many contracts point by point in vector instructions
 * ({@link GridSweep}). Only points with {@code |d1| <= }{@value #CUTOFF} are visited. The bounds
 * come from keeping each contract's values on the two sides of its peak, and of either sign, in separate
 * sums; only cells that these bounds cannot settle (those holding a crossing, or a short-dated contract
 * whose peak is large next to the profile there) are searched further, with the contracts whose window
 * reaches them. {@link #profiles(ResolvedChain)} computes the three scopes in one pass: each contract is
 * added once, to the sums of its expiry class (the next expiry, the next monthly, or the rest).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class GammaProfileCalculator {

  /** The shared instance. */
  public static final GammaProfileCalculator DEFAULT = new GammaProfileCalculator();

  /** Contracts contribute only where |d1| is at most this (their weight beyond is below 1.3e-14 of their peak). */
  static final double CUTOFF = 8.0;

  /**
   * Total GEX at a hypothetical spot, dollars per 1% move, leaving out the contracts of one expiry.
   *
   * @param chain the resolved chain
   * @param spot the hypothetical spot, {@code > 0}
   * @param excludedExpiry index of the expiry to leave out, or -1 for none
   */
  static double totalGexAt(ResolvedChain chain, double spot, int excludedExpiry) {
    double lnS = Math.log(spot);
    double sum = 0;
    double[] coef = chain.gexCoef;
    int[] expiry = chain.expiryIndex;
    for (int i = 0, n = chain.n; i < n; i++) {
      if (expiry[i] == excludedExpiry) {
        continue;
      }
      double d = chain.d1(i, lnS);
      if (d <= CUTOFF && d >= -CUTOFF) {
        sum += coef[i] * Math.exp(-0.5 * d * d);
      }
    }
    return spot * sum;
  }

  /**
   * Total GEX at a hypothetical spot over all contracts of the chain, dollars per 1% move.
   *
   * @throws IllegalArgumentException if spot is not a finite positive number
   */
  public double totalGexAt(ResolvedChain chain, double spot) {
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be finite and > 0, was " + spot);
    }
    return totalGexAt(chain, spot, -1);
  }

  /** The profile over all the chain's expiries. */
  public GammaProfile profile(ResolvedChain chain) {
    return profile(chain, GammaProfile.Scope.ALL_EXPIRIES);
  }

  /**
   * The profile of one scope. A scope that excludes an expiry the chain does not have (no next monthly)
   * gives the profile of all expiries with an empty {@link GammaProfile#excludedExpiry()}.
   */
  public GammaProfile profile(ResolvedChain chain, GammaProfile.Scope scope) {
    int excluded = excludedExpiry(chain, scope);
    GammaTerms terms = chain.terms();
    int[] classOf = new int[terms.n];
    for (int t = 0, n = terms.n; t < n; t++) {
      classOf[t] = terms.expiryIndex[t] == excluded ? -1 : 0;
    }
    ProfileGrid grid = new ProfileGrid(terms, classOf, 1);
    boolean[] include = {true};
    double[] values = grid.values(include);
    double[] crossings = ProfileCrossings.find(terms, grid, include, values);
    return finish(chain, scope, excluded, grid, values, crossings);
  }

  /**
   * The profiles of all three scopes (all expiries, excluding the next expiry, excluding the next monthly),
   * in that order, computed in one pass over the contracts.
   */
  public List<GammaProfile> profiles(ResolvedChain chain) {
    int next = excludedExpiry(chain, GammaProfile.Scope.EXCLUDING_NEXT_EXPIRY);
    int monthly = excludedExpiry(chain, GammaProfile.Scope.EXCLUDING_NEXT_MONTHLY);
    // Classes: 0 the rest, 1 the next expiry, 2 the next monthly when it is another expiry.
    GammaTerms terms = chain.terms();
    int[] classOf = new int[terms.n];
    for (int t = 0, n = terms.n; t < n; t++) {
      int e = terms.expiryIndex[t];
      classOf[t] = e == next ? 1 : e == monthly ? 2 : 0;
    }
    ProfileGrid grid = new ProfileGrid(terms, classOf, 3);
    boolean[][] include = {
      {true, true, true},
      {true, false, true},
      monthly == next ? new boolean[] {true, false, true} : new boolean[] {true, true, false}
    };
    double[][] values = new double[3][];
    for (int k = 0; k < 3; k++) {
      values[k] = grid.values(include[k]);
    }
    // The three searches walk the cells together and share the evaluations of the cells they all search.
    double[][] crossings = ProfileCrossings.findAll(terms, grid, include, values);
    return List.of(
        finish(chain, GammaProfile.Scope.ALL_EXPIRIES, -1, grid, values[0], crossings[0]),
        finish(chain, GammaProfile.Scope.EXCLUDING_NEXT_EXPIRY, next, grid, values[1], crossings[1]),
        finish(chain, GammaProfile.Scope.EXCLUDING_NEXT_MONTHLY, monthly, grid, values[2], crossings[2]));
  }

  /**
   * The zero-gamma level of all expiries ({@link GammaProfile#zeroGamma()} of {@link #profile(ResolvedChain)}:
   * the crossing nearest spot within the profile range), found by searching windows of grid cells around
   * spot, widened until the nearest crossing found is provably the nearest of all. Costs a few grid cells'
   * work when the level is near spot, as it is when traders watch it, instead of the whole profile's.
   */
  public OptionalDouble zeroGamma(ResolvedChain chain) {
    return flipSearch(chain).nearest;
  }

  /**
   * The windowed search of {@link #zeroGamma}, with what it proved: every crossing of the all-expiries
   * profile between {@code low} and {@code high} (spots), which do not depend on spot as long as the
   * chain's gamma kernel is the same.
   */
  static FlipSearch flipSearch(ResolvedChain chain) {
    GammaTerms terms = chain.terms();
    int[] classOf = new int[terms.n];
    boolean[] include = {true};
    var settings = chain.settings;
    int points = settings.profilePoints();
    int last = points - 1;
    double h = (Math.log(settings.profileHigh()) - Math.log(settings.profileLow())) / last;
    double atSpot = -Math.log(settings.profileLow()) / h; // spot's position on the grid, in points
    for (int width = 4; ; width *= 4) {
      int from = (int) Math.max(0, Math.floor(atSpot) - width);
      int to = (int) Math.min(last, Math.ceil(atSpot) + width);
      ProfileGrid grid = new ProfileGrid(terms, classOf, 1, from, to);
      double[] values = grid.values(include);
      double[] crossings = ProfileCrossings.find(terms, grid, include, values);
      OptionalDouble nearest = nearest(crossings, chain.spot);
      double low = Math.exp(grid.x(from));
      double high = Math.exp(grid.x(to));
      boolean whole = from == 0 && to == last;
      if (whole) {
        return new FlipSearch(terms, nearest, crossings, low, high);
      }
      if (nearest.isPresent()) {
        // Every spot closer than the crossing found lies in the window (or beyond an end of the range).
        double distance = Math.abs(nearest.getAsDouble() - chain.spot);
        boolean lowCovered = from == 0 || low <= chain.spot - distance;
        boolean highCovered = to == last || high >= chain.spot + distance;
        if (lowCovered && highCovered) {
          return new FlipSearch(terms, nearest, crossings, low, high);
        }
      }
    }
  }

  /** A flip search's answer and what it proved: all the crossings in [low, high] for these terms. */
  static final class FlipSearch {
    final GammaTerms terms;
    final OptionalDouble nearest;
    final double[] crossings;
    final double low;
    final double high;

    FlipSearch(GammaTerms terms, OptionalDouble nearest, double[] crossings, double low, double high) {
      this.terms = terms;
      this.nearest = nearest;
      this.crossings = crossings;
      this.low = low;
      this.high = high;
    }
  }

  private static int excludedExpiry(ResolvedChain chain, GammaProfile.Scope scope) {
    switch (scope) {
      case EXCLUDING_NEXT_EXPIRY:
        return chain.expiries.length > 0 ? 0 : -1;
      case EXCLUDING_NEXT_MONTHLY:
        return chain.nextMonthlyIndex;
      case ALL_EXPIRIES:
      default:
        return -1;
    }
  }

  private static GammaProfile finish(
      ResolvedChain chain,
      GammaProfile.Scope scope,
      int excluded,
      ProfileGrid grid,
      double[] values,
      double[] crossings) {
    double[] spots = grid.spots(); // shared by the grid's profiles, which only read it
    double[] gex = new double[grid.points];
    for (int j = 0; j < grid.points; j++) {
      gex[j] = spots[j] * values[j];
    }
    return new GammaProfile(
        scope,
        excluded < 0 ? Optional.empty() : Optional.of(chain.expiries[excluded]),
        DoubleArray.wrap(spots),
        DoubleArray.wrap(gex),
        DoubleArray.wrap(crossings),
        nearest(crossings, chain.spot));
  }

  static OptionalDouble nearest(double[] values, double target) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    double best = values[0];
    for (double v : values) {
      if (Math.abs(v - target) < Math.abs(best - target)) {
        best = v;
      }
    }
    return OptionalDouble.of(best);
  }
}

package io.gex.analysis;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * The complete zero-crossing search of one gamma profile (see {@link GammaProfileCalculator} for what it
 * guarantees). Works on {@code g(x) = Σ c_i exp(-d_i²/2)}, the profile divided by spot, as a function of
 * {@code x = ln S}: it has the profile's sign everywhere.
 *
 * <ol>
 *   <li>Every grid cell whose exact bounds ({@link ProfileGrid#low}, {@link ProfileGrid#high}) keep one
 *       sign beyond the noise floor holds no zero; one whose bounds lie within the floor is numerically
 *       zero. Both cost nothing beyond the grid.
 *   <li>Any other cell is searched with the contracts whose window reaches it: a (sub)cell is settled
 *       when the sum of each contract's exact range over it keeps one sign (no zero), lies within the
 *       floor, or when the same bound on the derivative keeps one sign (monotone: at most one zero, there
 *       exactly when its ends differ in sign); otherwise it is halved, down to {@link #MIN_WIDTH}.
 *   <li>The ends of all these (sub)cells, in order, are scanned for sign changes of values beyond the
 *       floor; each is refined by Newton's method on the exact profile, Brent's method as fallback.
 * </ol>
 *
 * <p>Not thread-safe: one instance per search.
 */
final class ProfileCrossings {

  /** The noise floor, relative to the largest gross exposure on the grid. */
  static final double NOISE = 1e-12;

  /** Cells narrower than this in ln S are not halved further (relative 1e-9 in spot). */
  static final double MIN_WIDTH = 1e-9;

  private static final int MAX_DEPTH = 48;

  /** exp(-1/2): the largest |d exp(-d²/2)|, reached at d = ±1. */
  private static final double E_HALF = Math.exp(-0.5);

  /** The largest weight of a contract beyond the cutoff, relative to its peak. */
  private static final double TAIL =
      Math.exp(-0.5 * GammaProfileCalculator.CUTOFF * GammaProfileCalculator.CUTOFF);

  private final ResolvedChain chain;
  private final ProfileGrid grid;
  private final boolean[] include;
  private final double theta;
  private final double tailSlope;

  // The last knot (end of a settled cell) whose value is beyond the floor, and the crossings so far.
  private double previousX;
  private double previousG;
  private int previousCell = -1;
  private double scale;
  private double[] found = new double[4];
  private int count;

  // The cell being searched: its contracts, their coefficients, 1/(vol sqrt(tau)) and d1 at its start.
  private int[] active = new int[0];
  private int activeCount;
  private int activeCell = -1;
  private int[] rootActive = new int[0];
  private double[] coef = new double[0];
  private double[] invSd = new double[0];
  private double[] dStart = new double[0];
  private double cellStart;
  private double[][] scratchD = new double[MAX_DEPTH + 2][];
  private double[][] scratchG = new double[MAX_DEPTH + 2][];

  private ProfileCrossings(ResolvedChain chain, ProfileGrid grid, boolean[] include) {
    this.chain = chain;
    this.grid = grid;
    this.include = include;
    double absCoef = ProfileGrid.sum(grid.absCoef, include);
    this.theta = NOISE * grid.maxGross(include) + TAIL * absCoef;
    this.tailSlope = GammaProfileCalculator.CUTOFF * TAIL * ProfileGrid.sum(grid.absCoefSlope, include);
  }

  /**
   * Every zero crossing, in spot, ascending.
   *
   * @param values the profile divided by spot at the grid points ({@link ProfileGrid#values})
   */
  static double[] find(ResolvedChain chain, ProfileGrid grid, boolean[] include, double[] values) {
    return new ProfileCrossings(chain, grid, include).run(values);
  }

  private double[] run(double[] values) {
    int last = grid.points - 1;
    for (int j = 0; j <= last; j++) {
      scale = Math.max(scale, Math.abs(values[j] * Math.exp(grid.x(j))));
    }
    for (int j = 0; j < last; j++) {
      knot(grid.x(j), values[j], j, true);
      double low = grid.low(include, j);
      double high = grid.high(include, j);
      if (low > theta || high < -theta || (low >= -theta && high <= theta)) {
        continue; // one sign, or numerically zero, over the whole cell
      }
      searchCell(j);
    }
    knot(grid.x(last), values[last], last, true);
    return Arrays.copyOf(found, count);
  }

  /**
   * The end of a settled (sub)cell, in ascending order: a crossing lies between it and the previous such
   * end whose value is beyond the floor when their signs differ.
   *
   * @param cell the cell the knot starts (grid point) or lies inside
   */
  private void knot(double x, double g, int cell, boolean gridPoint) {
    if (!(Math.abs(g) > theta)) {
      return;
    }
    if (previousCell >= 0 && (g > 0) != (previousG > 0)) {
      int to = gridPoint ? Math.max(previousCell, cell - 1) : cell;
      int[] list;
      int m;
      if (previousCell == to && activeCell == to) {
        list = active;
        m = activeCount;
      } else {
        if (rootActive.length < chain.n) {
          rootActive = new int[chain.n];
        }
        list = rootActive;
        m = collect(previousCell, to, rootActive);
      }
      double sa = Math.exp(previousX);
      double sb = Math.exp(x);
      OptionalDouble r = refine(list, m, sa, sa * previousG, sb, sb * g);
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      // The bracket holds a sign change of the computed profile; the midpoint stands in only if
      // rounding made its recomputed ends agree in sign.
      found[count++] = r.orElse(0.5 * (sa + sb));
    }
    previousX = x;
    previousG = g;
    previousCell = cell;
  }

  /** Collects the contracts whose window reaches cells from..to into {@code into}; returns their count. */
  private int collect(int from, int to, int[] into) {
    int m = 0;
    for (int i = 0, n = chain.n; i < n; i++) {
      int cl = grid.classOf[i];
      if (cl >= 0 && include[cl] && grid.cellLo[i] <= to && grid.cellHi[i] >= from) {
        into[m++] = i;
      }
    }
    return m;
  }

  private void searchCell(int j) {
    if (active.length < chain.n) {
      active = new int[chain.n];
    }
    int m = collect(j, j, active);
    activeCount = m;
    activeCell = j;
    if (coef.length < m) {
      coef = new double[m];
      invSd = new double[m];
      dStart = new double[m];
      scratchD = new double[MAX_DEPTH + 2][];
      scratchG = new double[MAX_DEPTH + 2][];
    }
    cellStart = grid.x(j);
    for (int t = 0; t < m; t++) {
      int i = active[t];
      coef[t] = chain.gexCoef[i];
      invSd[t] = chain.invSd[i];
      dStart[t] = chain.d1(i, cellStart);
    }
    double[] dA = scratch(scratchD, MAX_DEPTH, m);
    double[] gA = scratch(scratchG, MAX_DEPTH, m);
    double[] dB = scratch(scratchD, MAX_DEPTH + 1, m);
    double[] gB = scratch(scratchG, MAX_DEPTH + 1, m);
    evaluate(cellStart, dA, gA);
    double xb = grid.x(j + 1);
    evaluate(xb, dB, gB);
    search(cellStart, dA, gA, xb, dB, gB, 0, j);
  }

  private static double[] scratch(double[][] pool, int level, int m) {
    double[] a = pool[level];
    if (a == null || a.length < m) {
      a = new double[m];
      pool[level] = a;
    }
    return a;
  }

  /** Each active contract's d1 and Gaussian at x; returns g(x). */
  private double evaluate(double x, double[] d, double[] g) {
    double offset = x - cellStart;
    double sum = 0;
    for (int t = 0, m = activeCount; t < m; t++) {
      double dt = dStart[t] + offset * invSd[t];
      double e =
          dt <= GammaProfileCalculator.CUTOFF && dt >= -GammaProfileCalculator.CUTOFF
              ? Math.exp(-0.5 * dt * dt)
              : 0;
      d[t] = dt;
      g[t] = e;
      sum += coef[t] * e;
    }
    return sum;
  }

  /**
   * Settles [xa, xb] or halves it, adding the midpoints as knots in order. Bounds: each contract's value
   * over the cell lies between its values at the ends, or up to 1 if its peak (d = 0) is inside; its
   * slope factor {@code -d exp(-d²/2)} between its end values, or up to ±exp(-1/2) if d = ∓1 is inside.
   */
  private void search(
      double xa, double[] dA, double[] gA, double xb, double[] dB, double[] gB, int depth, int cell) {
    double low = 0;
    double high = 0;
    double slopeLow = 0;
    double slopeHigh = 0;
    double slopeScale = 0;
    for (int t = 0, m = activeCount; t < m; t++) {
      double da = dA[t];
      double db = dB[t];
      double ga = gA[t];
      double gb = gB[t];
      double c = coef[t];
      double min = Math.min(ga, gb);
      double max = da < 0 && db > 0 ? 1 : Math.max(ga, gb);
      double pa = -da * ga;
      double pb = -db * gb;
      double pMin = Math.min(pa, pb);
      double pMax = Math.max(pa, pb);
      if (da < -1 && db > -1) {
        pMax = E_HALF;
      }
      if (da < 1 && db > 1) {
        pMin = -E_HALF;
      }
      double ck = c * invSd[t];
      if (c > 0) {
        low += c * min;
        high += c * max;
        slopeLow += ck * pMin;
        slopeHigh += ck * pMax;
      } else {
        low += c * max;
        high += c * min;
        slopeLow += ck * pMax;
        slopeHigh += ck * pMin;
      }
      slopeScale += Math.abs(ck) * Math.max(-pMin, pMax);
    }
    if (low > theta || high < -theta || (low >= -theta && high <= theta)) {
      return; // one sign, or numerically zero
    }
    double slopeSlack = NOISE * slopeScale + tailSlope;
    if (slopeLow > slopeSlack || slopeHigh < -slopeSlack) {
      return; // monotone: its ends tell whether it holds a zero
    }
    if (xb - xa < MIN_WIDTH || depth >= MAX_DEPTH) {
      return; // narrower than the resolution: only its ends' signs count
    }
    int m = activeCount;
    double xm = 0.5 * (xa + xb);
    double[] dM = scratch(scratchD, depth, m);
    double[] gM = scratch(scratchG, depth, m);
    double gMid = evaluate(xm, dM, gM);
    search(xa, dA, gA, xm, dM, gM, depth + 1, cell);
    knot(xm, gMid, cell, false);
    search(xm, dM, gM, xb, dB, gB, depth + 1, cell);
  }

  /**
   * The zero of the exact profile between a and b whose values fa and fb differ in sign. Newton starts
   * from the linear interpolation and stays inside the bracket; Brent finishes when Newton does not settle.
   */
  private OptionalDouble refine(int[] list, int m, double a, double fa, double b, double fb) {
    double[] valueAndSlope = new double[2];
    DoubleUnaryOperator f =
        s -> {
          profileAndSlope(list, m, s, valueAndSlope);
          return valueAndSlope[0];
        };
    double guess = a + (b - a) * fa / (fa - fb);
    if (!(guess > a && guess < b)) {
      guess = 0.5 * (a + b);
    }
    // Newton: one pass gives the profile and its derivative from the same exponentials
    // (f = S Σ e_i, f' = Σ e_i (1 - d_i invSd_i)); two or three steps reach 1e-11. Brent, derivative-free,
    // would need about eight passes; it still takes over whenever Newton leaves the bracket.
    double x = guess;
    for (int iteration = 0; iteration < 8; iteration++) {
      profileAndSlope(list, m, x, valueAndSlope);
      double fx = valueAndSlope[0];
      double dfx = valueAndSlope[1];
      if (fx == 0) {
        return OptionalDouble.of(x);
      }
      double next = x - fx / dfx;
      if (!(next > a && next < b)) {
        break;
      }
      if (Math.abs(next - x) <= 1e-11 * x) {
        return OptionalDouble.of(next);
      }
      x = next;
    }
    double ea = f.applyAsDouble(a);
    double eb = f.applyAsDouble(b);
    if (ea == 0) {
      return OptionalDouble.of(a);
    }
    if (eb == 0) {
      return OptionalDouble.of(b);
    }
    if ((ea > 0) == (eb > 0)) {
      return OptionalDouble.empty();
    }
    BrentSolver solver =
        new BrentSolver(1e-10, chain.spot * 1e-12, Math.max(scale * 1e-13, 1e-300));
    return OptionalDouble.of(solver.findRoot(f, a, guess, b));
  }

  /**
   * The exact profile over the active contracts at spot {@code s} and its derivative in spot:
   * {@code out[0] = S Σ e_i}, {@code out[1] = Σ e_i (1 - d_i invSd_i)} with {@code e_i = gexCoef_i
   * exp(-d_i²/2)}.
   */
  private void profileAndSlope(int[] list, int m, double s, double[] out) {
    double lnS = Math.log(s);
    double sum = 0;
    double slope = 0;
    for (int k = 0; k < m; k++) {
      int i = list[k];
      double d = chain.d1(i, lnS);
      if (d <= GammaProfileCalculator.CUTOFF && d >= -GammaProfileCalculator.CUTOFF) {
        double e = chain.gexCoef[i] * Math.exp(-0.5 * d * d);
        sum += e;
        slope += e * d * chain.invSd[i];
      }
    }
    out[0] = s * sum;
    out[1] = sum - slope;
  }
}

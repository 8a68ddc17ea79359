package io.gex.analysis;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.jspecify.annotations.Nullable;

/**
 * The complete zero-crossing search of one gamma profile (see {@link GammaProfileCalculator} for what it
 * guarantees). Works on {@code g(x) = Σ c_i exp(-d_i²/2)}, the profile divided by spot, as a function of
 * {@code x = ln S}: it has the profile's sign everywhere.
 *
 * <ol>
 *   <li>Every grid cell whose exact bounds ({@link ProfileGrid#bounds}) keep one
 *       sign beyond the noise floor holds no zero; one whose bounds lie within the floor is numerically
 *       zero. Both cost nothing beyond the grid.
 *   <li>Any other cell is searched. First with the grid's bounds for the wide contracts and the narrow
 *       ones (d1 moves more than {@value ProfileGrid#NARROW_STEP} per grid step) evaluated exactly at the
 *       ends of halved pieces: this settles the cells that only a short-dated contract's peak made
 *       uncertain, at the cost of a few contracts. A piece that the wide contracts' bounds leave open is
 *       searched with every contract whose window reaches the cell: it is settled when the sum of each
 *       contract's exact range over it keeps one sign (no zero), lies within the floor, or when the same
 *       bound on the derivative keeps one sign (monotone: one zero exactly when its ends differ in sign);
 *       otherwise it is halved, down to {@link #MIN_WIDTH}.
 *   <li>Each settled piece with a sign gives its ends that sign, with a magnitude beyond the floor (its
 *       bound) or their exact values (monotone and unresolved pieces); numerically zero pieces give
 *       nothing. Between consecutive ends of opposite sign lies a zero, refined by Newton's method on the
 *       exact profile, Brent's method as fallback.
 * </ol>
 *
 * <p>"Exact" here means each contract's Gaussian as {@link #gaussian} computes it, within 4e-14 of
 * {@code Math.exp}'s value (relative), in loops the JIT turns into vector instructions; Brent's fallback
 * uses {@code Math.exp}. The difference is far below the noise floor.
 *
 * <p>Not thread-safe: one instance per search.
 */
final class ProfileCrossings {

  /** The noise floor, relative to the largest gross exposure on the grid. */
  static final double NOISE = 1e-12;

  /** Pieces narrower than this in ln S are not halved further (relative 1e-9 in spot). */
  static final double MIN_WIDTH = 1e-9;

  private static final int MAX_DEPTH = 48;

  /** exp(-1/2): the largest |d exp(-d²/2)|, reached at d = ±1. */
  private static final double E_HALF = Math.exp(-0.5);

  /** The largest weight of a contract beyond the cutoff, relative to its peak. */
  private static final double TAIL =
      Math.exp(-0.5 * GammaProfileCalculator.CUTOFF * GammaProfileCalculator.CUTOFF);

  /** {@code Σ a[t] b[t]} over t < n, in four interleaved sums (one would wait on each add's latency). */
  static double dot(double[] a, double[] b, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int t = 0;
    for (; t + 3 < n; t += 4) {
      s0 += a[t] * b[t];
      s1 += a[t + 1] * b[t + 1];
      s2 += a[t + 2] * b[t + 2];
      s3 += a[t + 3] * b[t + 3];
    }
    for (; t < n; t++) {
      s0 += a[t] * b[t];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * A contract's Gaussian {@code exp(-d²/2)} where {@code |d| <= }{@value GammaProfileCalculator#CUTOFF},
   * else 0, as the search evaluates it: {@code p(y)^256} with {@code y = -d²/512} (in [-0.127, 0]), {@code p}
   * the degree-10 Taylor polynomial of the exponential, then eight squarings.
   *
   * <p>Within 4e-14 of {@code Math.exp}'s value, relative (the squarings multiply the polynomial's
   * rounding by 256; the truncation is below 1e-17), which the noise floor (1e-12 of the gross exposure)
   * covers many times over. It is written with arithmetic alone, the cutoff a factor of 0 or 1, so that the
   * JIT compiles a loop over the contracts into vector instructions: 1.2 ns a contract on the project's
   * machine against 4.4 for a loop of {@code Math.exp}, which the JIT calls one value at a time. The
   * search's evaluations and Newton steps are such loops over thousands of contracts (about 20 of them
   * on the real SPX chain), in {@link #gaussians}. Written here because Java 17 has no vector exponential
   * outside the incubating Vector API.
   */
  static double gaussian(double d) {
    double y = Math.max(-0.5 * d * d, -32.5) * (1.0 / 256);
    double p =
        1 + y * (1 + y * (1.0 / 2 + y * (1.0 / 6 + y * (1.0 / 24 + y * (1.0 / 120 + y * (1.0 / 720
            + y * (1.0 / 5040 + y * (1.0 / 40320 + y * (1.0 / 362880 + y * (1.0 / 3628800))))))))));
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    p *= p;
    // 1 where |d| <= CUTOFF (CUTOFF - |d| >= 0), else 0: the smallest positive CUTOFF - |d| beyond it is
    // an ulp of 8, which 2^1000 makes far larger than 1.
    double inside =
        Math.min(1, Math.max(0, (GammaProfileCalculator.CUTOFF - Math.abs(d)) * 0x1p1000 + 1));
    return p * inside;
  }

  /**
   * Each of n contracts' d1 at {@code offset} in ln S from where {@code dStart} holds it, into {@code d},
   * and its Gaussian ({@link #gaussian}), into {@code g}. Two loops: the second is the one the JIT turns
   * into vector instructions, which it no longer does when the d1 are computed in it too (9.4 ns a
   * contract instead of 1.4).
   */
  static void gaussians(
      double[] dStart, double[] invSd, double offset, int n, double[] d, double[] g) {
    for (int t = 0; t < n; t++) {
      d[t] = dStart[t] + offset * invSd[t];
    }
    for (int t = 0; t < n; t++) {
      g[t] = gaussian(d[t]);
    }
  }

  private final GammaTerms chain;
  private final ProfileGrid grid;
  private final boolean[] include;
  private final double theta;
  private final double tailSlope;

  // The last end of a settled piece whose value is beyond the floor, and the crossings so far.
  private double previousX;
  private double previousG;
  private int previousCell = -1;
  private double[] found = new double[4];
  private int count;

  /** The narrow contracts of the cell being searched, and all of its contracts (when needed). */
  private final Terms narrow;

  private final Terms all;
  private int cell = -1;
  private double wideLow;
  private double wideHigh;
  private double @Nullable [][] wide;
  private int[] rootList = new int[0];

  /** The largest |profile| on the grid (Brent's tolerance on the function value is relative to it). */
  private double scale;

  // Bounds of the last piece measured: value and derivative.
  private double low;
  private double high;
  private double slopeLow;
  private double slopeHigh;
  private double slopeScale;
  private double slopeAtA;
  private double slopeAtB;

  /** The previous knot's slope dg/dx when known exactly (ends of exact pieces), else NaN. */
  private double previousSlope = Double.NaN;

  /** The grid values (profile divided by spot). */
  private final double[] values;

  /** The cell's contracts and their values at the points evaluated, shared with the other scopes. */
  private final SharedCell shared;

  private ProfileCrossings(
      GammaTerms chain, ProfileGrid grid, boolean[] include, double[] values, SharedCell shared) {
    this.chain = chain;
    this.shared = shared;
    this.values = values;
    double[] spots = grid.spots();
    for (int j = 0; j < grid.points; j++) {
      scale = Math.max(scale, Math.abs(values[j] * spots[j]));
    }
    this.grid = grid;
    this.include = include;
    double absCoef = ProfileGrid.sum(grid.absCoef, include);
    this.theta = NOISE * grid.maxGross(include) + TAIL * absCoef;
    this.tailSlope = GammaProfileCalculator.CUTOFF * TAIL * ProfileGrid.sum(grid.absCoefSlope, include);
    this.narrow = new Terms();
    this.all = new Terms();
  }

  /**
   * Every zero crossing, in spot, ascending.
   *
   * @param values the profile divided by spot at the grid points ({@link ProfileGrid#values})
   */
  static double[] find(GammaTerms chain, ProfileGrid grid, boolean[] include, double[] values) {
    return findAll(chain, grid, new boolean[][] {include}, new double[][] {values})[0];
  }

  /**
   * Every zero crossing of several scopes of one grid, in spot, ascending, per scope. The scopes walk the
   * cells together, so that a cell searched by several of them is evaluated once: its contracts are
   * collected once for all the scopes' classes, each contract's Gaussian at a point of the cell is computed
   * once, and each scope sums it with its own coefficients (zero for the classes it leaves out). The
   * results are those of separate searches, bit for bit.
   *
   * @param includes per scope, the classes it includes
   * @param values per scope, the profile divided by spot at the grid points ({@link ProfileGrid#values})
   */
  static double[][] findAll(
      GammaTerms chain, ProfileGrid grid, boolean[][] includes, double[][] values) {
    SharedCell shared = new SharedCell(chain, grid, includes);
    int scopes = includes.length;
    ProfileCrossings[] searches = new ProfileCrossings[scopes];
    double[][][] bounds = new double[scopes][][];
    for (int k = 0; k < scopes; k++) {
      searches[k] = new ProfileCrossings(chain, grid, includes[k], values[k], shared);
      bounds[k] = grid.bounds(includes[k], false);
    }
    for (int j = grid.from; j < grid.to; j++) {
      for (int k = 0; k < scopes; k++) {
        searches[k].step(j, bounds[k][0][j], bounds[k][1][j]);
      }
    }
    double[][] crossings = new double[scopes][];
    for (int k = 0; k < scopes; k++) {
      crossings[k] = Arrays.copyOf(searches[k].found, searches[k].count);
    }
    return crossings;
  }

  /** Settles cell j, whose bounds from the grid are lo and hi. */
  private void step(int j, double lo, double hi) {
    if (lo > theta || hi < -theta) {
      settled(grid.x(j), grid.x(j + 1), lo > theta ? lo : hi, j);
    } else if (!(lo >= -theta && hi <= theta)) {
      searchCell(j);
    }
  }

  /** A piece [xa, xb] of cell j that keeps the sign of {@code bound} (beyond the floor) throughout. */
  private void settled(double xa, double xb, double bound, int j) {
    knot(xa, bound, Double.NaN, j);
    knot(xb, bound, Double.NaN, j);
  }

  /**
   * The end of a settled piece, in ascending order: a crossing lies between it and the previous end
   * beyond the floor when their signs differ.
   *
   * @param slope dg/dx there when known exactly, else NaN
   */
  private void knot(double x, double g, double slope, int j) {
    if (!(Math.abs(g) > theta)) {
      return;
    }
    if (previousCell >= 0 && (g > 0) != (previousG > 0)) {
      double root;
      if (previousX == x) {
        root = Math.exp(x);
      } else if (previousCell == j && all.cell == j) {
        root = shared.root(all, previousX, previousG, previousSlope, x, g, slope, scale);
      } else {
        if (rootList.length < chain.n) {
          rootList = new int[chain.n];
        }
        int m = collect(previousCell, j, false, rootList);
        double sa = Math.exp(previousX);
        double sb = Math.exp(x);
        // The bracket holds a sign change of the profile; the midpoint stands in only if rounding made
        // its recomputed ends agree in sign.
        root = refine(rootList, m, sa, sa * previousG, sb, sb * g).orElse(0.5 * (sa + sb));
      }
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = root;
    }
    previousX = x;
    previousG = g;
    previousSlope = slope;
    previousCell = j;
  }

  /**
   * Collects the contracts whose window reaches cells from..to (only the narrow ones if asked) into
   * {@code into}; returns their count.
   */
  private int collect(int from, int to, boolean narrowOnly, int[] into) {
    int m = 0;
    double minInvSd = narrowOnly ? ProfileGrid.NARROW_STEP / grid.h : Double.NEGATIVE_INFINITY;
    int[] classOf = grid.classOf;
    int[] cellLo = grid.cellLo;
    int[] cellHi = grid.cellHi;
    double[] invSd = chain.invSd;
    for (int i = 0, n = chain.n; i < n; i++) {
      // Written without branches: the tests are unpredictable from one contract to the next.
      int cl = classOf[i];
      boolean take =
          cl >= 0 & cellLo[i] <= to & cellHi[i] >= from && include[cl] & invSd[i] > minInvSd;
      into[m] = i;
      m += take ? 1 : 0;
    }
    return m;
  }

  private void searchCell(int j) {
    cell = j;
    all.cell = -1;
    double xa = grid.x(j);
    double xb = grid.x(j + 1);
    if (wide == null) {
      wide = grid.bounds(include, true);
    }
    wideLow = wide[0][j];
    wideHigh = wide[1][j];
    narrow.load(j, true);
    double[] dA = narrow.scratchD(MAX_DEPTH);
    double[] gA = narrow.scratchG(MAX_DEPTH);
    double[] dB = narrow.scratchD(MAX_DEPTH + 1);
    double[] gB = narrow.scratchG(MAX_DEPTH + 1);
    narrow.evaluate(xa, dA, gA);
    narrow.evaluate(xb, dB, gB);
    if ((values[j] > 0) != (values[j + 1] > 0)) {
      exact(xa, xb); // a zero for certain: the exact search is needed anyway
    } else {
      searchNarrow(xa, dA, gA, xb, dB, gB, 0);
    }
  }

  /**
   * Settles [xa, xb] with the wide contracts' bounds over the whole cell and the narrow ones' exact
   * ranges over the piece, halving while the narrow ones make the bounds loose; otherwise hands the piece
   * to the exact search.
   */
  private void searchNarrow(
      double xa, double[] dA, double[] gA, double xb, double[] dB, double[] gB, int depth) {
    narrow.bounds(dA, gA, dB, gB);
    double lo = wideLow + low;
    double hi = wideHigh + high;
    if (lo > theta || hi < -theta) {
      settled(xa, xb, lo > theta ? lo : hi, cell);
      return;
    }
    if (lo >= -theta && hi <= theta) {
      return;
    }
    if (high - low > wideHigh - wideLow && xb - xa >= MIN_WIDTH && depth < MAX_DEPTH) {
      double xm = 0.5 * (xa + xb);
      double[] dM = narrow.scratchD(depth);
      double[] gM = narrow.scratchG(depth);
      narrow.evaluate(xm, dM, gM);
      searchNarrow(xa, dA, gA, xm, dM, gM, depth + 1);
      searchNarrow(xm, dM, gM, xb, dB, gB, depth + 1);
      return;
    }
    exact(xa, xb);
  }

  /** Searches [xa, xb] of the current cell with all its contracts. */
  private void exact(double xa, double xb) {
    if (shared.cell != cell) {
      shared.load(cell);
    }
    if (all.cell != cell) {
      all.load(shared, include);
    }
    int a = shared.evaluate(xa, MAX_DEPTH);
    int b = shared.evaluate(xb, MAX_DEPTH + 1);
    double[] fA = shared.g(a);
    double[] fB = shared.g(b);
    searchExact(xa, shared.d(a), fA, all.sum(fA), xb, shared.d(b), fB, all.sum(fB), 0);
  }

  /**
   * Settles [xa, xb] with every contract's exact range over it, or halves it. Bounds: each contract's
   * value over the piece lies between its values at the ends, or up to 1 if its peak (d = 0) is inside;
   * its slope factor {@code -d exp(-d²/2)} between its end values, or up to ±exp(-1/2) if d = ∓1 is
   * inside.
   */
  private void searchExact(
      double xa,
      double[] dA,
      double[] gA,
      double va,
      double xb,
      double[] dB,
      double[] gB,
      double vb,
      int depth) {
    all.bounds(dA, gA, dB, gB);
    if (low > theta || high < -theta) {
      settled(xa, xb, low > theta ? low : high, cell);
      return;
    }
    if (low >= -theta && high <= theta) {
      return; // numerically zero
    }
    double slopeSlack = NOISE * slopeScale + tailSlope;
    if (slopeLow > slopeSlack
        || slopeHigh < -slopeSlack
        || xb - xa < MIN_WIDTH
        || depth >= MAX_DEPTH) {
      // Monotone (its ends tell whether it holds a zero), or narrower than the resolution.
      double sa = slopeAtA;
      double sb = slopeAtB;
      knot(xa, va, sa, cell);
      knot(xb, vb, sb, cell);
      return;
    }
    double xm = 0.5 * (xa + xb);
    int m = shared.evaluate(xm, depth);
    double[] dM = shared.d(m);
    double[] gM = shared.g(m);
    double vm = all.sum(gM);
    searchExact(xa, dA, gA, va, xm, dM, gM, vm, depth + 1);
    searchExact(xm, dM, gM, vm, xb, dB, gB, vb, depth + 1);
  }

  /**
   * The zero in (xa, xb) of the cubic with values ga, gb and slopes sa, sb at the ends (ga and gb of
   * opposite signs), by bisection on the cubic; {@code fallback} if the cubic has no single sign change.
   */
  static double hermiteZero(
      double xa, double ga, double sa, double xb, double gb, double sb, double fallback) {
    double w = xb - xa;
    double lo = 0;
    double hi = 1;
    double fLo = ga;
    for (int k = 0; k < 40; k++) {
      double t = 0.5 * (lo + hi);
      double t2 = t * t;
      double t3 = t2 * t;
      double v =
          (2 * t3 - 3 * t2 + 1) * ga
              + (t3 - 2 * t2 + t) * w * sa
              + (-2 * t3 + 3 * t2) * gb
              + (t3 - t2) * w * sb;
      if ((v > 0) == (fLo > 0)) {
        lo = t;
      } else {
        hi = t;
      }
    }
    double x = xa + 0.5 * (lo + hi) * w;
    return x > xa && x < xb ? x : fallback;
  }

  /** A list of contracts reaching one cell, prepared for evaluation at any x of the cell. */
  private final class Terms {
    int cell = -1;
    int[] index = new int[0];
    int count;

    /**
     * The contracts of the scope among them, for Brent's method (all of them unless loaded from a shared
     * cell); memberCount is -1 until listMembers() lists them from the shared cell.
     */
    int[] members = new int[0];

    int memberCount;

    /** The shared cell loaded, and the classes of the scope, or null when loaded by cell (load(int, ...)). */
    @Nullable SharedCell source;

    boolean[] sourceIncluded = new boolean[0];

    /** The classes of the scope present among them, as bits (when loaded from a shared cell). */
    int mask;
    double[] coef = new double[0];
    double[] invSd = new double[0];
    double[] dStart = new double[0];
    double start;
    double[][] poolD = new double[MAX_DEPTH + 2][];
    double[][] poolG = new double[MAX_DEPTH + 2][];

    /** Newton's scratch (root): each contract's d1 and Gaussian at the current iterate. */
    private double[] stepD = new double[0];

    private double[] stepG = new double[0];

    void load(int j, boolean narrowOnly) {
      if (index.length < chain.n) {
        index = new int[chain.n];
      }
      int m = collect(j, j, narrowOnly, index);
      if (coef.length < m) {
        coef = new double[m];
        invSd = new double[m];
        dStart = new double[m];
      }
      start = grid.x(j);
      for (int t = 0; t < m; t++) {
        int i = index[t];
        coef[t] = chain.gexCoef[i];
        invSd[t] = chain.invSd[i];
        dStart[t] = chain.d1(i, start);
      }
      count = m;
      members = index;
      memberCount = m;
      source = null;
      cell = j;
    }

    /** Lists the scope's contracts among those loaded from a shared cell, if not yet done. */
    private void listMembers() {
      SharedCell from = source;
      if (memberCount >= 0 || from == null) {
        return;
      }
      if (members.length < from.count || members == index) {
        members = new int[Math.max(from.count, 16)];
      }
      int k = 0;
      for (int t = 0; t < from.count; t++) {
        if (sourceIncluded[from.classOf[t]]) {
          members[k++] = from.index[t];
        }
      }
      memberCount = k;
    }

    /**
     * The shared cell's contracts, with the coefficients of the classes this scope leaves out set to zero
     * (they add exact zeros: the sums are those over the scope's contracts alone).
     */
    void load(SharedCell from, boolean[] included) {
      int m = from.count;
      if (coef.length < m) {
        coef = new double[m];
      }
      // Per class, the factor of its coefficients: 1, or 0 for a class the scope leaves out (without a
      // branch per contract: the classes alternate unpredictably along the chain).
      double[] factor = new double[included.length];
      int bits = 0;
      for (int cl = 0; cl < included.length; cl++) {
        factor[cl] = included[cl] ? 1 : 0;
        bits |= included[cl] ? from.classes & (1 << cl) : 0;
      }
      int[] classOf = from.classOf;
      double[] c = from.coef;
      for (int t = 0; t < m; t++) {
        coef[t] = c[t] * factor[classOf[t]];
      }
      source = from;
      sourceIncluded = included;
      memberCount = -1; // listed when Brent's method needs them (listMembers)
      mask = bits;
      invSd = from.invSd;
      dStart = from.dStart;
      start = from.start;
      count = m;
      cell = from.cell;
    }

    /** The sum weighted by the coefficients of Gaussians evaluated by the shared cell. */
    double sum(double[] g) {
      return dot(coef, g, count);
    }

    double[] scratchD(int level) {
      return scratch(poolD, level);
    }

    double[] scratchG(int level) {
      return scratch(poolG, level);
    }

    private double[] scratch(double[][] pool, int level) {
      double[] a = pool[level];
      if (a == null || a.length < count) {
        a = new double[Math.max(count, 16)];
        pool[level] = a;
      }
      return a;
    }

    /** Each contract's d1 and Gaussian at x; returns their sum weighted by the coefficients. */
    double evaluate(double x, double[] d, double[] g) {
      gaussians(dStart, invSd, x - start, count, d, g);
      return sum(g);
    }

    /**
     * The zero, in spot, of the sum between xa and xb (in ln S) where it takes values ga and gb of
     * opposite signs, with slopes sa and sb when known: Newton's method on the exact sum from the zero of
     * the cubic that matches the ends' values and slopes (or of the line through the values), kept inside
     * the bracket; Brent's method on the profile when Newton does not settle.
     */
    double root(double xa, double ga, double sa, double xb, double gb, double sb) {
      double guess = xa + (xb - xa) * ga / (ga - gb);
      if (Double.isFinite(sa) && Double.isFinite(sb)) {
        guess = hermiteZero(xa, ga, sa, xb, gb, sb, guess);
      }
      double x = guess;
      if (stepD.length < count) {
        stepD = new double[Math.max(count, 16)];
        stepG = new double[stepD.length];
      }
      double[] ds = stepD;
      double[] gs = stepG;
      for (int iteration = 0; iteration < 8; iteration++) {
        // The Gaussians first (gaussians), then the sums (a contract left out or beyond the cutoff adds
        // zeros).
        gaussians(dStart, invSd, x - start, count, ds, gs);
        double sum = 0;
        double slope = 0;
        double curvature = 0;
        for (int t = 0, m = count; t < m; t++) {
          double dt = ds[t];
          double e = coef[t] * gs[t];
          double k = invSd[t];
          sum += e;
          slope -= e * dt * k;
          curvature += e * (dt * dt - 1) * k * k;
        }
        if (sum == 0) {
          return Math.exp(x);
        }
        double step = sum / slope;
        double next = x - step;
        if (!(next > xa && next < xb)) {
          break;
        }
        // Newton's error after this step is about |g'' / (2 g')| step²: when that is below 1e-12 (in ln S,
        // relative in spot) next is the zero to that accuracy, and the evaluation that would only confirm
        // it, one of the two a root from the Hermite guess usually costs, is saved.
        if (Math.abs(step) <= 1e-11 || Math.abs(0.5 * curvature / slope) * step * step <= 1e-12) {
          return Math.exp(next);
        }
        x = next;
      }
      double a = Math.exp(xa);
      double b = Math.exp(xb);
      listMembers();
      return refine(members, memberCount, a, a * ga, b, b * gb).orElse(0.5 * (a + b));
    }

    /** The bounds of the sum over a piece whose ends have these d1 and Gaussians, into the fields. */
    void bounds(double[] dA, double[] gA, double[] dB, double[] gB) {
      double lo = 0;
      double hi = 0;
      double sLo = 0;
      double sHi = 0;
      double sScale = 0;
      double atA = 0;
      double atB = 0;
      // Each contract's range over the piece from the shapes of its two functions of d (d rises from da to
      // db): the Gaussian rises up to d = 0 and falls after; the slope factor -d exp(-d²/2) rises up to
      // d = -1 (where it is E_HALF), falls to d = 1 (-E_HALF) and rises after. The branches on where the
      // piece lies follow runs of contracts (one expiry's strikes in order), which the processor predicts;
      // the sign of the coefficient (calls and puts merged) changes unpredictably and so is not a branch:
      // c min = c mid - |c| half when c > 0, c max = c mid - |c| half when c < 0. This takes 3.8 ns a
      // contract where Math.min and Math.max on every one took 6.6 (Java 17 compiles each to several
      // instructions).
      for (int t = 0, m = count; t < m; t++) {
        double da = dA[t];
        double db = dB[t];
        double ga = gA[t];
        double gb = gB[t];
        double c = coef[t];
        double pa = -da * ga;
        double pb = -db * gb;
        double min;
        double max;
        double pMin;
        double pMax;
        if (db <= -1) { // both rising
          min = ga;
          max = gb;
          pMin = pa;
          pMax = pb;
        } else if (da >= 1) { // the Gaussian falling, the slope factor rising
          min = gb;
          max = ga;
          pMin = pa;
          pMax = pb;
        } else if (da >= -1 && db <= 1) { // the slope factor falling
          pMin = pb;
          pMax = pa;
          if (db <= 0) {
            min = ga;
            max = gb;
          } else if (da >= 0) {
            min = gb;
            max = ga;
          } else {
            min = Math.min(ga, gb);
            max = 1;
          }
        } else { // the piece holds d = -1 or d = 1
          min = Math.min(ga, gb);
          max = da < 0 && db > 0 ? 1 : Math.max(ga, gb);
          pMin = da < 1 && db > 1 ? -E_HALF : Math.min(pa, pb);
          pMax = da < -1 && db > -1 ? E_HALF : Math.max(pa, pb);
        }
        double ck = c * invSd[t];
        double absC = Math.abs(c);
        double absCk = Math.abs(ck);
        double mid = 0.5 * (min + max);
        double half = 0.5 * (max - min);
        double pMid = 0.5 * (pMin + pMax);
        double pHalf = 0.5 * (pMax - pMin);
        lo += c * mid - absC * half;
        hi += c * mid + absC * half;
        sLo += ck * pMid - absCk * pHalf;
        sHi += ck * pMid + absCk * pHalf;
        sScale += absCk * (pHalf + Math.abs(pMid)); // |ck| max(-pMin, pMax)
        atA += ck * pa;
        atB += ck * pb;
      }
      slopeAtA = atA;
      slopeAtB = atB;
      low = lo;
      high = hi;
      slopeLow = sLo;
      slopeHigh = sHi;
      slopeScale = sScale;
    }
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

  /**
   * The contracts whose window reaches one cell, over the classes of every scope searched together (in
   * chain order, as each scope would collect its own), and each one's d1 and Gaussian at every point of
   * the cell evaluated so far. The scopes halve a cell at the same points (the cell's ends and their
   * midpoints), so each exponential is computed once for all of them. Newton's roots are kept too: a scope
   * whose classes present in the cell are those of another scope searches the same sums and finds the
   * same roots.
   */
  static final class SharedCell {
    private final GammaTerms chain;
    private final ProfileGrid grid;
    private final boolean[] anyScope;
    int cell = -1;
    int count;
    int[] index = new int[0];
    int[] classOf = new int[0];

    /** The classes present among the cell's contracts, as bits. */
    int classes;

    double[] coef = new double[0];
    double[] invSd = new double[0];
    double[] dStart = new double[0];
    double start;

    /**
     * At most this many points of a cell are kept; beyond (a cell halved many times), points are evaluated
     * into per-level scratch slots, as by a search of its own.
     */
    private static final int KEPT = 64;

    // The points kept in the cell, and each contract's d1 and Gaussian there; then the scratch slots.
    private final double[] xs = new double[KEPT];
    private final double[][] ds = new double[KEPT + MAX_DEPTH + 2][];
    private final double[][] gs = new double[KEPT + MAX_DEPTH + 2][];
    private int size;

    // Newton's roots found in the cell: per root its 8 inputs (ends, values, slopes, classes, scale).
    private double[] rootKeys = new double[8 * 4];
    private double[] roots = new double[4];
    private int rootCount;

    SharedCell(GammaTerms chain, ProfileGrid grid, boolean[][] includes) {
      this.chain = chain;
      this.grid = grid;
      int classes = grid.absCoef.length;
      anyScope = new boolean[classes];
      for (boolean[] include : includes) {
        for (int cl = 0; cl < classes; cl++) {
          anyScope[cl] |= include[cl];
        }
      }
    }

    void load(int j) {
      int n = chain.n;
      if (index.length < n) {
        index = new int[n];
      }
      int[] gridClass = grid.classOf;
      int[] cellLo = grid.cellLo;
      int[] cellHi = grid.cellHi;
      int m = 0;
      for (int i = 0; i < n; i++) {
        // Written without branches: the tests are unpredictable from one contract to the next.
        int cl = gridClass[i];
        boolean take = cl >= 0 & cellLo[i] <= j & cellHi[i] >= j && anyScope[cl];
        index[m] = i;
        m += take ? 1 : 0;
      }
      if (coef.length < m) {
        classOf = new int[m];
        coef = new double[m];
        invSd = new double[m];
        dStart = new double[m];
      }
      start = grid.x(j);
      int present = 0;
      for (int t = 0; t < m; t++) {
        int i = index[t];
        classOf[t] = gridClass[i];
        present |= 1 << gridClass[i];
        coef[t] = chain.gexCoef[i];
        invSd[t] = chain.invSd[i];
        dStart[t] = chain.d1(i, start);
      }
      classes = present;
      count = m;
      cell = j;
      size = 0;
      rootCount = 0;
    }

    /**
     * Evaluates every contract at x, once while the cell keeps fewer than {@value #KEPT} points; returns
     * the slot of the d1 ({@link #d}) and Gaussians ({@link #g}). A scratch slot (used once the cell keeps
     * {@value #KEPT} points) is overwritten by the next evaluation at the same search level.
     *
     * @param level the search level asking (0..MAX_DEPTH + 1)
     */
    int evaluate(double x, int level) {
      for (int k = 0; k < size; k++) {
        if (xs[k] == x) {
          return k;
        }
      }
      int slot = size < KEPT ? size : KEPT + level;
      double[] d = ds[slot];
      double[] g = gs[slot];
      if (d == null || g == null || d.length < count) {
        d = new double[Math.max(count, 16)];
        g = new double[d.length];
        ds[slot] = d;
        gs[slot] = g;
      }
      gaussians(dStart, invSd, x - start, count, d, g);
      if (slot == size) {
        xs[size++] = x;
      }
      return slot;
    }

    double[] d(int slot) {
      return ds[slot];
    }

    double[] g(int slot) {
      return gs[slot];
    }

    /** {@code terms.root(...)}, computed once per cell for the same inputs and classes. */
    double root(
        ProfileCrossings.Terms terms,
        double xa,
        double ga,
        double sa,
        double xb,
        double gb,
        double sb,
        double scale) {
      double[] key = {xa, ga, sa, xb, gb, sb, terms.mask, scale};
      for (int r = 0; r < rootCount; r++) {
        boolean same = true;
        for (int k = 0; k < 8 && same; k++) {
          same = Double.doubleToRawLongBits(rootKeys[8 * r + k]) == Double.doubleToRawLongBits(key[k]);
        }
        if (same) {
          return roots[r];
        }
      }
      double root = terms.root(xa, ga, sa, xb, gb, sb);
      if (rootCount == KEPT) {
        return root; // a cell with that many crossings: kept no further
      }
      if (rootCount == roots.length) {
        roots = Arrays.copyOf(roots, 2 * rootCount);
        rootKeys = Arrays.copyOf(rootKeys, 16 * rootCount);
      }
      System.arraycopy(key, 0, rootKeys, 8 * rootCount, 8);
      roots[rootCount++] = root;
      return root;
    }
  }
}

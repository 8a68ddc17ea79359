package io.gex.analysis;

import org.jspecify.annotations.Nullable;

/**
 * The gamma kernel of a chain summed on the log-spaced profile grid, kept in pieces from which both the
 * profile and exact per-cell bounds follow.
 *
 * <p>Point {@code j} is {@code ln S = x0 + j h}; cell {@code j} lies between points {@code j} and {@code
 * j+1}. Contract {@code i} contributes {@code gexCoef_i exp(-d²/2)} (the profile divided by spot) where
 * {@code |d1| <= }{@value GammaProfileCalculator#CUTOFF}. Its contributions go to one of four arrays of its
 * class: left of its peak ({@code d1 <= 0}) or right of it, positive coefficient or negative. Because a
 * Gaussian rises up to its peak and falls after it, a contract's smallest and largest values over a cell
 * are its values at the cell's ends, in an order that the array says, except in the one cell that holds
 * its peak; that cell gets a correction in {@code lowFix}/{@code highFix}. So the exact lower and upper
 * bounds of the profile over every cell cost no more than the profile itself ({@link #bounds}).
 *
 * <p>Contracts are split into classes (for instance by expiry) so that several scopes come from one pass.
 * Not thread-safe: built and read by one calculation.
 */
final class ProfileGrid {

  /**
   * Above this step of d1 between grid points (a window of fewer than 9 points) the recurrence saves
   * nothing; evaluate directly. Below it, a few exponentials per window replace one per point
   * ({@link GridSweep}).
   */
  private static final double MAX_RECURRENCE_STEP = 2.0;

  /**
   * Contracts whose d1 moves more than this between grid points are narrow: their own sums, so that a
   * search inside a cell can take the others' bounds from the grid and evaluate only these.
   */
  static final double NARROW_STEP = 0.5;

  final int points;
  final double x0;
  final double h;

  /**
   * Per group (class × 2, + 1 for the narrow contracts of the class), per point: sums of coefficient ×
   * Gaussian, split by side of the peak and by sign.
   */
  final double[][] leftPos;

  final double[][] leftNeg;
  final double[][] rightPos;
  final double[][] rightNeg;

  /** Per group, per cell: corrections of the lower and upper bounds for contracts peaking in the cell. */
  final double[][] lowFix;

  final double[][] highFix;

  /** Per class: sum of |gexCoef| and of |gexCoef| × invSd (bounds of the weight beyond the cutoff). */
  final double[] absCoef;

  final double[] absCoefSlope;

  /** Per contract: its class, or -1 when left out. */
  final int[] classOf;

  /** Per contract: the first and last cell its window (|d1| <= cutoff) reaches; empty when first > last. */
  final int[] cellLo;

  final int[] cellHi;

  /** The first and last point computed (all of them unless built for a window). */
  final int from;

  final int to;

  /** The spot at every point, once asked for ({@link #spots}). */
  private double @Nullable [] spots;

  /** Per group, per cell: the group's terms of {@link #bounds}, once asked for. */
  private final double[] @Nullable [] groupLow;

  private final double[] @Nullable [] groupHigh;

  ProfileGrid(GammaTerms chain, int[] classOf, int classes) {
    this(chain, classOf, classes, 0, chain.settings.profilePoints() - 1);
  }

  /**
   * A grid computed only at points {@code from..to} (the sums are zero elsewhere), for a search of the
   * cells {@code from..to-1} alone.
   */
  ProfileGrid(GammaTerms chain, int[] classOf, int classes, int from, int to) {
    var settings = chain.settings;
    this.from = from;
    this.to = to;
    this.points = settings.profilePoints();
    this.x0 = Math.log(chain.spot * settings.profileLow());
    this.h = (Math.log(settings.profileHigh()) - Math.log(settings.profileLow())) / (points - 1);
    this.classOf = classOf;
    int groups = 2 * classes;
    leftPos = new double[groups][points];
    leftNeg = new double[groups][points];
    rightPos = new double[groups][points];
    rightNeg = new double[groups][points];
    lowFix = new double[groups][points - 1];
    highFix = new double[groups][points - 1];
    absCoef = new double[classes];
    absCoefSlope = new double[classes];
    groupLow = new double[groups][];
    groupHigh = new double[groups][];
    cellLo = new int[chain.n];
    cellHi = new int[chain.n];
    // Buckets of the sweep: 2 × group + 0 for positive coefficients, + 1 for negative ones.
    double[][] left = new double[2 * groups][];
    double[][] right = new double[2 * groups][];
    for (int g = 0; g < groups; g++) {
      left[2 * g] = leftPos[g];
      left[2 * g + 1] = leftNeg[g];
      right[2 * g] = rightPos[g];
      right[2 * g + 1] = rightNeg[g];
    }
    GridSweep sweep = new GridSweep(points, left, right, chain.n);
    for (int i = 0, n = chain.n; i < n; i++) {
      cellLo[i] = 1; // empty until add() says otherwise
      int cl = classOf[i];
      if (cl >= 0 && chain.gexCoef[i] != 0) {
        add(chain, i, cl, sweep);
      }
    }
    sweep.run();
  }

  /** ln S at point j. */
  double x(int j) {
    return x0 + j * h;
  }

  /**
   * The spot at every point, {@code exp(x(j))}, computed once for the grid's scopes and searches (not to be
   * modified: the profiles of one grid share it).
   */
  double[] spots() {
    double[] s = spots;
    if (s == null) {
      s = new double[points];
      for (int j = 0; j < points; j++) {
        s[j] = Math.exp(x(j));
      }
      spots = s;
    }
    return s;
  }

  private void add(GammaTerms chain, int i, int cl, GridSweep sweep) {
    double c = chain.gexCoef[i];
    absCoef[cl] += Math.abs(c);
    absCoefSlope[cl] += Math.abs(c) * chain.invSd[i];
    int last = points - 1;
    double d0 = chain.d1(i, x0);
    double step = h * chain.invSd[i];
    double lo = (-GammaProfileCalculator.CUTOFF - d0) / step;
    double hi = (GammaProfileCalculator.CUTOFF - d0) / step;
    if (hi < from || lo > to) {
      return;
    }
    cellLo[i] = (int) Math.max(from, Math.floor(lo));
    cellHi[i] = (int) Math.min(to - 1, Math.ceil(hi) - 1);
    // Points j <= p are left of the peak (d1 <= 0); the peak lies in cell p when 0 <= p < last.
    double peak = -d0 / step;
    int p = peak < 0 ? -1 : peak >= last ? last : (int) Math.floor(peak);
    int jLo = (int) Math.max(from, Math.ceil(lo));
    int jHi = (int) Math.min(to, Math.floor(hi));
    int group = 2 * cl + (step > NARROW_STEP ? 1 : 0);
    if (step > MAX_RECURRENCE_STEP || jHi - jLo < 8) {
      double[] left = c > 0 ? leftPos[group] : leftNeg[group];
      double[] right = c > 0 ? rightPos[group] : rightNeg[group];
      for (int j = jLo; j <= jHi; j++) {
        double d = d0 + j * step;
        (j <= p ? left : right)[j] += c * Math.exp(-0.5 * d * d);
      }
    } else {
      sweep.add(c, d0, step, jLo, jHi, p, 2 * group + (c > 0 ? 0 : 1));
    }
    if (p >= from && p < to) {
      // In its peak cell a contract's bounds are min(g_p, g_p+1) and 1; the arrays hold g_p (left) and
      // g_p+1 (right) at the two ends, so the correction swaps the larger end value for the peak. The
      // larger end is exp(-y) with y = (the smaller |d|)² / 2; 1 - y + y²/2 bounds it from above without
      // an exponential.
      double nearest = Math.min(Math.abs(d0 + p * step), Math.abs(d0 + (p + 1) * step));
      double y = 0.5 * nearest * nearest;
      double larger =
          y <= 0.25 ? 1 - y + 0.5 * y * y : nearest <= GammaProfileCalculator.CUTOFF ? Math.exp(-y) : 0;
      if (c > 0) {
        lowFix[group][p] -= c * larger;
        highFix[group][p] += c;
      } else {
        lowFix[group][p] += c;
        highFix[group][p] -= c * larger;
      }
    }
  }

  /** Profile divided by spot at every point, over the included classes. */
  double[] values(boolean[] include) {
    double[] v = new double[points];
    for (int cl = 0; cl < 2 * include.length; cl++) {
      if (include[cl / 2]) {
        for (int j = 0; j < points; j++) {
          v[j] += (leftPos[cl][j] + leftNeg[cl][j]) + (rightPos[cl][j] + rightNeg[cl][j]);
        }
      }
    }
    return v;
  }

  /** Largest gross (sum of |contributions|) at a grid point over the included classes. */
  double maxGross(boolean[] include) {
    double[] gross = new double[points];
    for (int g = 0; g < 2 * include.length; g++) {
      if (include[g / 2]) {
        double[] lp = leftPos[g];
        double[] ln = leftNeg[g];
        double[] rp = rightPos[g];
        double[] rn = rightNeg[g];
        for (int j = 0; j < points; j++) {
          gross[j] += (lp[j] - ln[j]) + (rp[j] - rn[j]);
        }
      }
    }
    double best = 0;
    for (double v : gross) {
      best = Math.max(best, v);
    }
    return best;
  }

  /**
   * Lower (out[0]) and upper (out[1]) bounds of the profile divided by spot over every cell, exact but for
   * the weight beyond the cutoff and rounding: each contract at its smallest, then largest, value in the
   * cell; only the wide contracts if asked.
   */
  double[][] bounds(boolean[] include, boolean wideOnly) {
    int cells = points - 1;
    double[] low = new double[cells];
    double[] high = new double[cells];
    for (int g = 0; g < 2 * include.length; g += wideOnly ? 2 : 1) {
      if (include[g / 2]) {
        // Each group's terms are computed once for every scope that includes the group and added in the
        // same order as before: the same bounds to the bit.
        double[] gl = groupLow[g];
        double[] gh = groupHigh[g];
        if (gl == null || gh == null) {
          gl = new double[cells];
          gh = new double[cells];
          double[] lp = leftPos[g];
          double[] ln = leftNeg[g];
          double[] rp = rightPos[g];
          double[] rn = rightNeg[g];
          double[] lf = lowFix[g];
          double[] hf = highFix[g];
          for (int j = 0; j < cells; j++) {
            gl[j] = lp[j] + rp[j + 1] + ln[j + 1] + rn[j] + lf[j];
            gh[j] = lp[j + 1] + rp[j] + ln[j] + rn[j + 1] + hf[j];
          }
          groupLow[g] = gl;
          groupHigh[g] = gh;
        }
        for (int j = 0; j < cells; j++) {
          low[j] += gl[j];
          high[j] += gh[j];
        }
      }
    }
    return new double[][] {low, high};
  }

  /** Sum over the included classes of a per-class total. */
  static double sum(double[] perClass, boolean[] include) {
    double s = 0;
    for (int cl = 0; cl < include.length; cl++) {
      if (include[cl]) {
        s += perClass[cl];
      }
    }
    return s;
  }
}

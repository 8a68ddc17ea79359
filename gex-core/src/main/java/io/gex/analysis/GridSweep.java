package io.gex.analysis;

import java.util.Arrays;

/**
 * Sums many terms' Gaussians on the profile grid point by point, for {@link ProfileGrid}.
 *
 * <p>Along a term's window {@code d(j) = d0 + j step}, and {@code g = exp(-d²/2)} follows a recurrence:
 * {@code g(j+1) = g(j) r(j)} and {@code r(j+1) = r(j) kappa}, with {@code r(j) = exp(-d(j) step -
 * step²/2)} and {@code kappa = exp(-step²)}. Each term keeps eight lanes, one per residue of the point
 * modulo 8, each advanced by eight points: {@code g(j+8) = g(j) a(j)} with {@code a(j) = r(j)^8 kappa^28
 * = exp(-8 d(j) step - 32 step²)}, and {@code a(j+8) = a(j) kappa^64}.
 *
 * <p>Summed term by term (as the grid was until this class replaced it), each grid point costs a load, an
 * add and a store of the target sum next to the two multiplications, and the lanes of one term are too few
 * to keep the multipliers busy: about 1 ns per term and point. Here a block of {@value #BLOCK} terms keeps
 * its lanes side by side in three arrays that stay in the first-level cache, and every point of the grid
 * is one pass over the block's lanes of that point's residue: eight interleaved sums, then two plain loops
 * that the JIT compiles to vector instructions (about 0.3 ns per term and point). A lane holds 0 outside
 * its term's window, so that it adds nothing there: it gets exact values when the term's window starts and
 * is cleared after its last point. The block's terms are in order of peak, so that at each point the terms
 * right of their peak are a prefix of the block, and the left and right sums of {@link ProfileGrid} are two
 * ranges.
 *
 * <p>A block's fixed cost per point (about 50 ns) outweighs what it saves on a bucket of fewer than {@value
 * #SMALL} terms, and on a grid of fewer than {@value #MIN_SPAN} points (the windows about spot of a flip
 * search): those are summed term by term, four lanes a term.
 *
 * <p>Precision: the factors that a lane multiplies by again and again ({@code a} and {@code kappa^64})
 * come from exponentials, not from powers of {@code kappa}, whose rounding error the powers would multiply;
 * a lane takes at most 32 steps between exact anchors (25 over the default 201 points), so that the
 * rounding error of a value stays about 5e-14 of the term's peak or less.
 *
 * <p>Not thread-safe: built, filled and run by one grid.
 */
final class GridSweep {

  /** Lanes per term: one per residue of the point modulo 8, each advanced by 8 points. */
  private static final int LANES = 8;

  /**
   * Points between exact re-anchorings of a term's lanes: 32 steps of each lane (none within the default
   * 201 points).
   */
  private static final int RESYNC_POINTS = 32 * LANES;

  /** Points between exact re-anchorings of a term's lanes when summed term by term (32 steps of a lane). */
  private static final int TERM_RESYNC = 128;

  /** Windows of fewer points are summed term by term with powers of kappa (see termByTerm). */
  private static final int SHORT = 32;

  /** Grids spanning fewer points (the windows of a flip search around spot) are summed term by term. */
  private static final int MIN_SPAN = 64;

  /** Buckets with fewer terms are summed term by term. */
  private static final int SMALL = 96;

  /** Terms per block: their lanes' three arrays (24 KB) stay in a first-level data cache. */
  private static final int BLOCK = 128;

  private final int points;
  private final int buckets;
  private final double[][] leftTargets;
  private final double[][] rightTargets;

  // The registered terms.
  private int terms;
  private double[] coef;
  private double[] d0;
  private double[] step;
  private int[] jLo;
  private int[] jHi;
  private int[] peak;
  private int[] bucketOf;
  private final int[] perBucket;

  /** The first and last point any registered term reaches. */
  private int spanLo = Integer.MAX_VALUE;

  private int spanHi = -1;

  /**
   * @param points the grid's points
   * @param left per bucket, the sums left of each term's peak (point {@code j <= p})
   * @param right per bucket, the sums right of it
   */
  GridSweep(int points, double[][] left, double[][] right, int expectedTerms) {
    this.points = points;
    this.buckets = left.length;
    this.leftTargets = left;
    this.rightTargets = right;
    int capacity = Math.max(4, expectedTerms);
    coef = new double[capacity];
    d0 = new double[capacity];
    step = new double[capacity];
    jLo = new int[capacity];
    jHi = new int[capacity];
    peak = new int[capacity];
    bucketOf = new int[capacity];
    perBucket = new int[buckets];
  }

  /**
   * Registers {@code c exp(-d²/2)}, {@code d = d0 + j step}, at points {@code lo..hi} (at least {@value
   * #LANES} + 1 of them), into bucket {@code bucket}'s left sums up to point {@code p} and its right sums
   * after.
   */
  void add(double c, double d, double s, int lo, int hi, int p, int bucket) {
    if (terms == coef.length) {
      int capacity = 2 * terms;
      coef = Arrays.copyOf(coef, capacity);
      d0 = Arrays.copyOf(d0, capacity);
      step = Arrays.copyOf(step, capacity);
      jLo = Arrays.copyOf(jLo, capacity);
      jHi = Arrays.copyOf(jHi, capacity);
      peak = Arrays.copyOf(peak, capacity);
      bucketOf = Arrays.copyOf(bucketOf, capacity);
    }
    int t = terms++;
    coef[t] = c;
    d0[t] = d;
    step[t] = s;
    jLo[t] = lo;
    jHi[t] = hi;
    peak[t] = p;
    bucketOf[t] = bucket;
    perBucket[bucket]++;
    spanLo = Math.min(spanLo, lo);
    spanHi = Math.max(spanHi, hi);
  }

  /** Sums every registered term into the targets. */
  void run() {
    if (terms == 0) {
      return;
    }
    // Terms by bucket, and within a bucket by peak (counting sorts), then blocks of at most BLOCK terms.
    // Buckets of fewer than SMALL terms are summed term by term: a block's fixed cost per point would
    // outweigh what it saves.
    boolean anyLarge = false;
    for (int count : perBucket) {
      anyLarge |= count >= SMALL;
    }
    if (!anyLarge || spanHi - spanLo + 1 < MIN_SPAN) {
      for (int t = 0; t < terms; t++) {
        int b = bucketOf[t];
        termByTerm(coef[t], d0[t], step[t], jLo[t], jHi[t], peak[t], leftTargets[b], rightTargets[b]);
      }
      return;
    }
    int[] order = new int[terms];
    CountingSort.byTwoKeys(terms, bucketOf, buckets, peak, -1, points + 1, new int[buckets + 1], order);
    int swept = 0;
    for (int q = 0; q < terms; q++) {
      int t = order[q];
      if (perBucket[bucketOf[t]] < SMALL) {
        int b = bucketOf[t];
        termByTerm(coef[t], d0[t], step[t], jLo[t], jHi[t], peak[t], leftTargets[b], rightTargets[b]);
      } else {
        order[swept++] = t;
      }
    }
    Block block = new Block();
    int from = 0;
    while (from < swept) {
      int b = bucketOf[order[from]];
      int to = from + 1;
      while (to < swept && to - from < BLOCK && bucketOf[order[to]] == b) {
        to++;
      }
      block.run(order, from, to, leftTargets[b], rightTargets[b]);
      from = to;
    }
  }

  /**
   * Adds {@code c exp(-d²/2)} with {@code d = d0 + j step} at points jLo..jHi: to {@code left} up to point
   * p, to {@code right} after it, term by term: four lanes advance by four points, with {@code g(j+4) =
   * g(j) s(j)}, {@code s(j) = r(j)^4 kappa^6} and {@code s(j+4) = s(j) kappa^16}.
   */
  private static void termByTerm(
      double c, double d0, double step, int jLo, int jHi, int p, double[] left, double[] right) {
    // Exact exponentials re-anchor the lanes every TERM_RESYNC points. As in a block, on a long window
    // the factors multiplied again and again (s = exp(-4 d step - 8 step²) and kappa^16) come from
    // exponentials, not powers of kappa; on a short one (at most SHORT points: a lane takes at most 8
    // steps) powers are accurate enough and save three exponentials.
    double s2 = step * step;
    double kappa = Math.exp(-s2);
    boolean exact = jHi - jLo >= SHORT;
    double kappa2 = kappa * kappa;
    double kappa4 = exact ? Math.exp(-4 * s2) : kappa2 * kappa2;
    double kappa16 = exact ? Math.exp(-16 * s2) : square(square(kappa4));
    int j = jLo;
    while (j <= jHi) {
      double d = d0 + j * step;
      double g0 = Math.exp(-0.5 * d * d);
      double r0 = Math.exp(-d * step - 0.5 * s2);
      double r1 = r0 * kappa;
      double r2 = r1 * kappa;
      double g1 = g0 * r0;
      double g2 = g1 * r1;
      double g3 = g2 * r2;
      double s0 = exact ? Math.exp(-4 * d * step - 8 * s2) : square(square(r0)) * kappa4 * kappa2;
      double s1 = s0 * kappa4;
      double s2k = s1 * kappa4;
      double s3 = s2k * kappa4;
      int end = Math.min(jHi, j + TERM_RESYNC - 1);
      // Three loops with one target each (a branch inside would keep the JIT from packing the lanes):
      // groups wholly left of the peak, the group that holds it, groups wholly right.
      for (; j + 3 <= end && j + 3 <= p; j += 4) {
        left[j] += c * g0;
        left[j + 1] += c * g1;
        left[j + 2] += c * g2;
        left[j + 3] += c * g3;
        g0 *= s0;
        g1 *= s1;
        g2 *= s2k;
        g3 *= s3;
        s0 *= kappa16;
        s1 *= kappa16;
        s2k *= kappa16;
        s3 *= kappa16;
      }
      if (j + 3 <= end && j <= p) {
        (j <= p ? left : right)[j] += c * g0;
        (j + 1 <= p ? left : right)[j + 1] += c * g1;
        (j + 2 <= p ? left : right)[j + 2] += c * g2;
        right[j + 3] += c * g3;
        g0 *= s0;
        g1 *= s1;
        g2 *= s2k;
        g3 *= s3;
        s0 *= kappa16;
        s1 *= kappa16;
        s2k *= kappa16;
        s3 *= kappa16;
        j += 4;
      }
      for (; j + 3 <= end; j += 4) {
        right[j] += c * g0;
        right[j + 1] += c * g1;
        right[j + 2] += c * g2;
        right[j + 3] += c * g3;
        g0 *= s0;
        g1 *= s1;
        g2 *= s2k;
        g3 *= s3;
        s0 *= kappa16;
        s1 *= kappa16;
        s2k *= kappa16;
        s3 *= kappa16;
      }
      // At most three points remain before the next anchor; they are the next values of lanes 0..2.
      if (j <= end) {
        (j <= p ? left : right)[j] += c * g0;
        j++;
      }
      if (j <= end) {
        (j <= p ? left : right)[j] += c * g1;
        j++;
      }
      if (j <= end) {
        (j <= p ? left : right)[j] += c * g2;
        j++;
      }
    }
  }


  private static double square(double x) {
    return x * x;
  }

  /** The sum of {@code a[from..to)}, in eight interleaved sums (one would wait on each add's latency). */
  private static double sum(double[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int x = from;
    for (; x + 7 < to; x += 8) {
      s0 += a[x];
      s1 += a[x + 1];
      s2 += a[x + 2];
      s3 += a[x + 3];
      s4 += a[x + 4];
      s5 += a[x + 5];
      s6 += a[x + 6];
      s7 += a[x + 7];
    }
    for (; x < to; x++) {
      s0 += a[x];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * The lanes of up to {@value #BLOCK} terms of one bucket, in order of peak, small enough to stay in the
   * first-level cache while every grid point is summed: per residue r, lane x at {@code r * BLOCK + x}. A
   * lane outside its term's window holds 0. At point j, the terms that peak before j (a prefix, in this
   * order) are right of their peak, the others left.
   */
  private final class Block {
    final double[] value = new double[LANES * BLOCK];
    final double[] ratio = new double[LANES * BLOCK];
    final double[] ratioStep = new double[LANES * BLOCK];
    final int[] termAt = new int[BLOCK];

    /**
     * The block positions whose window starts, and those whose window ends, at each point, as linked
     * lists (head per point, next per position, -1 ends a list).
     */
    final int[] enterAt = new int[points + 1];

    final int[] enterNext = new int[BLOCK];
    final int[] leaveAt = new int[points + 1];
    final int[] leaveNext = new int[BLOCK];
    /** Re-anchorings, as linked lists per point (only windows longer than RESYNC_POINTS have them). */
    final int[] resyncAt = new int[points + 1];

    final int[] resyncNext = new int[BLOCK];

    void run(int[] order, int from, int to, double[] left, double[] right) {
      int count = to - from;
      for (int residue = 0; residue < LANES; residue++) {
        Arrays.fill(value, residue * BLOCK, residue * BLOCK + count, 0);
        Arrays.fill(ratio, residue * BLOCK, residue * BLOCK + count, 0);
      }
      Arrays.fill(resyncAt, -1);
      Arrays.fill(enterAt, -1);
      Arrays.fill(leaveAt, -1);
      int first = points;
      int last = -1;
      for (int x = 0; x < count; x++) {
        int t = order[from + x];
        termAt[x] = t;
        enterNext[x] = enterAt[jLo[t]];
        enterAt[jLo[t]] = x;
        leaveNext[x] = leaveAt[jHi[t]];
        leaveAt[jHi[t]] = x;
        first = Math.min(first, jLo[t]);
        last = Math.max(last, jHi[t]);
      }
      int passed = 0; // terms that peak before point j (a prefix of the block)
      for (int j = first; j <= last; j++) {
        for (int x = enterAt[j]; x >= 0; x = enterNext[x]) {
          anchor(x, j);
        }
        for (int x = resyncAt[j]; x >= 0; ) {
          int following = resyncNext[x];
          anchor(x, j);
          x = following;
        }
        while (passed < count && peak[termAt[passed]] < j) {
          passed++;
        }
        int base = (j & (LANES - 1)) * BLOCK;
        int end = base + count;
        right[j] += sum(value, base, base + passed);
        left[j] += sum(value, base + passed, end);
        // Two loops: the JIT packs each into vector instructions, but not the two statements in one.
        for (int x = base; x < end; x++) {
          value[x] *= ratio[x];
        }
        for (int x = base; x < end; x++) {
          ratio[x] *= ratioStep[x];
        }
        // A term's eight lanes have their last points at its window's last eight, and none is used again
        // before the point after the window: all eight are cleared once its last point is summed, and add
        // nothing beyond it (no need when the block ends there too).
        if (j < last) {
          for (int x = leaveAt[j]; x >= 0; x = leaveNext[x]) {
            for (int at = x; at < LANES * BLOCK; at += BLOCK) {
              value[at] = 0;
              ratio[at] = 0;
            }
          }
        }
      }
    }

    /**
     * Sets the lanes of the term at block position x to exact values at points {@code j..j+7}, those in its
     * window only (a lane past the window's end has left and holds 0), and schedules its next anchoring.
     */
    private void anchor(int x, int j) {
      int t = termAt[x];
      if (j + RESYNC_POINTS <= jHi[t]) {
        resyncNext[x] = resyncAt[j + RESYNC_POINTS];
        resyncAt[j + RESYNC_POINTS] = x;
      }
      double s = step[t];
      double c = coef[t];
      double d = d0[t] + j * s;
      double s2 = s * s;
      // g(j+1) = g(j) r(j) and r(j+1) = r(j) kappa; lane k advances by a(j+k) = r(j+k)^8 kappa^28, with
      // a(j) = exp(-8 d s - 32 s²), a(j+1) = a(j) kappa^8 and a(j+8) = a(j) kappa^64 (class comment). The
      // factors that lanes multiply by again and again come from exponentials, not from powers of kappa,
      // whose rounding error the powers would multiply.
      double kappa = Math.exp(-s2);
      double kappa8 = Math.exp(-8 * s2);
      double kappa64 = Math.exp(-64 * s2);
      double g = Math.exp(-0.5 * d * d);
      double r = Math.exp(-d * s - 0.5 * s2);
      double a = Math.exp(-8 * d * s - 32 * s2);
      for (int k = 0; k < LANES && j + k <= jHi[t]; k++) {
        int at = ((j + k) & (LANES - 1)) * BLOCK + x;
        value[at] = c * g;
        ratio[at] = a;
        ratioStep[at] = kappa64;
        g *= r;
        r *= kappa;
        a *= kappa8;
      }
    }
  }
}

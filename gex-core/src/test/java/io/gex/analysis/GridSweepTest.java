package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sweep's sums against each term evaluated with an exponential at every point of its window, side by
 * side of its peak, to 1e-13 of the terms' largest values in their windows (the recurrence's rounding is
 * relative to a term's scale, not to its far tail): in blocks (buckets of at least 96 terms), term by term
 * (smaller buckets), with re-anchoring (grids of more than 256 points), and with peaks before, inside and
 * after the grid.
 */
class GridSweepTest {

  @Test
  void sums_matchDirectEvaluation_onEitherSideOfEachPeak() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 400), integers().between(20, 700))
        .checkAssert(GridSweepTest::check);
  }

  @Test
  void sums_matchDirectEvaluation_forLargeBucketsOnALongGrid() {
    // Blocks of 128 terms and their partial last block, each lane re-anchored after 256 points.
    check(7L, 1000, 1201);
    check(11L, 300, 201);
  }

  private static void check(long seed, int terms, int points) {
    SplittableRandom random = new SplittableRandom(seed);
    int buckets = 4;
    double[][] left = new double[buckets][points];
    double[][] right = new double[buckets][points];
    double[][] wantLeft = new double[buckets][points];
    double[][] wantRight = new double[buckets][points];
    double[][] allowance = new double[buckets][points];
    GridSweep sweep = new GridSweep(points, left, right, 8);
    for (int t = 0; t < terms; t++) {
      // Bucket 0 gets most terms (blocks), bucket 3 few (term by term).
      int bucket = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3);
      double c = (bucket % 2 == 0 ? 1 : -1) * Math.exp(random.nextDouble(-5, 5));
      double step = Math.exp(random.nextDouble(Math.log(0.004), Math.log(1.9)));
      double peak = random.nextDouble(-0.3 * points, 1.3 * points);
      double d0 = -peak * step;
      double lo = (-GammaProfileCalculator.CUTOFF - d0) / step;
      double hi = (GammaProfileCalculator.CUTOFF - d0) / step;
      int jLo = (int) Math.max(0, Math.ceil(lo));
      int jHi = (int) Math.min(points - 1, Math.floor(hi));
      if (jHi - jLo < 8) {
        continue; // ProfileGrid evaluates windows of fewer than 9 points directly
      }
      int p = peak < 0 ? -1 : peak >= points - 1 ? points - 1 : (int) Math.floor(peak);
      sweep.add(c, d0, step, jLo, jHi, p, bucket);
      // The term's largest value in its window: the rounding of the recurrence is relative to it.
      double nearest = Math.min(Math.abs(d0 + jLo * step), Math.abs(d0 + jHi * step));
      if (p >= jLo && p < jHi) {
        nearest = Math.min(Math.abs(d0 + p * step), Math.abs(d0 + (p + 1) * step));
      }
      double largest = Math.abs(c) * Math.exp(-0.5 * nearest * nearest);
      for (int j = jLo; j <= jHi; j++) {
        double d = d0 + j * step;
        double g = c * Math.exp(-0.5 * d * d);
        (j <= p ? wantLeft : wantRight)[bucket][j] += g;
        allowance[bucket][j] += largest;
      }
    }
    sweep.run();
    for (int b = 0; b < buckets; b++) {
      for (int j = 0; j < points; j++) {
        double tolerance = 1e-13 * allowance[b][j];
        assertThat(Math.abs(left[b][j] - wantLeft[b][j]))
            .as("left, bucket %d, point %d", b, j)
            .isLessThanOrEqualTo(tolerance);
        assertThat(Math.abs(right[b][j] - wantRight[b][j]))
            .as("right, bucket %d, point %d", b, j)
            .isLessThanOrEqualTo(tolerance);
      }
    }
  }
}

package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountingSortTest {

  /**
   * Order by major key, then minor key, then index, by a plain comparison sort of boxed indices: the
   * oracle.
   */
  private static int[] reference(int n, int[] major, int[] minor) {
    Integer[] items = new Integer[n];
    for (int i = 0; i < n; i++) {
      items[i] = i;
    }
    Arrays.sort(
        items,
        (a, b) ->
            major[a] != major[b]
                ? Integer.compare(major[a], major[b])
                : minor[a] != minor[b] ? Integer.compare(minor[a], minor[b]) : Integer.compare(a, b));
    return Arrays.stream(items).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void byTwoKeys_anyKeys_ordersAsTheComparisonSort_withTheMajorKeysStarts() {
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(0, 60), integers().between(0, 3))
        .checkAssert(
            (seed, n, shape) -> {
              SplittableRandom random = new SplittableRandom(seed);
              int majorCount = 1 + random.nextInt(6);
              int minorBase = random.nextInt(3) - 1; // -1, as the grid's peaks start, 0 or 1
              int minorCount = 1 + random.nextInt(9);
              int[] major = new int[n];
              int[] minor = new int[n];
              for (int i = 0; i < n; i++) {
                major[i] = random.nextInt(majorCount);
                minor[i] = minorBase + random.nextInt(minorCount);
              }
              if (shape > 0) {
                // Already in order (the fast path), or in order but for one swapped pair (shape 2, 3).
                int[] sorted = reference(n, major, minor);
                int[] a = new int[n];
                int[] b = new int[n];
                for (int i = 0; i < n; i++) {
                  a[i] = major[sorted[i]];
                  b[i] = minor[sorted[i]];
                }
                major = a;
                minor = b;
                if (shape > 1 && n > 1) {
                  int i = random.nextInt(n - 1);
                  int t = major[i];
                  major[i] = major[i + 1];
                  major[i + 1] = t;
                  t = minor[i];
                  minor[i] = minor[i + 1];
                  minor[i + 1] = t;
                }
              }
              int[] start = new int[majorCount + 1];
              Arrays.fill(start, 7); // overwritten
              int[] into = new int[n];
              CountingSort.byTwoKeys(
                  n, major, majorCount, minor, minorBase, minorCount, start, into);

              assertThat(into).containsExactly(reference(n, major, minor));
              for (int k = 0; k <= majorCount; k++) {
                int first = 0;
                while (first < n && major[into[first]] < k) {
                  first++;
                }
                assertThat(start[k]).as("start of major key %d", k).isEqualTo(first);
              }
            });
  }
}

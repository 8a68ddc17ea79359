package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.settings.GexSettings;
import org.junit.jupiter.api.Test;

/**
 * What a grid keeps for its scopes (the spot at each point, each group's per-cell bound terms) gives every
 * scope, asked in any order and with or without the wide contracts alone, the bounds of the per-cell
 * formula summed group by group, to the bit, and the spots {@code exp(x(j))}.
 */
class ProfileGridTest {

  private static final boolean[][] SCOPES = {
    {true, true, true}, {true, false, true}, {true, true, false}, {false, true, false}
  };

  @Test
  void bounds_ofEveryScopeInAnyOrder_areThoseOfThePerCellFormula_toTheBit() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 40), integers().between(0, 23))
        .checkAssert(
            (seed, n, order) -> {
              ResolvedChain resolved =
                  ResolvedChain.resolve(
                      GammaProfileCrossingsTest.randomShortDated(seed, n), GexSettings.DEFAULT);
              GammaTerms terms = resolved.terms();
              int[] classOf = new int[terms.n];
              for (int t = 0; t < terms.n; t++) {
                classOf[t] = terms.expiryIndex[t] % 3;
              }
              ProfileGrid grid = new ProfileGrid(terms, classOf, 3);
              // The four scopes in one of their 24 orders, each with all contracts, then the wide ones.
              int[] scopes = permutation(order);
              for (boolean wideOnly : new boolean[] {false, true}) {
                for (int k : scopes) {
                  double[][] got = grid.bounds(SCOPES[k], wideOnly);
                  double[][] want = direct(grid, SCOPES[k], wideOnly);
                  assertThat(got[0]).as("low, scope %d, wide only %s", k, wideOnly).isEqualTo(want[0]);
                  assertThat(got[1]).as("high, scope %d, wide only %s", k, wideOnly).isEqualTo(want[1]);
                }
              }
              double[] spots = grid.spots();
              assertThat(grid.spots()).isSameAs(spots);
              for (int j = 0; j < grid.points; j++) {
                assertThat(spots[j]).isEqualTo(Math.exp(grid.x(j)));
              }
            });
  }

  /** The bounds summed group by group from the grid's sums, each cell's terms in the formula's order. */
  private static double[][] direct(ProfileGrid grid, boolean[] include, boolean wideOnly) {
    int cells = grid.points - 1;
    double[] low = new double[cells];
    double[] high = new double[cells];
    for (int g = 0; g < 2 * include.length; g += wideOnly ? 2 : 1) {
      if (include[g / 2]) {
        for (int j = 0; j < cells; j++) {
          low[j] +=
              grid.leftPos[g][j] + grid.rightPos[g][j + 1] + grid.leftNeg[g][j + 1] + grid.rightNeg[g][j]
                  + grid.lowFix[g][j];
          high[j] +=
              grid.leftPos[g][j + 1] + grid.rightPos[g][j] + grid.leftNeg[g][j] + grid.rightNeg[g][j + 1]
                  + grid.highFix[g][j];
        }
      }
    }
    return new double[][] {low, high};
  }

  /** The permutation of 0..3 with this index (0..23). */
  private static int[] permutation(int index) {
    java.util.List<Integer> left = new java.util.ArrayList<>(java.util.List.of(0, 1, 2, 3));
    int[] out = new int[4];
    for (int k = 0; k < 4; k++) {
      int f = factorial(3 - k);
      out[k] = left.remove(index / f);
      index %= f;
    }
    return out;
  }

  private static int factorial(int n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
  }
}

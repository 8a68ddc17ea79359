package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The crossing search's own arithmetic: its vectorisable Gaussian and its dot product. */
class ProfileCrossingsKernelTest {

  @Test
  void gaussian_isWithin4e14OfMathExp_relative_overTheWholeWindow() {
    double worst = 0;
    for (int k = -1_600_000; k <= 1_600_000; k++) {
      double d = k * 5e-6; // every 5e-6 from -8 to 8, both ends included
      double exact = Math.exp(-0.5 * d * d);
      worst = Math.max(worst, Math.abs(ProfileCrossings.gaussian(d) - exact) / exact);
    }
    assertThat(worst).isLessThan(4e-14).isGreaterThan(0); // > 0: it is not Math.exp
  }

  @Test
  void gaussian_atRandomPoints_isWithin4e14OfMathExp() {
    qt().withExamples(20_000)
        .forAll(doubles().between(-GammaProfileCalculator.CUTOFF, GammaProfileCalculator.CUTOFF))
        .checkAssert(
            d -> {
              double exact = Math.exp(-0.5 * d * d);
              assertThat(Math.abs(ProfileCrossings.gaussian(d) - exact)).isLessThanOrEqualTo(4e-14 * exact);
            });
  }

  @Test
  void gaussian_isZeroBeyondTheCutoff_andCountsTheCutoffItself() {
    double cutoff = GammaProfileCalculator.CUTOFF;
    assertThat(ProfileCrossings.gaussian(cutoff)).isPositive();
    assertThat(ProfileCrossings.gaussian(-cutoff)).isPositive();
    assertThat(ProfileCrossings.gaussian(Math.nextUp(cutoff))).isZero();
    assertThat(ProfileCrossings.gaussian(Math.nextDown(-cutoff))).isZero();
    assertThat(ProfileCrossings.gaussian(40)).isZero();
    assertThat(ProfileCrossings.gaussian(-1e6)).isZero();
    assertThat(ProfileCrossings.gaussian(0)).isEqualTo(1.0);
    assertThat(ProfileCrossings.gaussian(1e-300)).isEqualTo(1.0);
  }

  @Test
  void dot_isTheSumOfProducts_forEveryLengthAndRemainder() {
    qt().withExamples(300)
        .forAll(integers().between(0, 41), integers().allPositive())
        .checkAssert(
            (n, seed) -> {
              SplittableRandom random = new SplittableRandom(seed);
              double[] a = new double[n + 3]; // longer than n: the rest must not count
              double[] b = new double[n + 3];
              for (int t = 0; t < a.length; t++) {
                a[t] = random.nextInt(-1000, 1000); // integers: every sum exact whatever the order
                b[t] = random.nextInt(-1000, 1000);
              }
              long expected = 0;
              for (int t = 0; t < n; t++) {
                expected += (long) a[t] * (long) b[t];
              }
              assertThat(ProfileCrossings.dot(a, b, n)).isEqualTo((double) expected);
            });
  }
}

package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link GexByStrike#largestNet}: the top strikes of the text summary and the HTML report. */
class GexByStrikeTest {

  // Strikes 90 to 110 around spot 100; |net| largest at 108 (12), then 92 and 104 (both 9), then 100 (5).
  private static final GexByStrike BY_STRIKE =
      new GexByStrike(
          DoubleArray.of(new double[] {80, 90, 92, 100, 104, 108, 111}),
          DoubleArray.of(new double[] {50, 1, 0, 3, 9, 2, 40}),
          DoubleArray.of(new double[] {-20, -2, -9, 2, 0, -14, 0}),
          DoubleArray.of(new double[] {30, -1, -9, 5, 9, -12, 40}));

  @Test
  void largestNet_withinTheWindow_largestFirst_tiesByAscendingStrike() {
    // 80 and 111 are outside ±10% of 100, whatever their size; 90 is on the edge and in.
    assertThat(BY_STRIKE.largestNet(10, 100, 0.10)).containsExactly(5, 2, 4, 3, 1);
    assertThat(BY_STRIKE.largestNet(3, 100, 0.10)).containsExactly(5, 2, 4);
    assertThat(BY_STRIKE.largestNet(0, 100, 0.10)).isEmpty();
    assertThat(BY_STRIKE.largestNet(2, 100, 0.5)).containsExactly(6, 0);
    assertThat(BY_STRIKE.largestNet(5, 100, 0)).containsExactly(3);
  }

  @Test
  void largestNet_badArguments_nameTheValue() {
    assertThatThrownBy(() -> BY_STRIKE.largestNet(-1, 100, 0.1)).hasMessage("count must be >= 0, was -1");
    assertThatThrownBy(() -> BY_STRIKE.largestNet(1, 0, 0.1))
        .hasMessage("spot must be positive and finite, was 0.0");
    assertThatThrownBy(() -> BY_STRIKE.largestNet(1, 100, Double.NaN))
        .hasMessage("window must be >= 0, was NaN");
  }
}

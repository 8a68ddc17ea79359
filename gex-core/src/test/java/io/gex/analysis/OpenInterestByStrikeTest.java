package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexEngine;
import io.gex.testing.TestChains;
import org.junit.jupiter.api.Test;

class OpenInterestByStrikeTest {

  @Test
  void analyze_fourContracts_openInterestByStrikeSplitsCallsAndPuts() {
    OpenInterestByStrike oi =
        GexEngine.builder().build().analyze(TestChains.fourContracts()).pinRisk().openInterestByStrike();
    assertThat(oi.strikes().toArray()).containsExactly(3900, 4000, 4100);
    assertThat(oi.callOpenInterest().toArray()).containsExactly(0, 800, 1200);
    assertThat(oi.putOpenInterest().toArray()).containsExactly(1000, 500, 0);
  }

  @Test
  void constructor_negativeOpenInterest_namesTheColumnAndStrike() {
    assertThatThrownBy(
            () ->
                new OpenInterestByStrike(
                    DoubleArray.of(4000), DoubleArray.of(1), DoubleArray.of(-2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("putOpenInterest must be finite and >= 0, was -2.0 at strike 4000.0");
  }
}

package io.gex.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The alert messages write numbers as the rest of gex's output does: thousands separators, fixed decimals. */
class FiguresTest {

  @Test
  void level_hasThousandsSeparatorsAndTwoDecimals() {
    assertThat(Figures.level(3990.5601)).isEqualTo("3,990.56");
    assertThat(Figures.level(13_250.5)).isEqualTo("13,250.50");
    assertThat(Figures.level(412.005)).isEqualTo("412.01");
    assertThat(Figures.level(0)).isEqualTo("0.00");
  }

  @Test
  void points_areUnsignedDistances() {
    assertThat(Figures.points(-17.389999999999873)).isEqualTo("17.39");
    assertThat(Figures.points(1234.5)).isEqualTo("1,234.50");
    assertThat(Figures.points(0.1)).isEqualTo("0.10");
  }

  @Test
  void strike_dropsTrailingZeros_keepsSeparators() {
    assertThat(Figures.strike(4000)).isEqualTo("4,000");
    assertThat(Figures.strike(4012.5)).isEqualTo("4,012.5");
    assertThat(Figures.strike(12.375)).isEqualTo("12.375");
    assertThat(Figures.strike(100)).isEqualTo("100");
    assertThat(Figures.strike(0.5)).isEqualTo("0.5");
    assertThat(Figures.strike(0)).isEqualTo("0");
  }

  @Test
  void strikeKey_staysWithoutSeparators_soThatKeysDoNotChange() {
    assertThat(Figures.strikeKey(4000)).isEqualTo("4000");
    assertThat(Figures.strikeKey(4012.5)).isEqualTo("4012.5");
  }
}

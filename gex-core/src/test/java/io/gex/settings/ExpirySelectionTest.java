package io.gex.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpirySelectionTest {

  @Test
  void parse_everyWrittenForm() {
    assertThat(ExpirySelection.parse("all")).isEqualTo(ExpirySelection.all());
    assertThat(ExpirySelection.parse(" 0DTE ")).isEqualTo(ExpirySelection.zeroDteOnly());
    assertThat(ExpirySelection.parse("ex-0dte")).isEqualTo(ExpirySelection.excludeZeroDte());
    assertThat(ExpirySelection.parse("to-monthly")).isEqualTo(ExpirySelection.throughNextMonthly());
    assertThat(ExpirySelection.parse("0-7")).isEqualTo(ExpirySelection.daysToExpiry(0, 7));
    assertThat(ExpirySelection.parse("30-30")).isEqualTo(ExpirySelection.daysToExpiry(30, 30));
  }

  @Test
  void parse_badText_namesIt() {
    assertThatThrownBy(() -> ExpirySelection.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "must be all, 0dte, ex-0dte, to-monthly or a days-to-expiry range MIN-MAX such as 0-7, was 'soon'");
    assertThatThrownBy(() -> ExpirySelection.parse("9-2"))
        .hasMessage("the days-to-expiry range must run from low to high, was '9-2'");
    assertThatThrownBy(() -> ExpirySelection.parse("-1-3")).hasMessageContaining("was '-1-3'");
    assertThatThrownBy(() -> ExpirySelection.parse("123456-7")).hasMessageContaining("was '123456-7'");
  }
}

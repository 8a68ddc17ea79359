package io.gex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The value types of the store SPI: validation and the daily-history definition. */
class DailyHistoryTest {

  @Test
  void tradingDate_isTheNewYorkDate() {
    // 2024-03-02 01:30 UTC is still 2024-03-01 20:30 in New York.
    assertThat(DailyHistory.tradingDate(Instant.parse("2024-03-02T01:30:00Z"))).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(DailyHistory.tradingDate(Instant.parse("2024-03-02T05:00:00Z"))).isEqualTo(LocalDate.of(2024, 3, 2));
  }

  @Test
  void of_analysesFromTwoDays_throws() {
    StoredSnapshot a = InMemoryGexStoreTest.snapshot("SPX", Instant.parse("2024-03-01T15:00:00Z"), 4000, 1, List.of());
    StoredSnapshot b = InMemoryGexStoreTest.snapshot("SPX", Instant.parse("2024-03-04T15:00:00Z"), 4000, 1, List.of());
    assertThatThrownBy(() -> DailyHistory.of(List.of(a.analysis(), b.analysis())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trading day 2024-03-01");
    assertThatThrownBy(() -> DailyHistory.of(List.of())).hasMessage("analyses must not be empty");
  }

  @Test
  void constructor_openAboveHigh_throwsNamingTheValues() {
    Instant t = Instant.parse("2024-03-01T15:00:00Z");
    assertThatThrownBy(
            () ->
                new DailyHistory("SPX", LocalDate.of(2024, 3, 1), 5, 3, 1, 2, OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), 1, t, t))
        .hasMessage("totalGex must satisfy low <= open, close <= high, were open 5.0, high 3.0, low 1.0, close 2.0");
    assertThatThrownBy(
            () ->
                new DailyHistory("SPX", LocalDate.of(2024, 3, 1), 2, 3, 1, 2, OptionalDouble.of(1),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), 1, t, t))
        .hasMessageContaining("all present or all empty");
  }

  @Test
  void alertRecord_nonFiniteFigure_throws_andSeverityOrders() {
    Instant t = Instant.parse("2024-03-01T15:00:00Z");
    assertThatThrownBy(
            () -> new AlertRecord("r", "T", AlertRecord.Severity.LOW, "SPX", t, "m", Map.of("x", Double.NaN)))
        .hasMessage("figure x must be finite, was NaN");
    assertThatThrownBy(() -> new AlertRecord(" ", "T", AlertRecord.Severity.LOW, "SPX", t, "m", Map.of()))
        .hasMessage("ruleId must not be blank, was ' '");
    assertThat(AlertRecord.Severity.HIGH.atLeast(AlertRecord.Severity.MEDIUM)).isTrue();
    assertThat(AlertRecord.Severity.LOW.atLeast(AlertRecord.Severity.MEDIUM)).isFalse();
    assertThatThrownBy(() -> AlertQuery.of("SPX", t, t.minusSeconds(1))).hasMessageContaining("to must not be before from");
  }

  @Test
  void storedSnapshot_alertOfAnotherSymbol_throws() {
    Instant t = Instant.parse("2024-03-01T15:00:00Z");
    StoredSnapshot s = InMemoryGexStoreTest.snapshot("SPX", t, 4000, 1, List.of());
    AlertRecord ndx = new AlertRecord("r", "T", AlertRecord.Severity.LOW, "NDX", t, "m", Map.of());
    assertThatThrownBy(() -> new StoredSnapshot(s.analysis(), s.chain(), List.of(ndx)))
        .hasMessage("alert symbol must be SPX, was NDX");
  }
}

package io.gex.charts;

import io.gex.GexAnalysis;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Number, level and time formatting shared by the charts and the report; locale-independent. */
final class Formats {

  /** Dollars in one billion: exposures are shown in $bn per 1% move. */
  static final double BILLION = 1e9;

  /** The unit of every exposure axis and headline figure. */
  static final String GEX_UNIT = "$bn per 1% move";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US);

  private Formats() {}

  /**
   * Dollars as signed billions with two decimals, such as {@code +3.42} or {@code -0.07}; an amount that
   * rounds to zero is {@code 0.00}, never {@code -0.00}.
   */
  static String billions(double dollars) {
    return Math.abs(dollars) < 0.005 * BILLION
        ? "0.00"
        : String.format(Locale.ROOT, "%+,.2f", dollars / BILLION);
  }

  /** A level or strike: no decimals when whole ({@code 4,100}), else two ({@code 3,990.56}). */
  static String level(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%,.2f", value);
  }

  /** A level, or the given text when absent. */
  static String level(OptionalDouble value, String absent) {
    return value.isPresent() ? level(value.getAsDouble()) : absent;
  }

  /** A signed percentage with two decimals, such as {@code -1.25%}. */
  static String percent(double value) {
    return String.format(Locale.ROOT, "%+.2f%%", value);
  }

  /** A fraction as a percentage without needless digits, such as {@code 10%} or {@code 2.5%}. */
  static String plainPercent(double fraction) {
    return java.math.BigDecimal.valueOf(fraction * 100)
            .setScale(2, java.math.RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  /** The valuation time in the analysis's settlement zone, such as {@code 2022-12-12 16:15 EST}. */
  static String valuationTime(GexAnalysis analysis) {
    return TIME.format(analysis.valuationTime().atZone(analysis.settings().settlementZone()));
  }

  /** The chart title: what is drawn, the symbol, spot and valuation time. */
  static String title(String what, GexAnalysis analysis) {
    return analysis.symbol()
        + " "
        + what
        + "  |  spot "
        + level(analysis.spot())
        + "  |  "
        + valuationTime(analysis);
  }
}

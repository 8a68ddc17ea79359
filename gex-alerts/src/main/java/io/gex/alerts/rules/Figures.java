package io.gex.alerts.rules;

import java.util.Locale;

/** Number formatting for alert messages. Stateless. */
final class Figures {
  private Figures() {}

  /** An index level or strike: 4012.50. */
  static String level(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A percentage: 0.31%. */
  static String percent(double value) {
    return String.format(Locale.ROOT, "%.2f%%", value);
  }

  /** Dollars, scaled: $1.25bn, -$340.0m, $12.0k. */
  static String dollars(double value) {
    double abs = Math.abs(value);
    String sign = value < 0 ? "-" : "";
    if (abs >= 1e9) {
      return String.format(Locale.ROOT, "%s$%.2fbn", sign, abs / 1e9);
    }
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%s$%.1fm", sign, abs / 1e6);
    }
    if (abs >= 1e3) {
      return String.format(Locale.ROOT, "%s$%.1fk", sign, abs / 1e3);
    }
    return String.format(Locale.ROOT, "%s$%.0f", sign, abs);
  }

  /** A strike for an alert key: 4000 or 4012.5 (no trailing zeros). */
  static String strikeKey(double strike) {
    return strike == Math.rint(strike) && Math.abs(strike) < 1e15
        ? Long.toString((long) strike)
        : Double.toString(strike);
  }
}

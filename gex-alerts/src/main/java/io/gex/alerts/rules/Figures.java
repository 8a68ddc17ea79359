package io.gex.alerts.rules;

import io.gex.GammaRegime;
import java.util.Locale;

/** Number formatting and shared wording for alert messages. Stateless. */
final class Figures {
  private Figures() {}

  /**
   * An index level, with thousands separators as elsewhere in gex's output (the command line's tables,
   * the dashboard): 4,012.50.
   */
  static String level(double value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  /** A distance in index points: 17.39 (no sign; the message says which side). */
  static String points(double value) {
    return level(Math.abs(value));
  }

  /**
   * A strike in a message, as traders write it: 4,000 or 4,012.5 (thousands separators, no trailing
   * zeros; OCC strikes have at most three decimals).
   */
  static String strike(double strike) {
    String s = String.format(Locale.ROOT, "%,.3f", strike);
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
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

  /**
   * What a gamma regime means for dealer hedging, in the project's words: the regime is the sign of total
   * GEX; dealers long gamma hedge against moves (dampen them), dealers short gamma hedge with them (amplify
   * them).
   */
  static String meaning(GammaRegime regime) {
    return switch (regime) {
      case POSITIVE -> "dealers long gamma: hedging dampens moves";
      case NEGATIVE -> "dealers short gamma: hedging amplifies moves";
      case NEUTRAL -> "total GEX zero: dealers have no net gamma to hedge";
    };
  }

  /** A strike for an alert key: 4000 or 4012.5 (no trailing zeros). */
  static String strikeKey(double strike) {
    return strike == Math.rint(strike) && Math.abs(strike) < 1e15
        ? Long.toString((long) strike)
        : Double.toString(strike);
  }
}

package io.gex.source;

import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionContract;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Lenient parsing of the numbers in a row, one field at a time. Blanks, {@code -}, {@code N/A}, {@code
 * null} and {@code NaN} mean "absent"; a thousands separator ({@code 1,234}) and a trailing {@code %} (divides by 100) are
 * accepted; anything else that is not a finite decimal number is a {@link BadField}.
 */
final class Fields {

  private Fields() {}

  /**
   * A field that cannot be read: becomes a {@link ContractDiagnostic.Reason#MALFORMED} diagnostic. It is
   * control flow for one row, so it carries no stack trace.
   */
  static final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String field;
    final String value;

    BadField(String field, String value, String detail) {
      super(detail, null, false, false);
      this.field = field;
      this.value = value;
    }

    ContractDiagnostic diagnostic(String location) {
      return new ContractDiagnostic(
          location, field, value, ContractDiagnostic.Reason.MALFORMED, String.valueOf(getMessage()));
    }
  }

  /** Whether the text stands for "no value". */
  static boolean isAbsent(String text) {
    String t = text.trim();
    return t.isEmpty()
        || t.equals("-")
        || t.equals("--")
        || t.equalsIgnoreCase("n/a")
        || t.equalsIgnoreCase("na")
        || t.equalsIgnoreCase("null")
        || t.equalsIgnoreCase("nan"); // pandas' missing value, as some exports write it
  }

  /** A finite number, or empty when absent. */
  static OptionalDouble number(String field, String text) {
    if (isAbsent(text)) {
      return OptionalDouble.empty();
    }
    String t = text.trim();
    double scale = 1;
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1).trim();
      scale = 0.01;
    }
    if (t.indexOf(',') >= 0) {
      t = t.replace(",", "");
    }
    if (t.isEmpty() || !plausible(t)) {
      throw new BadField(field, text, "not a number");
    }
    double value;
    try {
      value = Double.parseDouble(t) * scale;
    } catch (NumberFormatException e) {
      throw new BadField(field, text, "not a number");
    }
    if (!Double.isFinite(value)) {
      throw new BadField(field, text, "not a finite number");
    }
    return OptionalDouble.of(value);
  }

  /** A number that must be present. */
  static double requiredNumber(String field, String text) {
    OptionalDouble v = number(field, text);
    if (v.isEmpty()) {
      throw new BadField(field, text, "missing");
    }
    return v.getAsDouble();
  }

  /** A number {@code >= 0}, or empty when absent. */
  static OptionalDouble nonNegative(String field, String text) {
    OptionalDouble v = number(field, text);
    if (v.isPresent() && v.getAsDouble() < 0) {
      throw new BadField(field, text, "must be >= 0");
    }
    return v;
  }

  /** A positive price (such as a last sale) where 0 means "none", or empty. */
  static OptionalDouble positiveOrAbsent(String field, String text) {
    OptionalDouble v = nonNegative(field, text);
    return v.isPresent() && v.getAsDouble() == 0 ? OptionalDouble.empty() : v;
  }

  /** An implied volatility as a decimal ({@code >= 0}); absent means 0, "none". */
  static double impliedVolatility(String field, String text) {
    return nonNegative(field, text).orElse(0);
  }

  /** A delta in [-1, 1], or empty when absent. */
  static OptionalDouble delta(String field, String text) {
    OptionalDouble v = number(field, text);
    if (v.isPresent() && !(v.getAsDouble() >= -1 && v.getAsDouble() <= 1)) {
      throw new BadField(field, text, "must be in [-1, 1]");
    }
    return v;
  }

  /** A whole count {@code >= 0} such as open interest or volume ({@code 22.0} is 22), or empty. */
  static OptionalLong count(String field, String text) {
    OptionalDouble v = nonNegative(field, text);
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    double d = v.getAsDouble();
    if (d != Math.rint(d) || d > (double) (1L << 53)) {
      throw new BadField(field, text, "must be a whole number");
    }
    return OptionalLong.of((long) d);
  }

  /** Cheap guard so that Java-only number forms ({@code 1d}, {@code 0x1p3}, {@code NaN}) are rejected. */
  private static boolean plausible(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  /** The spot prices a chain accepts, for messages. */
  static final String SPOT_RANGE = "[" + OptionContract.MIN_PRICE + ", " + OptionContract.MAX_PRICE + "]";

  /** Whether a spot is in the range {@link io.gex.chain.OptionChain} accepts. */
  static boolean isSpot(double spot) {
    return spot >= OptionContract.MIN_PRICE && spot <= OptionContract.MAX_PRICE;
  }

  /** Shortens a value for a message. */
  static String clip(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }

  /** The first bytes of a file as UTF-8 text without a leading byte-order mark, for format detection. */
  static String headText(byte[] head) {
    String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}

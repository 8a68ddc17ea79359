package io.gex.alerts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The declaration of one setting an {@link AlertRule} reads: its name, type, default and (for numbers)
 * inclusive range. The engine uses it to reject unknown names and bad values with a message naming the key
 * and the value, and {@link RuleSettings} uses it for defaults.
 *
 * <p>Value formats: {@link Type#DECIMAL} a finite {@code double}; {@link Type#INTEGER} a {@code long};
 * {@link Type#DURATION} ISO-8601 such as {@code PT15M} or {@code PT0.25S}, not negative; {@link
 * Type#BOOLEAN} {@code true} or {@code false}; {@link Type#TEXT} anything.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param name the setting's name within the rule: lower-case letters, digits and {@code -}, not {@code
 *     enabled} or {@code cooldown} (every rule has those)
 * @param type the value type
 * @param defaultValue the default, in the value format of the type
 * @param min the smallest allowed value of a number (inclusive); {@code -Infinity} for other types
 * @param max the largest allowed value of a number (inclusive); {@code +Infinity} for other types
 * @param description what it does, with its unit
 */
public record RuleParameter(
    String name, Type type, String defaultValue, double min, double max, String description) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** The type of a setting's value. */
  public enum Type {
    /** A finite {@code double}. */
    DECIMAL,
    /** A {@code long}. */
    INTEGER,
    /** An ISO-8601 {@link Duration}, not negative. */
    DURATION,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Free text. */
    TEXT
  }

  /**
   * Validates the declaration, including that the default is a valid value.
   *
   * @throws IllegalArgumentException naming the field and value if one is out of range
   */
  public RuleParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be lower-case letters, digits and '-', was '" + name + "'");
    }
    if (name.equals(RuleSettings.ENABLED) || name.equals(RuleSettings.COOLDOWN)) {
      throw new IllegalArgumentException(
          "name '" + name + "' is reserved: every rule has enabled and cooldown");
    }
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("min must be <= max, were " + min + " and " + max);
    }
    String problem = problemWith(type, defaultValue, min, max);
    if (problem != null) {
      throw new IllegalArgumentException("defaultValue of " + name + " " + problem);
    }
  }

  /** A decimal setting with an inclusive range. */
  public static RuleParameter decimal(
      String name, double defaultValue, double min, double max, String description) {
    return new RuleParameter(name, Type.DECIMAL, Double.toString(defaultValue), min, max, description);
  }

  /** An integer setting with an inclusive range. */
  public static RuleParameter integer(
      String name, long defaultValue, long min, long max, String description) {
    return new RuleParameter(name, Type.INTEGER, Long.toString(defaultValue), min, max, description);
  }

  /** A duration setting (not negative). */
  public static RuleParameter duration(String name, Duration defaultValue, String description) {
    return new RuleParameter(
        name,
        Type.DURATION,
        defaultValue.toString(),
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        description);
  }

  /** A boolean setting. */
  public static RuleParameter flag(String name, boolean defaultValue, String description) {
    return new RuleParameter(
        name,
        Type.BOOLEAN,
        Boolean.toString(defaultValue),
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        description);
  }

  /** A free-text setting. */
  public static RuleParameter text(String name, String defaultValue, String description) {
    return new RuleParameter(
        name,
        Type.TEXT,
        defaultValue,
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        description);
  }

  /**
   * Checks a value against this declaration.
   *
   * @param key the full key, for the message (such as {@code gex.alerts.pin-risk.score})
   * @param value the value as written
   * @throws IllegalArgumentException naming the key and the value if it does not parse or is out of range
   */
  public void check(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    String problem = problemWith(type, value, min, max);
    if (problem != null) {
      throw new IllegalArgumentException(key + "=" + value + ": " + problem);
    }
  }

  /** Why a value is invalid, or null if it is valid. */
  static @Nullable String problemWith(
      Type type, String value, double min, double max) {
    String v = value.trim();
    return switch (type) {
      case DECIMAL -> decimalProblem(v, value, min, max);
      case INTEGER -> integerProblem(v, value, min, max);
      case DURATION -> durationProblem(value);
      case BOOLEAN -> {
        String lower = v.toLowerCase(Locale.ROOT);
        yield lower.equals("true") || lower.equals("false")
            ? null
            : "expected true or false, was '" + value + "'";
      }
      case TEXT -> null;
    };
  }

  private static @Nullable String decimalProblem(String v, String value, double min, double max) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return "expected a decimal number, was '" + value + "'";
    }
    if (!Double.isFinite(d)) {
      return "expected a finite number, was '" + value + "'";
    }
    return inRange(d, min, max, value);
  }

  private static @Nullable String integerProblem(String v, String value, double min, double max) {
    long l;
    try {
      l = Long.parseLong(v);
    } catch (NumberFormatException e) {
      return "expected a whole number, was '" + value + "'";
    }
    return inRange((double) l, min, max, value);
  }

  private static @Nullable String inRange(
      double d, double min, double max, String value) {
    return d >= min && d <= max
        ? null
        : "must be in [" + format(min) + ", " + format(max) + "], was " + value.trim();
  }

  /** Why a duration is invalid, or null. */
  static @Nullable String durationProblem(String value) {
    Duration d;
    try {
      d = Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      return "expected an ISO-8601 duration such as PT15M or PT0.25S, was '" + value + "'";
    }
    return d.isNegative() ? "must not be negative, was " + value.trim() : null;
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}

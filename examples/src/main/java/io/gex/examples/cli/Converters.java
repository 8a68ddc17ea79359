package io.gex.examples.cli;

import io.gex.settings.ExpirySelection;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of the command line's option values. Each rejects a bad value with a message that
 * names the value and what is accepted; picocli prefixes the option ({@code Invalid value for option
 * '--rate': ...}).
 */
final class Converters {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private Converters() {}

  static double number(String value) {
    String v = value.trim();
    if (!DECIMAL.matcher(v).matches()) {
      throw new TypeConversionException("'" + value + "' is not a number");
    }
    return Double.parseDouble(v);
  }

  /** A continuous rate or yield as a decimal in [-1, 1]. */
  static final class Rate implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double d = number(value);
      if (!(Math.abs(d) <= 1)) {
        throw new TypeConversionException(
            "must be a decimal in [-1, 1] (0.05 for 5%), was '" + value + "'");
      }
      return d;
    }
  }

  /** A spot price: finite and > 0. */
  static final class Spot implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double d = number(value);
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new TypeConversionException("must be a price > 0, was '" + value + "'");
      }
      return d;
    }
  }

  /** A window half-width in percent of spot: (0, 100]. */
  static final class Window implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String v = value.trim();
      double d = number(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
      if (!(d > 0 && d <= 100)) {
        throw new TypeConversionException(
            "must be a percentage of spot in (0, 100] (10 for ±10%), was '" + value + "'");
      }
      return d;
    }
  }

  /** {@code all}, {@code 0dte}, {@code ex-0dte}, {@code to-monthly} or {@code MIN-MAX} days to expiry. */
  static final class Expiries implements ITypeConverter<ExpirySelection> {
    @Override
    public ExpirySelection convert(String value) {
      try {
        return ExpirySelection.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(String.valueOf(e.getMessage()));
      }
    }
  }

  /** {@code dealer-long-calls} or {@code dealer-short-calls}. */
  static final class Convention implements ITypeConverter<SignConvention> {
    @Override
    public SignConvention convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "dealer-long-calls" -> SignConvention.DEALER_LONG_CALLS_SHORT_PUTS;
        case "dealer-short-calls" -> SignConvention.DEALER_SHORT_CALLS_LONG_PUTS;
        default ->
            throw new TypeConversionException(
                "must be dealer-long-calls or dealer-short-calls, was '" + value + "'");
      };
    }
  }

  /** The option value of a sign convention, the inverse of {@link Convention}. */
  static String conventionId(SignConvention convention) {
    return convention == SignConvention.DEALER_LONG_CALLS_SHORT_PUTS
        ? "dealer-long-calls"
        : "dealer-short-calls";
  }

  /** {@code vendor}, {@code otm} or {@code mid}. */
  static final class Iv implements ITypeConverter<IvSource> {
    @Override
    public IvSource convert(String value) {
      for (IvSource s : IvSource.values()) {
        if (s.id().equalsIgnoreCase(value.trim())) {
          return s;
        }
      }
      throw new TypeConversionException("must be vendor, otm or mid, was '" + value + "'");
    }
  }

  /** An ISO-8601 instant, with Z or an offset. */
  static final class Time implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      String v = value.trim();
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        try {
          return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e2) {
          throw new TypeConversionException(
              "must be an ISO-8601 instant such as 2022-12-12T21:15:00Z or 2022-12-12T16:15:00-05:00,"
                  + " was '"
                  + value
                  + "'");
        }
      }
    }
  }

  /**
   * A positive duration: a number and a unit, {@code ms}, {@code s}, {@code m} or {@code h} ({@code 500ms},
   * {@code 1s}, {@code 1.5m}), or ISO-8601 ({@code PT1M}); at most a day, at least a millisecond.
   */
  static final class Every implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+(\\.\\d+)?)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      Duration d = null;
      Matcher m = SIMPLE.matcher(v);
      if (m.matches()) {
        double millis =
            Double.parseDouble(m.group(1))
                * switch (m.group(3)) {
                  case "ms" -> 1;
                  case "s" -> 1_000;
                  case "m" -> 60_000;
                  default -> 3_600_000;
                };
        if (millis <= 86_400_000) {
          d = Duration.ofMillis(Math.round(millis));
        }
      } else if (v.startsWith("pt")) {
        try {
          d = Duration.parse(v);
        } catch (DateTimeParseException e) {
          d = null;
        }
      }
      if (d == null || d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
        throw new TypeConversionException(
            "must be a duration from 1ms to 24h such as 500ms, 1s, 1m or PT1M, was '" + value + "'");
      }
      return d;
    }
  }

  /** An http(s) URL with a host. */
  static final class Url implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI uri = new URI(value.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
          return uri;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      throw new TypeConversionException("must be an http(s) URL, was '" + value + "'");
    }
  }
}

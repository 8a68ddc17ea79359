package io.gex.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an {@link OptionChainSource} should read: a location, an optional valuation-instant override and
 * source-specific parameters.
 *
 * <p>The location is a file path, an {@code http(s)} URL or a symbol (for {@code cboe-json} fetches and
 * the {@code synthetic} generator); each source documents what it accepts and which parameters it reads
 * (for example {@code contracts}, {@code seed} for {@code synthetic}; {@code baseUrl}, {@code timeout} for
 * {@code cboe-json}). Unknown parameters are ignored.
 *
 * <p>Three values describe the chain itself and are honoured by every source of {@code gex-sources}: the
 * valuation instant ({@link #withValuationTime}), the underlying's spot price ({@link #withSpot}, parameter
 * {@value #SPOT}) and the underlying symbol ({@link #withUnderlying}, parameter {@value #UNDERLYING}). A
 * value given here wins over the one in the data; it is how files that lack a value (a Yahoo chain CSV
 * has no spot, an OptionsDX file no underlying symbol) are read. The command line maps {@code --spot} and
 * {@code --underlying} onto them.
 *
 * <pre>{@code
 * SourceRequest request = SourceRequest.of(Path.of("aapl-chain.csv")).withSpot(189.46).withUnderlying("AAPL");
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param location a file path, an {@code http(s)} URL or a symbol; not blank
 * @param valuationTime the valuation instant to use instead of the one in the data, if present
 * @param parameters source-specific parameters (copied)
 */
public record SourceRequest(
    String location, Optional<Instant> valuationTime, Map<String, String> parameters) {

  /** The parameter for the underlying's spot price, a positive decimal such as {@code 4512.25}: {@value}. */
  public static final String SPOT = "spot";

  /** The parameter for the underlying symbol, such as {@code SPX}: {@value}. */
  public static final String UNDERLYING = "underlying";

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the location is blank
   */
  public SourceRequest {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(parameters, "parameters");
    if (location.isBlank()) {
      throw new IllegalArgumentException("location must not be blank");
    }
    parameters = Map.copyOf(parameters);
  }

  /** A request for a file, with no override and no parameters. */
  public static SourceRequest of(Path file) {
    Objects.requireNonNull(file, "file");
    return new SourceRequest(file.toString(), Optional.empty(), Map.of());
  }

  /** A request for a location (a path, a URL or a symbol), with no override and no parameters. */
  public static SourceRequest of(String location) {
    return new SourceRequest(location, Optional.empty(), Map.of());
  }

  /** A request for a location with parameters. */
  public static SourceRequest of(String location, Map<String, String> parameters) {
    return new SourceRequest(location, Optional.empty(), parameters);
  }

  /** A copy that values the chain at this instant instead of the time found in the data. */
  public SourceRequest withValuationTime(Instant instant) {
    return new SourceRequest(location, Optional.of(Objects.requireNonNull(instant, "instant")), parameters);
  }

  /** A copy with one more parameter (replacing a parameter of the same name). */
  public SourceRequest withParameter(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new HashMap<>(parameters);
    copy.put(name, value);
    return new SourceRequest(location, valuationTime, copy);
  }

  /**
   * A copy with the underlying's spot price, which sources use instead of the price in the data (parameter
   * {@value #SPOT}).
   *
   * @param spot the price, finite and {@code > 0}
   * @throws IllegalArgumentException if the price is not finite and positive
   */
  public SourceRequest withSpot(double spot) {
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be finite and > 0, was " + spot);
    }
    return withParameter(SPOT, Double.toString(spot));
  }

  /**
   * A copy with the underlying symbol, which sources use instead of the one in the data or derived from the
   * option roots (parameter {@value #UNDERLYING}).
   *
   * @throws IllegalArgumentException if the symbol is blank
   */
  public SourceRequest withUnderlying(String underlying) {
    Objects.requireNonNull(underlying, "underlying");
    if (underlying.isBlank()) {
      throw new IllegalArgumentException("underlying must not be blank");
    }
    return withParameter(UNDERLYING, underlying.trim());
  }

  /**
   * The spot price given with the request (the {@value #SPOT} parameter), if any.
   *
   * @throws IllegalArgumentException naming the parameter and its value if it is not a finite positive
   *     decimal number
   */
  public OptionalDouble spot() {
    String text = parameters.get(SPOT);
    if (text == null) {
      return OptionalDouble.empty();
    }
    double spot;
    try {
      spot = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      spot = Double.NaN;
    }
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException(
          "parameter " + SPOT + " must be a positive price such as 4512.25, was '" + text + "'");
    }
    return OptionalDouble.of(spot);
  }

  /** The underlying symbol given with the request (the {@value #UNDERLYING} parameter, trimmed), if any. */
  public Optional<String> underlying() {
    String text = parameters.get(UNDERLYING);
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }

  /** A parameter's value, if given. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(Objects.requireNonNull(name, "name")));
  }

  /** Whether the location is an {@code http://} or {@code https://} URL. */
  public boolean isHttp() {
    String l = location.trim().toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  /**
   * The location as a file path.
   *
   * @throws IllegalArgumentException if the location is not a valid path on this file system
   */
  public Path path() {
    try {
      return Path.of(location);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("location is not a valid path: '" + location + "'", e);
    }
  }
}

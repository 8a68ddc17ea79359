package io.gex.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link OptionChainSource} should read: a location, an optional valuation-instant override and
 * source-specific parameters.
 *
 * <p>The location is a file path, an {@code http(s)} URL or a symbol (for {@code cboe-json} fetches and
 * the {@code synthetic} generator); each source documents what it accepts and which parameters it reads
 * (for example {@code contracts}, {@code seed}, {@code spot} for {@code synthetic}; {@code baseUrl}, {@code
 * timeout} for {@code cboe-json}). Unknown parameters are ignored.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param location a file path, an {@code http(s)} URL or a symbol; not blank
 * @param valuationTime the valuation instant to use instead of the one in the data, if present
 * @param parameters source-specific parameters (copied)
 */
public record SourceRequest(
    String location, Optional<Instant> valuationTime, Map<String, String> parameters) {

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

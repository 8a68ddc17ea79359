package io.gex.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored alerts to read: one symbol, raised in {@code [from, to)}, optionally of one type and at
 * least one severity, newest first, at most {@code limit} of them.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the underlying symbol
 * @param from the earliest instant, inclusive
 * @param to the latest instant, exclusive
 * @param type only alerts of this type, if present
 * @param minSeverity only alerts of this severity or more serious, if present
 * @param limit the most alerts to return, {@code > 0}
 */
public record AlertQuery(
    String symbol,
    Instant from,
    Instant to,
    Optional<String> type,
    Optional<AlertRecord.Severity> minSeverity,
    int limit) {

  /** The default {@link #limit()}: {@value}. */
  public static final int DEFAULT_LIMIT = 1000;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from} or the limit is not positive
   */
  public AlertQuery {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(minSeverity, "minSeverity");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from (" + from + "), was " + to);
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0, was " + limit);
    }
  }

  /** Every alert of a symbol in {@code [from, to)}, up to {@link #DEFAULT_LIMIT}. */
  public static AlertQuery of(String symbol, Instant from, Instant to) {
    return new AlertQuery(symbol, from, to, Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
  }

  /** A copy that keeps only alerts of this type. */
  public AlertQuery withType(String alertType) {
    return new AlertQuery(symbol, from, to, Optional.of(alertType), minSeverity, limit);
  }

  /** A copy that keeps only alerts of this severity or more serious. */
  public AlertQuery withMinSeverity(AlertRecord.Severity severity) {
    return new AlertQuery(symbol, from, to, type, Optional.of(severity), limit);
  }

  /** A copy with another limit. */
  public AlertQuery withLimit(int newLimit) {
    return new AlertQuery(symbol, from, to, type, minSeverity, newLimit);
  }

  /** Whether an alert passes this query's filters (symbol, time window, type, severity). */
  public boolean matches(AlertRecord alert) {
    Objects.requireNonNull(alert, "alert");
    return alert.symbol().equals(symbol)
        && !alert.instant().isBefore(from)
        && alert.instant().isBefore(to)
        && type.map(t -> t.equals(alert.type())).orElse(true)
        && minSeverity.map(s -> alert.severity().atLeast(s)).orElse(true);
  }
}

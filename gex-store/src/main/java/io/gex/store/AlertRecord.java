package io.gex.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An alert as a {@link GexStore} keeps it: which rule raised it, its type and severity, for which symbol
 * and when, a message for people and the figures behind it. It is a plain record, so that the store does
 * not depend on {@code gex-alerts}: its alerts are mapped to this record by whoever stores them.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param ruleId the id of the rule that raised the alert, such as {@code zero-gamma-cross}
 * @param type the kind of alert, such as {@code ZERO_GAMMA_CROSS}
 * @param severity how serious it is
 * @param symbol the underlying symbol
 * @param instant when the alert was raised (normally the snapshot's valuation instant)
 * @param message a sentence for people
 * @param figures the figures behind the alert, by name, in insertion order; every value finite
 */
public record AlertRecord(
    String ruleId,
    String type,
    Severity severity,
    String symbol,
    Instant instant,
    String message,
    Map<String, Double> figures) {

  /** How serious an alert is, from least to most; compare with {@link #atLeast(Severity)}. */
  public enum Severity {
    /** For information only. */
    INFO,
    /** Worth a look. */
    LOW,
    /** Worth acting on. */
    MEDIUM,
    /** Act now. */
    HIGH,
    /** The most serious. */
    CRITICAL;

    /** Whether this severity is {@code other} or more serious. */
    public boolean atLeast(Severity other) {
      return compareTo(Objects.requireNonNull(other, "other")) >= 0;
    }
  }

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the rule id, type or symbol is blank, or a figure is not finite
   */
  public AlertRecord {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(figures, "figures");
    requireNotBlank("ruleId", ruleId);
    requireNotBlank("type", type);
    requireNotBlank("symbol", symbol);
    Map<String, Double> copy = new LinkedHashMap<>();
    figures.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "figure name");
          Objects.requireNonNull(value, "figure " + name);
          if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("figure " + name + " must be finite, was " + value);
          }
          copy.put(name, value);
        });
    figures = Collections.unmodifiableMap(copy);
  }

  private static void requireNotBlank(String field, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, was '" + value + "'");
    }
  }
}

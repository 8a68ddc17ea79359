package io.gex.alerts;

import io.gex.GexAnalysis;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One alert raised by an {@link AlertRule} about one analysis.
 *
 * <p>The cooldown that suppresses repeats is kept per {@code (ruleId, symbol, key)}: the {@code key} is
 * what the alert is about within its rule (the "level"), such as {@code "call-wall:4100"} or
 * {@code "to:NEGATIVE"}; it defaults to the type. An alert with the same key is not raised again within the
 * rule's cooldown unless its severity rises.
 *
 * <p>Build one with {@link #builder(String, GexAnalysis)}, which takes the symbol and the instant from the
 * analysis.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param ruleId the id of the rule that raised it ({@link AlertRule#id()})
 * @param type what kind of alert, such as {@code "gamma-flip-proximity"} or {@code "gex-concentration.total"}
 *     (shown as {@code type} in JSON output)
 * @param key what the alert is about within its rule; the suppression key together with rule and symbol
 * @param severity how urgent
 * @param symbol the underlying symbol of the analysis
 * @param instant the valuation time of the analysis the alert is about
 * @param message a one-line human-readable description, with the figures that triggered it
 * @param figures the named figures that triggered it (finite numbers, insertion order kept), in the units
 *     the rule documents: index points, percent, dollars per 1% move
 */
public record GexAlert(
    String ruleId,
    String type,
    String key,
    AlertSeverity severity,
    String symbol,
    Instant instant,
    String message,
    Map<String, Double> figures) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a text is blank or a figure is null, NaN or infinite
   * @throws NullPointerException if an argument is null
   */
  public GexAlert {
    notBlank("ruleId", ruleId);
    notBlank("type", type);
    notBlank("key", key);
    Objects.requireNonNull(severity, "severity");
    notBlank("symbol", symbol);
    Objects.requireNonNull(instant, "instant");
    notBlank("message", message);
    Objects.requireNonNull(figures, "figures");
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : figures.entrySet()) {
      String name = e.getKey();
      Double value = e.getValue();
      notBlank("figure name", name);
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "figure '" + name + "' must be a finite number, was " + value);
      }
      copy.put(name, value);
    }
    figures = Collections.unmodifiableMap(copy);
  }

  private static void notBlank(String name, @Nullable String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
    }
  }

  /**
   * A figure by name.
   *
   * @throws IllegalArgumentException naming the figure and those present if there is no such figure
   */
  public double figure(String name) {
    Double value = figures.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "alert " + type + " has no figure '" + name + "'; it has " + figures.keySet());
    }
    return value;
  }

  /** The suppression key of this alert: rule, symbol and key. */
  public AlertKey alertKey() {
    return new AlertKey(ruleId, symbol, key);
  }

  /**
   * A builder of an alert about an analysis: the symbol and instant come from it, the type defaults to the
   * rule id and the key to the type.
   *
   * @param ruleId the id of the rule raising the alert
   * @param analysis the analysis the alert is about
   */
  public static Builder builder(String ruleId, GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return new Builder(ruleId, analysis.symbol(), analysis.valuationTime());
  }

  /** Builds a {@link GexAlert}; not thread-safe. */
  public static final class Builder {
    private final String ruleId;
    private final String symbol;
    private final Instant instant;
    private @Nullable String type;
    private @Nullable String key;
    private AlertSeverity severity = AlertSeverity.INFO;
    private @Nullable String message;
    private final Map<String, Double> figures = new LinkedHashMap<>();

    private Builder(String ruleId, String symbol, Instant instant) {
      this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
      this.symbol = symbol;
      this.instant = instant;
    }

    /** The alert type (default: the rule id). */
    public Builder type(String value) {
      type = Objects.requireNonNull(value, "type");
      return this;
    }

    /** The suppression key within the rule (default: the type). */
    public Builder key(String value) {
      key = Objects.requireNonNull(value, "key");
      return this;
    }

    /** The severity (default {@link AlertSeverity#INFO}). */
    public Builder severity(AlertSeverity value) {
      severity = Objects.requireNonNull(value, "severity");
      return this;
    }

    /** The human-readable message (required). */
    public Builder message(String value) {
      message = Objects.requireNonNull(value, "message");
      return this;
    }

    /** Adds a figure that triggered the alert; must be finite (checked by {@link #build()}). */
    public Builder figure(String name, double value) {
      figures.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * Builds the alert.
     *
     * @throws IllegalArgumentException if the message is missing or blank, or a figure is not finite
     */
    public GexAlert build() {
      if (message == null) {
        throw new IllegalArgumentException("message is required for an alert of rule " + ruleId);
      }
      String t = type != null ? type : ruleId;
      return new GexAlert(
          ruleId, t, key != null ? key : t, severity, symbol, instant, message, figures);
    }
  }
}

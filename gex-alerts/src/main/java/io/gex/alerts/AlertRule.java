package io.gex.alerts;

import io.gex.GexAnalysis;
import java.util.List;
import java.util.Optional;

/**
 * A plugin that looks at an analysis and says what is worth an alert. One abstract method, {@link
 * #evaluate}; the rest have defaults.
 *
 * <p>Rules are found by the {@link AlertEngine} with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.gex.alerts.AlertRule} file on the class path, or {@code provides
 * io.gex.alerts.AlertRule with ...} in a module) and can be registered explicitly on the engine's builder;
 * an explicit rule wins over a discovered one with the same {@link #id()}. A discovered rule needs a public
 * no-argument constructor.
 *
 * <p>Contract, enforced by the engine: a rule returns a list (possibly empty, never null) of alerts with no
 * null element, each with this rule's id and the current analysis's symbol, at most {@link
 * AlertSettings#maxAlertsPerRule()} of them, within {@link AlertSettings#ruleTimeout()}. A rule that
 * throws, breaks that contract or runs too long is reported in {@link AlertEvaluation#failures()} and its
 * alerts are dropped; the other rules run as usual. Rules must be thread-safe (stateless is best): the
 * engine may call one rule from several threads at once. Build alerts with {@link GexAlert#builder}.
 *
 * <p>Settings: a rule declares its {@link #parameters()} (name, type, default, range); users set them as
 * {@code gex.alerts.<id>.<name>=value} (or through {@link AlertSettings.Builder#set}), and the engine checks
 * them when it is built, so {@link RuleSettings#getDouble(String)} and friends return valid values during
 * evaluation. Every rule also has {@code enabled} and {@code cooldown}.
 */
public interface AlertRule {

  /**
   * Looks at an analysis, and at the previous analysis of the same symbol when there is one, and returns
   * the alerts it calls for.
   *
   * @param current the analysis to look at
   * @param previous the previous analysis of the same symbol (earlier or equal valuation time), if any
   * @param settings this rule's settings, already validated against {@link #parameters()}
   * @return the alerts, possibly none; never null
   */
  List<GexAlert> evaluate(GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings);

  /**
   * The rule's unique id: the prefix of its settings ({@code gex.alerts.<id>.<name>}), the {@link
   * GexAlert#ruleId()} of its alerts, and the name in reports. Letters, digits, {@code . - _}; lower-case
   * kebab-case such as {@code "gamma-flip-proximity"} is the convention. Default: the class name; override
   * it.
   */
  default String id() {
    return getClass().getName();
  }

  /** A one-line description for listings; default: the id. */
  default String description() {
    return id();
  }

  /** The settings this rule reads, with their types, defaults and ranges; default none. */
  default List<RuleParameter> parameters() {
    return List.of();
  }

  /**
   * Checks relations between settings that {@link #parameters()} cannot express (such as "the HIGH
   * threshold must not exceed the MEDIUM one"); called once when the engine is built. Default: nothing.
   *
   * @param settings this rule's settings; each value already parses and is in range
   * @throws IllegalArgumentException naming the keys and values if the settings do not fit together
   */
  default void validate(RuleSettings settings) {}
}

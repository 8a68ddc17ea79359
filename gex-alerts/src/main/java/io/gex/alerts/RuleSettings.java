package io.gex.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One rule's settings as the rule sees them: whether it is enabled, its cooldown, and the values of its
 * {@linkplain AlertRule#parameters() parameters}, with typed getters that fall back to the declared
 * default.
 *
 * <p>The engine builds one per rule when it is built, after checking every value; a rule's test can build
 * one with {@link #forRule(AlertRule, Map)} (checked the same way) or {@link #of(String, Map)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RuleSettings {

  /** The name of the setting every rule has that switches it on or off. */
  public static final String ENABLED = "enabled";

  /** The name of the setting every rule has that overrides the global cooldown. */
  public static final String COOLDOWN = "cooldown";

  private final String ruleId;
  private final boolean enabled;
  private final Duration cooldown;
  private final Map<String, String> values;
  private final Map<String, RuleParameter> parameters;

  private RuleSettings(
      String ruleId,
      boolean enabled,
      Duration cooldown,
      Map<String, String> values,
      List<RuleParameter> parameters) {
    this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
    this.enabled = enabled;
    this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException(key(ruleId, COOLDOWN) + " must not be negative, was " + cooldown);
    }
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Map<String, RuleParameter> byName = new LinkedHashMap<>();
    for (RuleParameter p : parameters) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException(
            "rule " + ruleId + " declares the parameter '" + p.name() + "' twice");
      }
    }
    this.parameters = Collections.unmodifiableMap(byName);
  }

  /**
   * Settings with the given values and no declared parameters (so getters need their fallback for any name
   * not given): enabled, with {@link AlertSettings#DEFAULT_COOLDOWN}. Values are not checked until read.
   */
  public static RuleSettings of(String ruleId, Map<String, String> values) {
    return new RuleSettings(ruleId, true, AlertSettings.DEFAULT_COOLDOWN, values, List.of());
  }

  /**
   * A rule's settings with the given values, checked against its parameters and {@link
   * AlertRule#validate}: enabled, with {@link AlertSettings#DEFAULT_COOLDOWN}.
   *
   * @throws IllegalArgumentException naming each bad key and value
   */
  public static RuleSettings forRule(AlertRule rule, Map<String, String> values) {
    Objects.requireNonNull(rule, "rule");
    List<String> problems = new ArrayList<>();
    RuleSettings settings =
        resolve(rule, rule.id(), true, AlertSettings.DEFAULT_COOLDOWN, values, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return settings;
  }

  /**
   * Builds and checks a rule's settings; each problem (naming key and value) is added to {@code problems}
   * and the settings returned hold only the valid values.
   */
  static RuleSettings resolve(
      AlertRule rule,
      String ruleId,
      boolean enabled,
      Duration cooldown,
      Map<String, String> values,
      List<String> problems) {
    List<RuleParameter> declared = List.copyOf(rule.parameters());
    Map<String, RuleParameter> byName = new LinkedHashMap<>();
    declared.forEach(p -> byName.put(p.name(), p));
    Map<String, String> valid = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String name = e.getKey();
      String key = key(ruleId, name);
      RuleParameter p = byName.get(name);
      if (p == null) {
        problems.add(
            key
                + "="
                + e.getValue()
                + ": rule '"
                + ruleId
                + "' has no setting '"
                + name
                + "'; its settings are "
                + settingNames(byName));
        continue;
      }
      try {
        p.check(key, e.getValue());
        valid.put(name, e.getValue().trim());
      } catch (IllegalArgumentException ex) {
        problems.add(ex.getMessage());
      }
    }
    RuleSettings settings = new RuleSettings(ruleId, enabled, cooldown, valid, declared);
    if (valid.size() == values.size()) {
      try {
        rule.validate(settings);
      } catch (Throwable ex) {
        Failures.rethrowIfFatal(ex);
        problems.add("settings of rule '" + ruleId + "' do not fit together: " + ex.getMessage());
      }
    }
    return settings;
  }

  private static List<String> settingNames(Map<String, RuleParameter> byName) {
    List<String> names = new ArrayList<>(List.of(ENABLED, COOLDOWN));
    names.addAll(byName.keySet());
    return names;
  }

  /** The same settings with another enabled flag and cooldown. */
  RuleSettings with(boolean newEnabled, Duration newCooldown) {
    return new RuleSettings(ruleId, newEnabled, newCooldown, values, List.copyOf(parameters.values()));
  }

  static String key(String ruleId, String name) {
    return AlertSettings.PREFIX + ruleId + "." + name;
  }

  /** The rule's id. */
  public String ruleId() {
    return ruleId;
  }

  /** Whether the rule runs ({@code gex.alerts.<id>.enabled}, default true). */
  public boolean enabled() {
    return enabled;
  }

  /**
   * How long a raised alert of this rule suppresses repeats of the same key at the same or a lower severity
   * ({@code gex.alerts.<id>.cooldown}, default the global {@link AlertSettings#cooldown()}).
   */
  public Duration cooldown() {
    return cooldown;
  }

  /** The values set explicitly (not the defaults), by name. */
  public Map<String, String> values() {
    return values;
  }

  /** The declared parameters, by name. */
  public Map<String, RuleParameter> parameters() {
    return parameters;
  }

  /**
   * A decimal setting: the value set, else the declared default.
   *
   * @throws IllegalArgumentException if the name is neither set nor declared, or its value is not a number
   */
  public double getDouble(String name) {
    return parseDouble(name, require(name));
  }

  /** A decimal setting: the value set, else the declared default, else {@code fallback}. */
  public double getDouble(String name, double fallback) {
    String raw = lookup(name);
    return raw == null ? fallback : parseDouble(name, raw);
  }

  /**
   * An integer setting: the value set, else the declared default.
   *
   * @throws IllegalArgumentException if the name is neither set nor declared, or its value is not an integer
   */
  public long getLong(String name) {
    return parseLong(name, require(name));
  }

  /** An integer setting: the value set, else the declared default, else {@code fallback}. */
  public long getLong(String name, long fallback) {
    String raw = lookup(name);
    return raw == null ? fallback : parseLong(name, raw);
  }

  /**
   * An integer setting as an {@code int}.
   *
   * @throws IllegalArgumentException as {@link #getLong(String)}, or if the value does not fit an int
   */
  public int getInt(String name) {
    long value = getLong(name);
    if (value != (int) value) {
      throw new IllegalArgumentException(key(ruleId, name) + " must fit an int, was " + value);
    }
    return (int) value;
  }

  /**
   * A duration setting (ISO-8601, such as {@code PT15M}): the value set, else the declared default.
   *
   * @throws IllegalArgumentException if the name is neither set nor declared, or its value is not a duration
   */
  public Duration getDuration(String name) {
    return parseDuration(name, require(name));
  }

  /** A duration setting: the value set, else the declared default, else {@code fallback}. */
  public Duration getDuration(String name, Duration fallback) {
    String raw = lookup(name);
    return raw == null ? fallback : parseDuration(name, raw);
  }

  /**
   * A boolean setting: the value set, else the declared default.
   *
   * @throws IllegalArgumentException if the name is neither set nor declared, or its value is not a boolean
   */
  public boolean getBoolean(String name) {
    return parseBoolean(name, require(name));
  }

  /** A boolean setting: the value set, else the declared default, else {@code fallback}. */
  public boolean getBoolean(String name, boolean fallback) {
    String raw = lookup(name);
    return raw == null ? fallback : parseBoolean(name, raw);
  }

  /**
   * A text setting: the value set, else the declared default.
   *
   * @throws IllegalArgumentException if the name is neither set nor declared
   */
  public String getString(String name) {
    return require(name);
  }

  /** A text setting: the value set, else the declared default, else {@code fallback}. */
  public String getString(String name, String fallback) {
    String raw = lookup(name);
    return raw == null ? fallback : raw;
  }

  private @Nullable String lookup(String name) {
    Objects.requireNonNull(name, "name");
    String raw = values.get(name);
    if (raw != null) {
      return raw;
    }
    RuleParameter p = parameters.get(name);
    return p == null ? null : p.defaultValue();
  }

  private String require(String name) {
    String raw = lookup(name);
    if (raw == null) {
      throw new IllegalArgumentException(
          key(ruleId, name)
              + " is not set and rule '"
              + ruleId
              + "' declares no default for it; declared: "
              + parameters.keySet());
    }
    return raw;
  }

  private double parseDouble(String name, String raw) {
    try {
      double d = Double.parseDouble(raw.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key(ruleId, name) + "=" + raw + ": expected a finite decimal number");
  }

  private long parseLong(String name, String raw) {
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key(ruleId, name) + "=" + raw + ": expected a whole number", e);
    }
  }

  private Duration parseDuration(String name, String raw) {
    String problem = RuleParameter.durationProblem(raw);
    if (problem != null) {
      throw new IllegalArgumentException(key(ruleId, name) + "=" + raw + ": " + problem);
    }
    return Duration.parse(raw.trim());
  }

  private boolean parseBoolean(String name, String raw) {
    String lower = raw.trim().toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return Boolean.parseBoolean(lower);
    }
    throw new IllegalArgumentException(key(ruleId, name) + "=" + raw + ": expected true or false");
  }

  @Override
  public String toString() {
    return "RuleSettings[" + ruleId + ", enabled=" + enabled + ", cooldown=" + cooldown + ", " + values + "]";
  }
}

package io.gex.alerts;

import io.gex.GexException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The alert engine's settings: global cooldown, rule time budget and result cap, and per rule whether it is
 * on, its cooldown and its parameter values (thresholds).
 *
 * <p>From a builder or from properties, all under the prefix {@code gex.alerts.}:
 *
 * <pre>
 * gex.alerts.cooldown=PT15M                      # default cooldown of every rule (ISO-8601, default PT15M)
 * gex.alerts.rule-timeout=PT0.25S                # time budget of one rule's evaluation (default 250 ms)
 * gex.alerts.max-alerts-per-rule=100             # more alerts from one rule is a failure (default 100)
 * gex.alerts.gamma-flip-proximity.enabled=false  # switch a rule off (default on)
 * gex.alerts.pin-risk.cooldown=PT1H              # one rule's cooldown
 * gex.alerts.gamma-flip-proximity.percent=0.75   # a rule parameter: gex.alerts.&lt;rule-id&gt;.&lt;name&gt;
 * </pre>
 *
 * <p>Keys outside the prefix are ignored, so one application file can hold other settings. Inside it, an
 * unknown global key, an unparseable {@code enabled} or {@code cooldown}, a bad rule id or parameter name is
 * rejected at once; parameter values (and settings for rules that do not exist) are checked against the
 * rules when the {@link AlertEngine} is built. Every problem is reported in one {@link
 * IllegalArgumentException} whose message names each key and value.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AlertSettings {

  /** The prefix of every key. */
  public static final String PREFIX = "gex.alerts.";

  /** Key of the global cooldown. */
  public static final String COOLDOWN_KEY = PREFIX + "cooldown";

  /** Key of the time budget of one rule. */
  public static final String RULE_TIMEOUT_KEY = PREFIX + "rule-timeout";

  /** Key of the cap on alerts from one rule in one evaluation. */
  public static final String MAX_ALERTS_KEY = PREFIX + "max-alerts-per-rule";

  /** The default cooldown: 15 minutes. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(15);

  /** The default time budget of one rule: 250 milliseconds. */
  public static final Duration DEFAULT_RULE_TIMEOUT = Duration.ofMillis(250);

  /** The default cap on alerts from one rule in one evaluation: 100. */
  public static final int DEFAULT_MAX_ALERTS_PER_RULE = 100;

  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_$]([A-Za-z0-9._$-]*[A-Za-z0-9_$])?");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Every default, no rule setting. */
  public static final AlertSettings DEFAULT = builder().build();

  private final Duration cooldown;
  private final Duration ruleTimeout;
  private final int maxAlertsPerRule;
  private final Map<String, Boolean> enabled;
  private final Map<String, Duration> cooldowns;
  private final Map<String, Map<String, String>> values;

  private AlertSettings(Builder b) {
    this.cooldown = b.cooldown;
    this.ruleTimeout = b.ruleTimeout;
    this.maxAlertsPerRule = b.maxAlertsPerRule;
    this.enabled = Collections.unmodifiableMap(new LinkedHashMap<>(b.enabled));
    this.cooldowns = Collections.unmodifiableMap(new LinkedHashMap<>(b.cooldowns));
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    b.values.forEach((id, m) -> copy.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
    this.values = Collections.unmodifiableMap(copy);
  }

  /** A builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.cooldown = cooldown;
    b.ruleTimeout = ruleTimeout;
    b.maxAlertsPerRule = maxAlertsPerRule;
    b.enabled.putAll(enabled);
    b.cooldowns.putAll(cooldowns);
    values.forEach((id, m) -> b.values.put(id, new LinkedHashMap<>(m)));
    return b;
  }

  /**
   * Reads the settings from properties (see the class documentation for the keys).
   *
   * @throws IllegalArgumentException listing every key under {@code gex.alerts.} that is unknown or whose
   *     value is invalid, with the value
   */
  public static AlertSettings fromProperties(Properties properties) {
    Objects.requireNonNull(properties, "properties");
    Builder b = builder();
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String value = properties.getProperty(key, "").trim();
      String rest = key.substring(PREFIX.length());
      try {
        int dot = rest.lastIndexOf('.');
        if (dot < 0) {
          switch (rest) {
            case "cooldown" -> b.cooldown(parseDuration(key, value));
            case "rule-timeout" -> b.ruleTimeout(parseDuration(key, value));
            case "max-alerts-per-rule" -> b.maxAlertsPerRule(parseInt(key, value));
            default ->
                problems.add(
                    key
                        + "="
                        + value
                        + ": unknown setting; the global settings are [cooldown, rule-timeout,"
                        + " max-alerts-per-rule] and rule settings are "
                        + PREFIX
                        + "<rule-id>.<name>");
          }
          continue;
        }
        String ruleId = rest.substring(0, dot);
        String name = rest.substring(dot + 1);
        switch (name) {
          case RuleSettings.ENABLED -> b.enabled(ruleId, parseBoolean(key, value));
          case RuleSettings.COOLDOWN -> b.cooldown(ruleId, parseDuration(key, value));
          default -> b.set(ruleId, name, value);
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid alert settings: " + String.join("; ", problems));
    }
    return b.build();
  }

  /**
   * Reads the settings from a properties file (ISO-8859-1 escapes as {@link Properties#load(Reader)}, read as
   * UTF-8).
   *
   * @throws GexException naming the file if it cannot be read
   * @throws IllegalArgumentException as {@link #fromProperties(Properties)}
   */
  public static AlertSettings load(Path file) {
    Objects.requireNonNull(file, "file");
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new GexException("could not read alert settings from " + file + ": " + e.getMessage(), e);
    }
    return fromProperties(p);
  }

  /** These settings as properties that {@link #fromProperties(Properties)} reads back to equal settings. */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty(COOLDOWN_KEY, cooldown.toString());
    p.setProperty(RULE_TIMEOUT_KEY, ruleTimeout.toString());
    p.setProperty(MAX_ALERTS_KEY, Integer.toString(maxAlertsPerRule));
    enabled.forEach((id, on) -> p.setProperty(RuleSettings.key(id, RuleSettings.ENABLED), on.toString()));
    cooldowns.forEach((id, d) -> p.setProperty(RuleSettings.key(id, RuleSettings.COOLDOWN), d.toString()));
    values.forEach((id, m) -> m.forEach((name, v) -> p.setProperty(RuleSettings.key(id, name), v)));
    return p;
  }

  /** The default cooldown of every rule ({@code gex.alerts.cooldown}, default 15 minutes). */
  public Duration cooldown() {
    return cooldown;
  }

  /**
   * The time budget of one rule's evaluation ({@code gex.alerts.rule-timeout}, default 250 ms): a rule whose
   * result is not in by then is reported as timed out and its alerts are dropped.
   */
  public Duration ruleTimeout() {
    return ruleTimeout;
  }

  /** More alerts than this from one rule in one evaluation is reported as a failure (default 100). */
  public int maxAlertsPerRule() {
    return maxAlertsPerRule;
  }

  /** Whether a rule is on: its {@code enabled} setting, default true. */
  public boolean isEnabled(String ruleId) {
    return enabled.getOrDefault(Objects.requireNonNull(ruleId, "ruleId"), true);
  }

  /** A rule's cooldown: its own {@code cooldown} setting, else the global {@link #cooldown()}. */
  public Duration cooldownOf(String ruleId) {
    return cooldowns.getOrDefault(Objects.requireNonNull(ruleId, "ruleId"), cooldown);
  }

  /** A rule's parameter values as set (names to values as written), empty if none. */
  public Map<String, String> values(String ruleId) {
    return values.getOrDefault(Objects.requireNonNull(ruleId, "ruleId"), Map.of());
  }

  /** One value as set, if it is. */
  public Optional<String> value(String ruleId, String name) {
    return Optional.ofNullable(values(ruleId).get(Objects.requireNonNull(name, "name")));
  }

  /** The ids of every rule that has a setting (enabled, cooldown or a parameter). */
  public Set<String> configuredRuleIds() {
    Set<String> ids = new LinkedHashSet<>(enabled.keySet());
    ids.addAll(cooldowns.keySet());
    ids.addAll(values.keySet());
    return Collections.unmodifiableSet(ids);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlertSettings other && toProperties().equals(other.toProperties());
  }

  @Override
  public int hashCode() {
    return toProperties().hashCode();
  }

  @Override
  public String toString() {
    return "AlertSettings" + new java.util.TreeMap<>(toPropertiesMap());
  }

  private Map<String, String> toPropertiesMap() {
    Map<String, String> m = new LinkedHashMap<>();
    Properties p = toProperties();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  private static Duration parseDuration(String key, String value) {
    String problem = RuleParameter.durationProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(key + "=" + value + ": " + problem);
    }
    return Duration.parse(value.trim());
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + "=" + value + ": expected a whole number", e);
    }
  }

  private static boolean parseBoolean(String key, String value) {
    String lower = value.trim().toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return Boolean.parseBoolean(lower);
    }
    throw new IllegalArgumentException(key + "=" + value + ": expected true or false");
  }

  private static void checkRuleId(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    if (!RULE_ID.matcher(ruleId).matches()) {
      throw new IllegalArgumentException(
          "rule id must be letters, digits, '.', '-', '_' and '$' (not starting or ending with '.' or '-'),"
              + " was '"
              + ruleId
              + "'");
    }
  }

  /** Whether a string is a valid rule id (see {@link AlertRule#id()}). */
  static boolean isValidRuleId(String ruleId) {
    return RULE_ID.matcher(ruleId).matches();
  }

  /**
   * Builds {@link AlertSettings}; each method checks its argument at once. Not thread-safe; the settings it
   * builds are.
   */
  public static final class Builder {
    private Duration cooldown = DEFAULT_COOLDOWN;
    private Duration ruleTimeout = DEFAULT_RULE_TIMEOUT;
    private int maxAlertsPerRule = DEFAULT_MAX_ALERTS_PER_RULE;
    private final Map<String, Boolean> enabled = new LinkedHashMap<>();
    private final Map<String, Duration> cooldowns = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> values = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The default cooldown of every rule.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder cooldown(Duration value) {
      cooldown = nonNegative(COOLDOWN_KEY, value);
      return this;
    }

    /**
     * The time budget of one rule's evaluation.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder ruleTimeout(Duration value) {
      Objects.requireNonNull(value, "ruleTimeout");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(RULE_TIMEOUT_KEY + " must be > 0, was " + value);
      }
      ruleTimeout = value;
      return this;
    }

    /**
     * The cap on alerts from one rule in one evaluation.
     *
     * @throws IllegalArgumentException if not in [1, 100000]
     */
    public Builder maxAlertsPerRule(int value) {
      if (value < 1 || value > 100_000) {
        throw new IllegalArgumentException(MAX_ALERTS_KEY + " must be in [1, 100000], was " + value);
      }
      maxAlertsPerRule = value;
      return this;
    }

    /**
     * Switches a rule on or off.
     *
     * @throws IllegalArgumentException if the rule id is malformed
     */
    public Builder enabled(String ruleId, boolean on) {
      checkRuleId(ruleId);
      enabled.put(ruleId, on);
      return this;
    }

    /**
     * One rule's cooldown.
     *
     * @throws IllegalArgumentException if the rule id is malformed or the cooldown negative
     */
    public Builder cooldown(String ruleId, Duration value) {
      checkRuleId(ruleId);
      cooldowns.put(ruleId, nonNegative(RuleSettings.key(ruleId, RuleSettings.COOLDOWN), value));
      return this;
    }

    /**
     * Sets a rule parameter as text; it is checked against the rule's declaration when the engine is built.
     *
     * @throws IllegalArgumentException if the rule id or name is malformed, or the name is {@code enabled}
     *     or {@code cooldown} (use {@link #enabled} and {@link #cooldown(String, Duration)})
     */
    public Builder set(String ruleId, String name, String value) {
      checkRuleId(ruleId);
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      String key = RuleSettings.key(ruleId, name);
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            key + "=" + value + ": setting name must be lower-case letters, digits and '-'");
      }
      if (name.equals(RuleSettings.ENABLED) || name.equals(RuleSettings.COOLDOWN)) {
        throw new IllegalArgumentException(
            key + ": set enabled and cooldown with enabled(...) and cooldown(...)");
      }
      values.computeIfAbsent(ruleId, k -> new LinkedHashMap<>()).put(name, value.trim());
      return this;
    }

    /** Sets a decimal rule parameter (see {@link #set(String, String, String)}). */
    public Builder set(String ruleId, String name, double value) {
      return set(ruleId, name, Double.toString(value));
    }

    /** Sets an integer rule parameter (see {@link #set(String, String, String)}). */
    public Builder set(String ruleId, String name, long value) {
      return set(ruleId, name, Long.toString(value));
    }

    /** Sets a duration rule parameter (see {@link #set(String, String, String)}). */
    public Builder set(String ruleId, String name, Duration value) {
      return set(ruleId, name, value.toString());
    }

    /** Sets a boolean rule parameter (see {@link #set(String, String, String)}). */
    public Builder set(String ruleId, String name, boolean value) {
      return set(ruleId, name, Boolean.toString(value));
    }

    /** Builds the settings. */
    public AlertSettings build() {
      return new AlertSettings(this);
    }

    private static Duration nonNegative(String key, Duration value) {
      Objects.requireNonNull(value, key);
      if (value.isNegative()) {
        throw new IllegalArgumentException(key + " must not be negative, was " + value);
      }
      return value;
    }
  }
}

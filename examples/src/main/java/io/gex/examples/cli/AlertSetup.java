package io.gex.examples.cli;

import io.gex.GexException;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertListener;
import io.gex.alerts.AlertSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The alert engine of one command: its settings come from three layers, each key from the last layer that
 * sets it: the {@code --alerts} properties file, then the JVM's {@code gex.alerts.*} system properties
 * ({@code java -Dgex.alerts...=... -jar gex.jar}, or {@code GEX_JAVA_OPTS} for {@code ./gex}), then the
 * {@code -Dgex.alerts...=...} options after the command. A key set on the command line wins over the file.
 * The command line gives each rule a 30 s budget ({@code gex.alerts.rule-timeout}) unless a layer says
 * otherwise: one analysis per process has time, and a loaded machine must not drop alerts.
 */
final class AlertSetup {

  /** The rule budget of the command line, unless set. */
  static final Duration RULE_BUDGET = Duration.ofSeconds(30);

  private AlertSetup() {}

  /**
   * The settings from the three layers.
   *
   * @throws DataException if the file cannot be read or holds a bad setting (naming the file)
   * @throws UsageException if a system property or {@code -D} option is not an alert setting or has a bad
   *     value
   */
  static AlertSettings settings(
      @Nullable Path file, Properties systemProperties, Map<String, String> options) {
    Properties merged = new Properties();
    merged.setProperty(AlertSettings.RULE_TIMEOUT_KEY, RULE_BUDGET.toString());
    if (file != null) {
      merged.putAll(read(file));
    }
    Properties fromSystem = new Properties();
    for (String key : systemProperties.stringPropertyNames()) {
      if (key.startsWith(AlertSettings.PREFIX)) {
        fromSystem.setProperty(key, systemProperties.getProperty(key));
      }
    }
    check(fromSystem, "system properties");
    merged.putAll(fromSystem);
    Properties fromOptions = new Properties();
    for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
      if (!e.getKey().startsWith(AlertSettings.PREFIX)) {
        throw new UsageException(
            "-D" + e.getKey() + "=" + e.getValue() + ": -D sets only alert settings, keys starting with "
                + AlertSettings.PREFIX);
      }
      fromOptions.setProperty(e.getKey(), e.getValue());
    }
    check(fromOptions, "-D options");
    merged.putAll(fromOptions);
    return AlertSettings.fromProperties(merged);
  }

  /**
   * The engine: explicit listener first, then (with plugins) the listeners discovered; rules discovered
   * with the plugin loader when there is one; every rule on the calling thread.
   *
   * @throws DataException if the file's settings do not fit the rules found (naming the file)
   * @throws UsageException if the command line's settings do not fit the rules found
   */
  static AlertEngine engine(
      CommonOptions options,
      Properties systemProperties,
      Plugins plugins,
      @Nullable AlertListener listener,
      Clock clock) {
    AlertSettings settings = settings(options.alerts, systemProperties, options.properties);
    try {
      return builder(settings, plugins, listener, clock).build();
    } catch (IllegalArgumentException e) {
      // Whose setting is it? If the file's settings alone do not fit the rules, the file's.
      Path file = options.alerts;
      if (file != null) {
        try {
          builder(settings(file, new Properties(), Map.of()), plugins, null, clock).build();
        } catch (IllegalArgumentException fileProblem) {
          throw new DataException("--alerts " + file + ": " + fileProblem.getMessage(), fileProblem);
        }
      }
      throw new UsageException(e.getMessage() == null ? "invalid alert settings" : e.getMessage(), e);
    }
  }

  private static AlertEngine.Builder builder(
      AlertSettings settings, Plugins plugins, @Nullable AlertListener listener, Clock clock) {
    AlertEngine.Builder builder =
        AlertEngine.builder()
            .settings(settings)
            .logAlerts(false) // the command prints them
            .discoverListeners(plugins.loader() != null)
            .executor(Runnable::run)
            .clock(clock);
    ClassLoader loader = plugins.loader();
    if (loader != null) {
      builder.classLoader(loader);
    }
    if (listener != null) {
      builder.listener(listener);
    }
    return builder;
  }

  private static void check(Properties properties, String where) {
    try {
      AlertSettings.fromProperties(properties);
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + ": " + e.getMessage(), e);
    }
  }

  private static Properties read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DataException("--alerts " + file + ": no such file");
    }
    // AlertSettings.load reads the same way; it also reports an unreadable file as a GexException.
    try {
      AlertSettings.load(file);
    } catch (GexException | IllegalArgumentException e) {
      throw new DataException("--alerts " + file + ": " + e.getMessage(), e);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new DataException("--alerts " + file + ": " + e.getMessage(), e);
    }
    return p;
  }
}

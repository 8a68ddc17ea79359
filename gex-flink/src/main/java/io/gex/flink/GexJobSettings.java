package io.gex.flink;

import io.gex.GexEngine;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertSettings;
import io.gex.alerts.AlertStateStore;
import io.gex.settings.ExpirySelection;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the job's analysis operator is configured with: the engine's settings, the conflation interval and
 * the alert settings, as plain serializable values. The operator builds its {@link GexEngine} and {@link
 * AlertEngine} from them when it opens ({@link #engine}, {@link #alerts}); neither engine is ever shipped
 * in serialized form.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param rate the risk-free rate, continuous, decimal
 * @param dividendYield the dividend yield, continuous, decimal
 * @param convention which side dealers hold
 * @param expiries which expiries are analysed, as {@link ExpirySelection#parse} reads it
 * @param iv where implied volatilities come from
 * @param every the conflation interval of event time, or null for one analysis per distinct event time
 * @param alertProperties {@code gex.alerts.*} settings (empty: the defaults)
 * @param storeSnapshots whether each result carries the snapshot a {@link io.gex.store.GexStore} keeps
 */
public record GexJobSettings(
    double rate,
    double dividendYield,
    SignConvention convention,
    String expiries,
    IvSource iv,
    @Nullable Duration every,
    Map<String, String> alertProperties,
    boolean storeSnapshots)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The defaults of {@code gex analyze}, one analysis per distinct event time, no store. */
  public static final GexJobSettings DEFAULT =
      new GexJobSettings(
          GexSettings.DEFAULT.rate(),
          GexSettings.DEFAULT.dividendYield(),
          GexSettings.DEFAULT.signConvention(),
          "all",
          GexSettings.DEFAULT.ivSource(),
          null,
          Map.of(),
          false);

  /**
   * Validates by building the engine and the alert settings once (messages name the setting and value).
   *
   * @throws IllegalArgumentException if a setting is out of range or {@code every} is not positive
   */
  public GexJobSettings {
    Objects.requireNonNull(convention, "convention");
    Objects.requireNonNull(expiries, "expiries");
    Objects.requireNonNull(iv, "iv");
    // A TreeMap: serializable, and sorted for a stable toString.
    alertProperties = java.util.Collections.unmodifiableMap(new TreeMap<>(alertProperties));
    if (every != null && (every.isZero() || every.isNegative())) {
      throw new IllegalArgumentException("every must be > 0, was " + every);
    }
    GexEngine.builder()
        .rate(rate)
        .dividendYield(dividendYield)
        .signConvention(convention)
        .expirySelection(ExpirySelection.parse(expiries))
        .ivSource(iv)
        .build();
    alertSettings(alertProperties);
  }

  /** These settings with another conflation interval. */
  public GexJobSettings withEvery(@Nullable Duration value) {
    return new GexJobSettings(
        rate, dividendYield, convention, expiries, iv, value, alertProperties, storeSnapshots);
  }

  /** These settings with or without the stored snapshot in each result. */
  public GexJobSettings withStoreSnapshots(boolean value) {
    return new GexJobSettings(rate, dividendYield, convention, expiries, iv, every, alertProperties, value);
  }

  /** A new engine of these settings. */
  public GexEngine engine() {
    return GexEngine.builder()
        .rate(rate)
        .dividendYield(dividendYield)
        .signConvention(convention)
        .expirySelection(ExpirySelection.parse(expiries))
        .ivSource(iv)
        .build();
  }

  /**
   * A new alert engine of these settings, rules discovered as {@code gex analyze} discovers them, run on
   * the calling thread, cooldowns measured on {@code clock}.
   */
  public AlertEngine alerts(Clock clock) {
    return alerts(clock, AlertStateStore.inMemory());
  }

  /**
   * A new alert engine as {@link #alerts(Clock)}, its cooldowns and latest analyses kept in {@code store}
   * (the job's keyed state: {@link io.gex.flink.internal.KeyedAlertStateStore}).
   */
  public AlertEngine alerts(Clock clock, AlertStateStore store) {
    return AlertEngine.builder()
        .settings(alertSettings(alertProperties))
        .logAlerts(false)
        .discoverListeners(false)
        .executor(Runnable::run)
        .clock(clock)
        .stateStore(store)
        .build();
  }

  private static AlertSettings alertSettings(Map<String, String> properties) {
    Properties p = new Properties();
    // As the command line: a rule has 30 s, so that a loaded machine does not drop alerts.
    p.setProperty(AlertSettings.RULE_TIMEOUT_KEY, Duration.ofSeconds(30).toString());
    properties.forEach(p::setProperty);
    return AlertSettings.fromProperties(p);
  }
}

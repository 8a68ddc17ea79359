package io.gex.flink.internal;

import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.alerts.AlertKey;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AlertState;
import io.gex.alerts.AlertStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * An {@link AlertStateStore} in Flink keyed state, so that the alert state of a key is checkpointed and
 * restored with the rest of its state: {@value #COOLDOWNS}, a map state of the key's last raises ({@link
 * AlertKeySerializer}, {@link AlertStateSerializer}), and {@value #PREVIOUS}, a value state of the key's
 * latest analysis ({@link AnalysisSerializer}: its gex-json form, deflated).
 *
 * <p>Keyed state is the state of the operator's current key, so the store serves the symbol being processed
 * only: use it in {@code processElement} or {@code onTimer} of a function keyed by symbol, through an
 * {@link io.gex.alerts.AlertEngine} that runs on the task thread (executor {@code Runnable::run}). It is
 * therefore not thread-safe, unlike what {@link AlertStateStore} asks in general. As a guard against use
 * outside the right keyed context, alert keys hold their symbol, and asking for, or remembering, the
 * analysis of another symbol than the one the current key holds throws {@link IllegalStateException}.
 *
 * <p>The cooldown rule is {@link AlertStateStore}'s ({@link AlertState#suppresses}). A raise of an alert key
 * not held yet first drops the key's held raises whose cooldown is over (as the in-memory store does when it
 * holds many), so the map holds about the alert keys raised within the longest cooldown; wall keys, which
 * carry a strike, do not pile up. A state access that fails is thrown as a {@link GexException}, which the
 * engine reports in its evaluation.
 */
public final class KeyedAlertStateStore implements AlertStateStore {

  /** The name of the map state of the cooldowns. */
  public static final String COOLDOWNS = "alertCooldowns";

  /** The name of the value state of the latest analysis. */
  public static final String PREVIOUS = "previousAnalysis";

  private final MapState<AlertKey, AlertState> cooldowns;
  private final ValueState<GexAnalysis> previous;

  /**
   * The store over the keyed state of a keyed function (call from its {@code open}).
   *
   * @param context the function's runtime context
   */
  public KeyedAlertStateStore(RuntimeContext context) {
    Objects.requireNonNull(context, "context");
    this.cooldowns =
        context.getMapState(
            new MapStateDescriptor<>(COOLDOWNS, AlertKeySerializer.INSTANCE, AlertStateSerializer.INSTANCE));
    this.previous = context.getState(new ValueStateDescriptor<>(PREVIOUS, AnalysisSerializer.INSTANCE));
  }

  @Override
  public boolean tryRaise(AlertKey key, AlertSeverity severity, Instant now, Duration cooldown) {
    Objects.requireNonNull(key, "key");
    AlertState raised = AlertState.raised(severity, now, cooldown);
    try {
      AlertState old = cooldowns.get(key);
      if (old != null && old.suppresses(severity, now)) {
        return false;
      }
      if (old == null) {
        dropExpired(now);
      }
      cooldowns.put(key, raised);
      return true;
    } catch (Exception e) {
      throw failure("recording a raise of " + key, e);
    }
  }

  /** Drops the raises whose cooldown is over at {@code now}: they suppress nothing any more. */
  private void dropExpired(Instant now) throws Exception {
    Iterator<Map.Entry<AlertKey, AlertState>> it = cooldowns.iterator();
    while (it.hasNext()) {
      if (!now.isBefore(it.next().getValue().suppressedUntil())) {
        it.remove();
      }
    }
  }

  @Override
  public Optional<AlertState> lastRaised(AlertKey key) {
    Objects.requireNonNull(key, "key");
    try {
      return Optional.ofNullable(cooldowns.get(key));
    } catch (Exception e) {
      throw failure("reading the last raise of " + key, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the current key holds an analysis of another symbol (the store is used
   *     outside the keyed context of {@code symbol})
   */
  @Override
  public Optional<GexAnalysis> latestAnalysis(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return Optional.ofNullable(read(symbol));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the current key holds an analysis of another symbol (the store is used
   *     outside the keyed context of the analysis's symbol)
   */
  @Override
  public void rememberAnalysis(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    GexAnalysis latest = read(analysis.symbol());
    if (latest != null && analysis.valuationTime().isBefore(latest.valuationTime())) {
      return;
    }
    try {
      previous.update(analysis);
    } catch (Exception e) {
      throw failure("remembering the analysis of " + analysis.symbol(), e);
    }
  }

  /** The current key's analysis, checked to be of {@code symbol}; null if none. */
  private @Nullable GexAnalysis read(String symbol) {
    GexAnalysis latest;
    try {
      latest = previous.value();
    } catch (Exception e) {
      throw failure("reading the latest analysis of " + symbol, e);
    }
    if (latest != null && !latest.symbol().equals(symbol)) {
      throw new IllegalStateException(
          "the current key holds an analysis of "
              + latest.symbol()
              + ", not of "
              + symbol
              + ": the store is used outside the keyed context of "
              + symbol);
    }
    return latest;
  }

  private static GexException failure(String what, Exception e) {
    return new GexException("keyed alert state: failed " + what + ": " + e, e);
  }

  @Override
  public String toString() {
    return "KeyedAlertStateStore[" + COOLDOWNS + ", " + PREVIOUS + "]";
  }
}

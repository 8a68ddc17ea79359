package io.gex.alerts;

import io.gex.GexAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the {@link AlertEngine} keeps its state between evaluations: the cooldown of each {@link AlertKey}
 * and the latest analysis of each symbol (the "previous" snapshot of {@link
 * AlertEngine#evaluate(GexAnalysis)}). The default, {@link #inMemory()}, lives as long as the engine; the
 * storage module can back it with a database so that several processes share one cooldown.
 *
 * <p>The cooldown rule every implementation must follow, atomically per key, in {@link #tryRaise}: an alert
 * is raised when its key has no state, or {@code now} is at or after the state's {@link
 * AlertState#suppressedUntil()}, or its severity is {@linkplain AlertSeverity#isHigherThan higher} than the
 * state's severity. A raise replaces the state with {@code (severity, now, now + cooldown)}; a suppressed
 * alert leaves the state unchanged (so a stream of repeats does not extend the cooldown). {@link
 * AlertState#suppresses} is that rule.
 *
 * <p>The engine changes the state only after the listeners took an alert: it reads {@link #lastRaised} to
 * decide whether an alert is raised, tells the listeners, and calls {@link #tryRaise} to record the raise
 * only if every listener took it. An alert not delivered thus leaves no state and is raised again.
 *
 * <p>Implementations must be thread-safe: one engine may evaluate on many threads.
 */
public interface AlertStateStore {

  /**
   * Decides, atomically, whether an alert is raised or suppressed, and records a raise (see the rule
   * above).
   *
   * @param key the alert's rule, symbol and key
   * @param severity the alert's severity
   * @param now the engine clock's current instant
   * @param cooldown how long a raise suppresses repeats of the same or lower severity ({@code >= 0})
   * @return true if the alert is raised, false if it is suppressed
   * @throws RuntimeException if the store cannot be reached; the engine (which calls this after the alert
   *     was delivered) reports the failure in the evaluation
   */
  boolean tryRaise(AlertKey key, AlertSeverity severity, Instant now, Duration cooldown);

  /**
   * The last raise of a key, if it was ever raised (and not yet forgotten by the store).
   *
   * @throws RuntimeException if the store cannot be reached; the engine then raises the alert (it prefers a
   *     repeat to a missed alert) and reports the failure in the evaluation
   */
  Optional<AlertState> lastRaised(AlertKey key);

  /** The latest analysis remembered for a symbol: the one with the latest valuation time. */
  Optional<GexAnalysis> latestAnalysis(String symbol);

  /**
   * Remembers an analysis as its symbol's latest, unless an analysis with a later valuation time is already
   * remembered (so an out-of-order evaluation does not move the symbol back in time).
   */
  void rememberAnalysis(GexAnalysis analysis);

  /**
   * A new thread-safe in-memory store. It forgets a key once its cooldown is over and more than {@code
   * 10_000} keys are held, and keeps one analysis per symbol.
   */
  static AlertStateStore inMemory() {
    return new InMemoryAlertStateStore();
  }
}

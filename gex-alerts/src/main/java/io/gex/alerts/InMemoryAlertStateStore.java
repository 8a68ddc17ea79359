package io.gex.alerts;

import io.gex.GexAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The default {@link AlertStateStore}: two concurrent maps. Thread-safe. */
final class InMemoryAlertStateStore implements AlertStateStore {

  /** Above this many keys, expired ones are dropped (wall keys carry a strike, so keys accumulate). */
  static final int PRUNE_ABOVE = 10_000;

  private final ConcurrentMap<AlertKey, AlertState> states = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, GexAnalysis> latest = new ConcurrentHashMap<>();

  @Override
  public boolean tryRaise(AlertKey key, AlertSeverity severity, Instant now, Duration cooldown) {
    Objects.requireNonNull(key, "key");
    AlertState candidate = AlertState.raised(severity, now, cooldown);
    boolean[] raised = new boolean[1];
    states.compute(
        key,
        (k, old) -> {
          if (old == null || !old.suppresses(severity, now)) {
            raised[0] = true;
            return candidate;
          }
          return old;
        });
    if (raised[0] && states.size() > PRUNE_ABOVE) {
      states.values().removeIf(s -> !now.isBefore(s.suppressedUntil()));
    }
    return raised[0];
  }

  @Override
  public Optional<AlertState> lastRaised(AlertKey key) {
    return Optional.ofNullable(states.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public Optional<GexAnalysis> latestAnalysis(String symbol) {
    return Optional.ofNullable(latest.get(Objects.requireNonNull(symbol, "symbol")));
  }

  @Override
  public void rememberAnalysis(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    latest.merge(
        analysis.symbol(),
        analysis,
        (old, now) -> now.valuationTime().isBefore(old.valuationTime()) ? old : now);
  }

  @Override
  public String toString() {
    return "InMemoryAlertStateStore[" + states.size() + " keys, " + latest.size() + " symbols]";
  }
}

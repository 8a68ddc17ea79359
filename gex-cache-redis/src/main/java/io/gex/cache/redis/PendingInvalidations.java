package io.gex.cache.redis;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invalidations that have not reached Redis yet: the newest instant asked for per symbol, with the number
 * of attempts that failed. One is dropped, with a WARN, once its failed attempts reach the limit, so that
 * an invalidation Redis keeps refusing is not replayed for ever; an invalidation that could not be sent at
 * all (no connection) waits without using up attempts.
 *
 * <p>This class is thread-safe; one replay runs at a time.
 */
final class PendingInvalidations {

  private static final Logger LOG = LoggerFactory.getLogger(RedisGexCache.class);

  /** Runs one invalidation in Redis; answers the number of entries deleted. */
  @FunctionalInterface
  interface Invalidation {
    long run(String symbol, Instant newest);
  }

  /** Told of a failed replay; answers whether to go on with the other symbols. */
  @FunctionalInterface
  interface FailureHandler {
    boolean failed(RuntimeException failure);
  }

  private record Pending(Instant newest, int failures) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean replaying = new AtomicBoolean();
  private final LongAdder dropped = new LongAdder();
  private final int maxAttempts;
  private final Runnable onDrop;

  /**
   * @param maxAttempts failed attempts after which an invalidation is dropped, {@code >= 1}
   * @param onDrop called once per dropped invalidation (to count it)
   */
  PendingInvalidations(int maxAttempts, Runnable onDrop) {
    this.maxAttempts = maxAttempts;
    this.onDrop = onDrop;
  }

  /**
   * Keeps an invalidation for replay (the newest instant per symbol), or drops it when this failure is
   * the last attempt allowed.
   *
   * @param failedAttempt whether it was tried and failed, rather than not sent at all
   * @param cause the failure, for the warning
   */
  void remember(String symbol, Instant newest, boolean failedAttempt, @Nullable Exception cause) {
    Pending[] droppedOne = new Pending[1];
    pending.compute(
        symbol,
        (s, p) -> {
          Instant later = p == null || newest.isAfter(p.newest()) ? newest : p.newest();
          int failures = (p == null ? 0 : p.failures()) + (failedAttempt ? 1 : 0);
          if (failures >= maxAttempts) {
            droppedOne[0] = new Pending(later, failures);
            return null;
          }
          return new Pending(later, failures);
        });
    Pending d = droppedOne[0];
    if (d != null) {
      dropped.increment();
      onDrop.run();
      LOG.warn(
          "Dropping the invalidation of {} entries older than {} after {} failed attempts (last: {}); "
              + "they expire with their time to live",
          symbol,
          d.newest(),
          d.failures(),
          cause == null ? "none" : cause.toString());
    }
  }

  /** An invalidation of the symbol up to {@code newest} succeeded: one pending up to then is done too. */
  void done(String symbol, Instant newest) {
    pending.computeIfPresent(symbol, (s, p) -> p.newest().isAfter(newest) ? p : null);
  }

  /**
   * Replays every pending invalidation in the calling thread, unless a replay is already running. A
   * failure uses up one attempt of its symbol; the handler says whether to go on.
   *
   * @return the number of entries the replays deleted
   */
  long replay(Invalidation invalidation, FailureHandler onFailure) {
    if (pending.isEmpty() || !replaying.compareAndSet(false, true)) {
      return 0;
    }
    long deleted = 0;
    try {
      for (Map.Entry<String, Pending> e : Map.copyOf(pending).entrySet()) {
        String symbol = e.getKey();
        Pending p = e.getValue();
        try {
          deleted += invalidation.run(symbol, p.newest());
          pending.remove(symbol, p);
        } catch (RuntimeException failure) {
          remember(symbol, p.newest(), true, failure);
          if (!onFailure.failed(failure)) {
            break;
          }
        }
      }
    } finally {
      replaying.set(false);
    }
    return deleted;
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  Set<String> symbols() {
    return Set.copyOf(pending.keySet());
  }

  long dropped() {
    return dropped.sum();
  }
}

package io.gex.cache.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker: after {@code failureThreshold} consecutive failures it opens and refuses calls
 * for {@code openInterval}; then it lets one probe call through (half-open); the probe's success closes it,
 * its failure opens it again for another interval.
 *
 * <p>Written here rather than taken from a resilience library because the cache needs only this, and a
 * library for it would add a dependency to every user of the Redis level.
 *
 * <p>This class is thread-safe (its methods are synchronized; each is a few nanoseconds).
 */
public final class CircuitBreaker {

  /** The breaker's state. */
  public enum State {
    /** Calls go through; failures are counted. */
    CLOSED,
    /** Calls are refused until the open interval has passed. */
    OPEN,
    /** One probe call is going through; others are refused until it reports. */
    HALF_OPEN
  }

  private final int failureThreshold;
  private final long openNanos;
  private final LongSupplier ticker;

  private State state = State.CLOSED;
  private int consecutiveFailures;
  private long openedAt;
  private long opened;

  /**
   * A closed breaker.
   *
   * @param failureThreshold consecutive failures that open it, {@code >= 1}
   * @param openInterval how long it stays open before a probe, {@code > 0}
   * @param ticker a nanosecond ticker such as {@link System#nanoTime()}
   * @throws IllegalArgumentException if a value is out of range
   */
  public CircuitBreaker(int failureThreshold, Duration openInterval, LongSupplier ticker) {
    Objects.requireNonNull(openInterval, "openInterval");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
    }
    if (openInterval.isNegative() || openInterval.isZero()) {
      throw new IllegalArgumentException("openInterval must be > 0, was " + openInterval);
    }
    this.failureThreshold = failureThreshold;
    this.openNanos = openInterval.toNanos();
  }

  /**
   * Whether a call may go through now. A caller that is allowed must report with {@link #success()} or
   * {@link #failure()}.
   */
  public synchronized boolean tryAcquire() {
    switch (state) {
      case CLOSED:
        return true;
      case OPEN:
        if (ticker.getAsLong() - openedAt >= openNanos) {
          state = State.HALF_OPEN;
          return true;
        }
        return false;
      case HALF_OPEN:
      default:
        return false;
    }
  }

  /** Reports a call that succeeded: the breaker closes. */
  public synchronized void success() {
    consecutiveFailures = 0;
    state = State.CLOSED;
  }

  /** Reports a call that failed: the breaker opens after enough consecutive failures, or a failed probe. */
  public synchronized void failure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= failureThreshold)) {
      open();
    }
  }

  /** Opens the breaker now, whatever its state (for example when there is no connection at all). */
  public synchronized void forceOpen() {
    if (state != State.OPEN) {
      open();
    }
  }

  private void open() {
    state = State.OPEN;
    openedAt = ticker.getAsLong();
    opened++;
  }

  /** The current state (an open breaker whose interval has passed still says OPEN until a call probes). */
  public synchronized State state() {
    return state;
  }

  /** How many times the breaker has opened. */
  public synchronized long timesOpened() {
    return opened;
  }

  @Override
  public synchronized String toString() {
    return "CircuitBreaker[" + state + ", failures=" + consecutiveFailures + "]";
  }
}

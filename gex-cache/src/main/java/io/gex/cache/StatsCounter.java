package io.gex.cache;

import java.util.concurrent.atomic.LongAdder;

/**
 * Mutable counters behind {@link CacheStats}, for implementations of {@link GexCache}. Each method is a
 * few nanoseconds.
 *
 * <p>This class is thread-safe.
 */
public final class StatsCounter {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder invalidations = new LongAdder();
  private final LongAdder latencyCount = new LongAdder();
  private final LongAdder totalLatencyNanos = new LongAdder();

  /** New counters, all zero. */
  public StatsCounter() {}

  /** Counts a lookup that answered an analysis. */
  public void hit() {
    hits.increment();
  }

  /** Counts a lookup that answered nothing. */
  public void miss() {
    misses.increment();
  }

  /** Counts a stored analysis. */
  public void put() {
    puts.increment();
  }

  /** Counts a failure of the level. */
  public void error() {
    errors.increment();
  }

  /**
   * Counts dropped entries.
   *
   * @param count how many, {@code >= 0}
   */
  public void invalidated(long count) {
    invalidations.add(Math.max(0, count));
  }

  /**
   * Adds the duration of one call.
   *
   * @param nanos the duration in nanoseconds; negative values (a ticker that went back) count as 0
   */
  public void latency(long nanos) {
    latencyCount.increment();
    totalLatencyNanos.add(Math.max(0, nanos));
  }

  /** A snapshot of the counters. */
  public CacheStats snapshot() {
    return new CacheStats(
        hits.sum(),
        misses.sum(),
        puts.sum(),
        errors.sum(),
        invalidations.sum(),
        latencyCount.sum(),
        totalLatencyNanos.sum());
  }
}

package io.gex.cache;

/**
 * A snapshot of one cache level's counters since it was created.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param hits lookups that answered an analysis
 * @param misses lookups that answered nothing (absent, expired, invalidated, stale, failed or corrupt)
 * @param puts analyses stored
 * @param errors failures of the level: timeouts, lost connections, calls refused while a circuit breaker
 *     is open, entries that did not decode; each also counts as a miss when it happened on a lookup
 * @param invalidations entries dropped by {@link GexCache#invalidateOlder} or an invalidation broadcast
 * @param latencyCount calls whose duration is in {@code totalLatencyNanos}
 * @param totalLatencyNanos summed wall-clock duration of the level's get, put and invalidate calls, in
 *     nanoseconds
 */
public record CacheStats(
    long hits,
    long misses,
    long puts,
    long errors,
    long invalidations,
    long latencyCount,
    long totalLatencyNanos) {

  /** All counters zero. */
  public static final CacheStats EMPTY = new CacheStats(0, 0, 0, 0, 0, 0, 0);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the counter if one is negative
   */
  public CacheStats {
    nonNegative("hits", hits);
    nonNegative("misses", misses);
    nonNegative("puts", puts);
    nonNegative("errors", errors);
    nonNegative("invalidations", invalidations);
    nonNegative("latencyCount", latencyCount);
    nonNegative("totalLatencyNanos", totalLatencyNanos);
  }

  private static void nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
  }

  /** Hits plus misses. */
  public long requestCount() {
    return hits + misses;
  }

  /** Hits over requests, in [0, 1]; 0 when there was no request. */
  public double hitRate() {
    long requests = requestCount();
    return requests == 0 ? 0 : (double) hits / requests;
  }

  /** Mean duration of a timed call in nanoseconds; 0 when none was timed. */
  public double averageLatencyNanos() {
    return latencyCount == 0 ? 0 : (double) totalLatencyNanos / latencyCount;
  }

  /** The counter-by-counter sum of two snapshots. */
  public CacheStats plus(CacheStats other) {
    return new CacheStats(
        hits + other.hits,
        misses + other.misses,
        puts + other.puts,
        errors + other.errors,
        invalidations + other.invalidations,
        latencyCount + other.latencyCount,
        totalLatencyNanos + other.totalLatencyNanos);
  }
}

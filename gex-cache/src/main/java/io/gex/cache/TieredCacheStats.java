package io.gex.cache;

import java.util.Objects;

/**
 * A snapshot of a {@link TieredGexCache}'s counters: its own view of requests, each level's counters, and
 * the computations it ran.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param overall the tiered cache's own requests: a hit was answered by either level, a miss was computed
 *     (or could not be answered), latency is the whole call including any computation
 * @param firstLevel the first level's counters (including the tiered cache's re-checks)
 * @param secondLevel the second level's counters, all zero when there is none
 * @param firstLevelHits requests answered by the first level
 * @param secondLevelHits requests answered by the second level (and then copied into the first)
 * @param loads computations run on a miss
 * @param loadFailures computations that threw
 * @param totalLoadNanos summed duration of the computations, in nanoseconds
 * @param staleRejections requests for a valuation instant older than the newest this instance knows of
 *     for the symbol: computed, never answered from or stored in a cache
 * @param coalescedWaits requests that waited for a computation of the same key already running in
 *     another thread instead of computing again
 */
public record TieredCacheStats(
    CacheStats overall,
    CacheStats firstLevel,
    CacheStats secondLevel,
    long firstLevelHits,
    long secondLevelHits,
    long loads,
    long loadFailures,
    long totalLoadNanos,
    long staleRejections,
    long coalescedWaits) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the counter if one is negative
   */
  public TieredCacheStats {
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(firstLevel, "firstLevel");
    Objects.requireNonNull(secondLevel, "secondLevel");
    long[] values = {
      firstLevelHits, secondLevelHits, loads, loadFailures, totalLoadNanos, staleRejections, coalescedWaits
    };
    String[] names = {
      "firstLevelHits", "secondLevelHits", "loads", "loadFailures", "totalLoadNanos", "staleRejections",
      "coalescedWaits"
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException(names[i] + " must be >= 0, was " + values[i]);
      }
    }
  }

  /** Mean duration of a computation in nanoseconds; 0 when none ran. */
  public double averageLoadNanos() {
    return loads == 0 ? 0 : (double) totalLoadNanos / loads;
  }
}

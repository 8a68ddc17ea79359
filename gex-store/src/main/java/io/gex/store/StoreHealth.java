package io.gex.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a {@link GexStore} can serve requests now, as found by {@link GexStore#health()}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param healthy whether the store answered
 * @param store the store's id, such as {@code memory} or {@code postgres}
 * @param detail what was checked or what failed, for people (never credentials)
 * @param latency how long the check took
 */
public record StoreHealth(boolean healthy, String store, String detail, Duration latency) {

  /** Validates. */
  public StoreHealth {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + latency);
    }
  }

  /** A healthy report. */
  public static StoreHealth up(String store, String detail, Duration latency) {
    return new StoreHealth(true, store, detail, latency);
  }

  /** An unhealthy report. */
  public static StoreHealth down(String store, String detail, Duration latency) {
    return new StoreHealth(false, store, detail, latency);
  }
}

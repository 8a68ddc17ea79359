package io.gex.flink;

import io.gex.chain.OptionChain;
import io.gex.live.MarketEvent;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input of the job: either a whole chain (a snapshot, which replaces the underlying's state) or one
 * {@link MarketEvent} of an underlying (spot, a contract's bid, ask, implied volatility or open interest, a
 * listing, a delisting, a clock move). The job keys events by {@link #underlying()}.
 *
 * <p>Exactly one of {@link #snapshot()} and {@link #event()} is set. This class is immutable and
 * thread-safe.
 *
 * @param underlying the underlying symbol, the key
 * @param snapshot the chain, for a snapshot
 * @param event the market event, otherwise
 */
public record GexEvent(String underlying, @Nullable OptionChain snapshot, @Nullable MarketEvent event) {

  /**
   * @throws IllegalArgumentException if both or neither of snapshot and event are given, or a snapshot's
   *     underlying is not {@code underlying}
   */
  public GexEvent {
    Objects.requireNonNull(underlying, "underlying");
    if ((snapshot == null) == (event == null)) {
      throw new IllegalArgumentException("a GexEvent holds a snapshot or a market event, not "
          + (snapshot == null ? "neither" : "both"));
    }
    if (snapshot != null && !snapshot.underlying().equals(underlying)) {
      throw new IllegalArgumentException(
          "underlying must be the snapshot's " + snapshot.underlying() + ", was " + underlying);
    }
  }

  /** A snapshot of a chain, at its valuation time. */
  public static GexEvent snapshot(OptionChain chain) {
    return new GexEvent(chain.underlying(), chain, null);
  }

  /** A market event of an underlying. */
  public static GexEvent market(String underlying, MarketEvent event) {
    return new GexEvent(underlying, null, Objects.requireNonNull(event, "event"));
  }

  /** When: a snapshot's valuation time, or the event's time. */
  public Instant time() {
    OptionChain s = snapshot;
    return s != null ? s.valuationTime() : Objects.requireNonNull(event).time();
  }

  /** Whether this is a snapshot. */
  public boolean isSnapshot() {
    return snapshot != null;
  }
}

package io.gex.flink.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock set to the valuation time of the analysis being evaluated, so that alert cooldowns are measured
 * in event time (as {@code gex live} measures them in replay time). One task, one thread.
 */
public final class EventClock extends Clock {
  private Instant now;

  /** A clock at {@code now}. */
  public EventClock(Instant now) {
    this.now = now;
  }

  /** Moves the clock. */
  public void set(Instant value) {
    now = value;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }
}

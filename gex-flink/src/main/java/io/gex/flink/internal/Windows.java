package io.gex.flink.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The conflation windows of event time, as {@code gex live --every} cuts them: windows of D aligned on
 * midnight UTC (the last of a day is cut short at midnight); without D, every distinct instant is its own
 * window. Also the event-time timer that closes a window: the last millisecond before its end, which a
 * watermark passes once an event at or after the end has been seen.
 */
public final class Windows {
  private static final long DAY_NANOS = 86_400_000_000_000L;

  private Windows() {}

  /** The end (exclusive) of the window holding {@code t}. */
  public static Instant end(Instant t, @Nullable Duration every) {
    if (every == null) {
      return t.plusNanos(1);
    }
    long nanos = every.toNanos();
    Instant day = t.truncatedTo(ChronoUnit.DAYS);
    long inDay = Duration.between(day, t).toNanos() / nanos;
    long end = Math.min((inDay + 1) * nanos, DAY_NANOS);
    return day.plusNanos(end);
  }

  /** The event-time timer (epoch milliseconds) that closes the window holding {@code t}. */
  public static long timer(Instant t, @Nullable Duration every) {
    Instant end = end(t, every);
    long ms = end.toEpochMilli(); // floor
    boolean whole = end.getNano() % 1_000_000 == 0;
    return (whole ? ms : ms + 1) - 1;
  }
}

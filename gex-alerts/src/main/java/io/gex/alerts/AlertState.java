package io.gex.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The last raise of one {@link AlertKey}: at what severity, when, and until when repeats are suppressed.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param severity the severity last raised
 * @param raisedAt when it was raised (the engine clock's instant)
 * @param suppressedUntil raisedAt + the cooldown in force then; from this instant on, the key may be raised
 *     again at any severity
 */
public record AlertState(AlertSeverity severity, Instant raisedAt, Instant suppressedUntil) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if suppressedUntil is before raisedAt
   */
  public AlertState {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(raisedAt, "raisedAt");
    Objects.requireNonNull(suppressedUntil, "suppressedUntil");
    if (suppressedUntil.isBefore(raisedAt)) {
      throw new IllegalArgumentException(
          "suppressedUntil must not be before raisedAt " + raisedAt + ", was " + suppressedUntil);
    }
  }

  /**
   * A raise at {@code now} at this severity, suppressing repeats for {@code cooldown}: what an {@link
   * AlertStateStore} records when {@link AlertStateStore#tryRaise} raises.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the cooldown is negative
   */
  public static AlertState raised(AlertSeverity severity, Instant now, Duration cooldown) {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(cooldown, "cooldown");
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("cooldown must be >= 0, was " + cooldown);
    }
    return new AlertState(severity, now, now.plus(cooldown));
  }

  /**
   * Whether this raise suppresses an alert of the same key: {@code now} is before {@link #suppressedUntil()}
   * and the alert's severity is not {@linkplain AlertSeverity#isHigherThan higher} than {@link #severity()}.
   * This is the cooldown rule of {@link AlertStateStore}.
   *
   * @param severity the new alert's severity
   * @param now the engine clock's current instant
   * @throws NullPointerException if an argument is null
   */
  public boolean suppresses(AlertSeverity severity, Instant now) {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(now, "now");
    return now.isBefore(suppressedUntil) && !severity.isHigherThan(this.severity);
  }
}

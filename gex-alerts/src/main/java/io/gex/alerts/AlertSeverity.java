package io.gex.alerts;

/**
 * How urgent an alert is, in ascending order: {@code INFO < LOW < MEDIUM < HIGH < CRITICAL}. The
 * cooldown lets an alert through again early only when its severity {@linkplain #isHigherThan rises}.
 */
public enum AlertSeverity {
  /** Worth knowing; no action expected. */
  INFO,
  /** A condition is developing. */
  LOW,
  /** A condition is present and worth watching. */
  MEDIUM,
  /** A condition is strong or near; act on it. */
  HIGH,
  /** The strongest level: act now. */
  CRITICAL;

  /** Whether this severity is strictly above another. */
  public boolean isHigherThan(AlertSeverity other) {
    return compareTo(other) > 0;
  }
}

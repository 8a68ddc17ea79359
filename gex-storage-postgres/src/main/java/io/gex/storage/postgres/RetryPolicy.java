package io.gex.storage.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PostgresGexStore} retries an operation that failed transiently: at most {@code
 * maxAttempts} attempts in all, waiting {@code baseDelay}, then twice that, and so on, never more than
 * {@code maxDelay} between two attempts, and no new attempt once {@code maxElapsed} (the retry budget)
 * would be passed: an attempt starts only if the time since the first one began plus the wait before it
 * is at most {@code maxElapsed}.
 *
 * <p>Transient failures are the connection failures (SQLState class {@code 08}, and the pool's {@link
 * SQLTransientException} when it cannot get a connection in time), serialization failures ({@code
 * 40001}), deadlocks ({@code 40P01}) and a server that is shutting down or starting ({@code 57P01}, which
 * {@code pg_terminate_backend} raises, {@code 57P02}, {@code 57P03}). Everything else (a constraint
 * violation, a syntax error, a missing table, a permission denied) fails at once, on the first attempt.
 * A connection the pool the store built could not open is not retried either: the pool has already
 * spent its whole connection timeout trying to connect (a pool that was only busy is waited for again).
 *
 * <p>A failed attempt is rolled back whole before the next one, and saves are idempotent (a save replaces
 * the snapshot of the same symbol and instant), so retrying a save is safe, even one whose commit outcome
 * was unknown ({@link CommitOutcomeUnknownException}).
 *
 * <p>This class is immutable and thread-safe (as far as its sleeper is).
 *
 * @param maxAttempts attempts in all, {@code >= 1} (1 = no retry)
 * @param baseDelay the wait before the second attempt, {@code >= 0}
 * @param maxDelay the longest wait between two attempts, {@code >= baseDelay}
 * @param maxElapsed the retry budget: no attempt starts later than this after the first began, {@code >=
 *     0} (0 = no retry)
 * @param sleeper how to wait (tests pass one that records and returns at once)
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxElapsed, Sleeper sleeper) {

  /** The default retry budget: 10 seconds. */
  public static final Duration DEFAULT_MAX_ELAPSED = Duration.ofSeconds(10);

  /** Four attempts, waiting 100 ms, 200 ms and 400 ms (at most 2 s), within 10 s of the first. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), DEFAULT_MAX_ELAPSED, Sleeper.THREAD);

  /** One attempt: no retry. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Sleeper.THREAD);

  /**
   * A policy with the {@linkplain #DEFAULT_MAX_ELAPSED default retry budget}.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
    this(maxAttempts, baseDelay, maxDelay, DEFAULT_MAX_ELAPSED, sleeper);
  }

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    /** {@link Thread#sleep}. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    /**
     * Waits this long.
     *
     * @throws InterruptedException if interrupted; the operation then stops with the last failure
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxElapsed, "maxElapsed");
    Objects.requireNonNull(sleeper, "sleeper");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay must be >= 0, was " + baseDelay);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay must be >= baseDelay (" + baseDelay + "), was " + maxDelay);
    }
    if (maxElapsed.isNegative()) {
      throw new IllegalArgumentException("maxElapsed must be >= 0, was " + maxElapsed);
    }
  }

  /** A copy with another sleeper. */
  public RetryPolicy withSleeper(Sleeper newSleeper) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxElapsed, newSleeper);
  }

  /**
   * A copy with another number of attempts.
   *
   * @throws IllegalArgumentException if {@code value < 1}
   */
  public RetryPolicy withMaxAttempts(int value) {
    return new RetryPolicy(value, baseDelay, maxDelay, maxElapsed, sleeper);
  }

  /**
   * A copy with another retry budget.
   *
   * @throws IllegalArgumentException if the budget is negative
   */
  public RetryPolicy withMaxElapsed(Duration value) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, value, sleeper);
  }

  /**
   * Whether another attempt may start: {@code failedAttempts < maxAttempts} and {@code elapsed + delay <=
   * maxElapsed}.
   *
   * @param failedAttempts attempts made so far, all failed
   * @param elapsed time since the first attempt began
   * @param delay the wait before the next attempt
   */
  public boolean mayRetry(int failedAttempts, Duration elapsed, Duration delay) {
    return failedAttempts < maxAttempts && elapsed.plus(delay).compareTo(maxElapsed) <= 0;
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based): {@code baseDelay * 2^(attempt-1)}, at most
   * {@code maxDelay}.
   */
  public Duration delayAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    Duration d = baseDelay;
    for (int i = 1; i < attempt && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  /**
   * Whether a failure is worth retrying: it, a cause or a chained exception is transient as described in
   * the class documentation.
   */
  public static boolean isTransient(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLException) {
        for (SQLException e = (SQLException) t; e != null && depth < 20; e = e.getNextException(), depth++) {
          if (e instanceof SQLTransientException || isTransientState(e.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether an SQLState is one of the transient ones described in the class documentation. */
  public static boolean isTransientState(@org.jspecify.annotations.Nullable String sqlState) {
    if (sqlState == null) {
      return false;
    }
    return sqlState.startsWith("08")
        || sqlState.equals("40001")
        || sqlState.equals("40P01")
        || sqlState.equals("57P01")
        || sqlState.equals("57P02")
        || sqlState.equals("57P03");
  }
}

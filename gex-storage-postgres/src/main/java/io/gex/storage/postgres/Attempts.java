package io.gex.storage.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.gex.store.GexStorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a store's database work on a connection from its data source, retrying transient failures as its
 * {@link RetryPolicy} allows, and turns the final failure into a {@link GexStorageException} (a {@link
 * CommitOutcomeUnknownException} when an attempt broke at commit).
 *
 * <p>This class is thread-safe.
 */
final class Attempts {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresGexStore.class);

  private final DataSource dataSource;
  private final @Nullable HikariDataSource ownedPool;
  private final RetryPolicy retry;

  /**
   * @param dataSource where connections come from
   * @param ownedPool the same data source when it is the pool the store built, else null
   * @param retry how to retry
   */
  Attempts(DataSource dataSource, @Nullable HikariDataSource ownedPool, RetryPolicy retry) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.retry = retry;
  }

  /** Work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs the work on a connection, retrying transient failures as {@link #retry} allows. A connection
   * that the pool this store built could not open is not retried: the pool already spent its whole
   * connection timeout trying to connect.
   *
   * @param what what is done, for messages ("save snapshot SPX at ...")
   * @throws CommitOutcomeUnknownException if an attempt broke at commit and none succeeded
   * @throws GexStorageException if the work failed otherwise
   */
  <T> T run(String what, SqlWork<T> work) {
    long start = System.nanoTime();
    boolean commitUnknown = false;
    for (int attempt = 1; ; attempt++) {
      SQLException failure;
      boolean connecting = true;
      try (Connection c = dataSource.getConnection()) {
        connecting = false;
        try {
          return work.run(c);
        } catch (Transactions.CommitUnknown e) {
          discard(c);
          throw e;
        }
      } catch (SQLException e) {
        failure = e;
      }
      if (failure instanceof Transactions.CommitUnknown) {
        commitUnknown = true;
        failure = ((Transactions.CommitUnknown) failure).driverException();
      }
      boolean transientFailure = RetryPolicy.isTransient(failure);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      Duration delay = retry.delayAfter(attempt);
      if (!transientFailure
          || (connecting && poolCouldNotConnect(failure))
          || !retry.mayRetry(attempt, elapsed, delay)) {
        String message =
            what
                + (commitUnknown ? " may or may not have been committed" : " failed")
                + (transientFailure ? " after " + attempt + " attempt(s) in " + millis(elapsed) : "")
                + " [SQLState "
                + failure.getSQLState()
                + "]: "
                + failure.getMessage()
                + (commitUnknown
                    ? " (the connection broke at commit; saving it again is safe: saves replace the"
                        + " snapshot of the same symbol and instant)"
                    : "");
        throw commitUnknown
            ? new CommitOutcomeUnknownException(message, failure)
            : new GexStorageException(message, failure);
      }
      if (commitUnknown) {
        LOG.info("{}: commit outcome unknown ({}); retrying, which is safe", what, failure.toString());
      } else {
        LOG.debug(
            "{} failed transiently (attempt {}), retrying in {}: {}", what, attempt, delay, failure.toString());
      }
      try {
        retry.sleeper().sleep(delay);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        String message = what + " interrupted while waiting to retry";
        throw commitUnknown
            ? new CommitOutcomeUnknownException(message + "; an earlier attempt broke at commit", failure)
            : new GexStorageException(message, failure);
      }
    }
  }

  /**
   * Whether the pool this store built gave up on a connection because it could not open one (HikariCP's
   * timeout then carries the last connection failure as its cause), rather than because every connection
   * was busy (no cause), which is worth another wait.
   */
  private boolean poolCouldNotConnect(SQLException failure) {
    return ownedPool != null
        && failure instanceof java.sql.SQLTransientConnectionException
        && failure.getCause() != null;
  }

  /**
   * Keeps a connection that broke at commit out of the pool: the driver does not always see that it is
   * dead (the failure may have come after the commit's reply), and the pool would hand it out again.
   */
  private void discard(Connection c) {
    try {
      if (ownedPool != null) {
        ownedPool.evictConnection(c);
      } else {
        c.abort(Runnable::run);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Discarding a connection that broke at commit failed", e);
    }
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

}

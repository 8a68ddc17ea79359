package io.gex.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/** Runs a body in one transaction on a connection, restoring its auto-commit mode afterwards. */
final class Transactions {

  /** Work that runs inside the transaction. */
  @FunctionalInterface
  interface SqlBody<T> {
    T run() throws SQLException;
  }

  /** Called right after a successful commit (tests use it to break the connection there). */
  @FunctionalInterface
  interface AfterCommit {
    AfterCommit NONE = () -> {};

    void run() throws SQLException;
  }

  /**
   * A failure at {@code COMMIT} (or right after it) that leaves the outcome unknown: the transaction may
   * have been committed. Carries the driver's exception as its cause and its SQLState, so {@link
   * RetryPolicy#isTransient} classifies it as it would the original.
   */
  static final class CommitUnknown extends SQLException {
    private static final long serialVersionUID = 1L;
    private final SQLException driverException;

    CommitUnknown(SQLException cause) {
      super("commit outcome unknown: " + cause.getMessage(), cause.getSQLState(), cause);
      this.driverException = cause;
    }

    SQLException driverException() {
      return driverException;
    }
  }

  private Transactions() {}

  /**
   * Runs the body and commits, or rolls back and rethrows what it threw (a failed rollback is added as
   * suppressed). A read-only transaction is REPEATABLE READ, so a reader sees one snapshot of every table.
   */
  static <T> T run(Connection c, boolean readOnly, SqlBody<T> body) throws SQLException {
    return run(c, readOnly, body, AfterCommit.NONE);
  }

  /**
   * As {@link #run(Connection, boolean, SqlBody)}; a failure of the commit itself, or of {@code
   * afterCommit}, that may have left the transaction committed is thrown as {@link CommitUnknown}.
   */
  static <T> T run(Connection c, boolean readOnly, SqlBody<T> body, AfterCommit afterCommit)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    boolean committing = false;
    try {
      if (readOnly) {
        try (Statement st = c.createStatement()) {
          st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
      }
      T result = body.run();
      committing = true;
      c.commit();
      afterCommit.run();
      return result;
    } catch (SQLException e) {
      SQLException thrown = committing && outcomeUnknown(c, e) ? new CommitUnknown(e) : e;
      rollbackQuietly(c, thrown);
      throw thrown;
    } catch (RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    } finally {
      try {
        c.setAutoCommit(autoCommit);
      } catch (SQLException ignored) {
        // A broken connection; the pool discards it.
      }
    }
  }

  /**
   * Whether a failure at commit leaves the outcome unknown. The server says for certain that a commit was
   * rolled back when it answers with an error on a connection that stays open (a serialization failure or
   * a deferred constraint, say). A lost connection (SQLState class {@code 08}), a terminated backend
   * ({@code 57P01}-{@code 57P03}), no SQLState (an I/O failure) or a connection now closed says nothing
   * about whether the server committed before it went away.
   */
  static boolean outcomeUnknown(Connection c, SQLException e) {
    @Nullable String state = e.getSQLState();
    if (state == null || state.startsWith("08") || state.startsWith("57P")) {
      return true;
    }
    try {
      return c.isClosed();
    } catch (SQLException closedCheck) {
      return true;
    }
  }

  private static void rollbackQuietly(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }
}

package io.gex.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a body in one transaction on a connection, restoring its auto-commit mode afterwards. */
final class Transactions {

  /** Work that runs inside the transaction. */
  @FunctionalInterface
  interface SqlBody<T> {
    T run() throws SQLException;
  }

  private Transactions() {}

  /**
   * Runs the body and commits, or rolls back and rethrows what it threw (a failed rollback is added as
   * suppressed). A read-only transaction is REPEATABLE READ, so a reader sees one snapshot of every table.
   */
  static <T> T run(Connection c, boolean readOnly, SqlBody<T> body) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      if (readOnly) {
        try (Statement st = c.createStatement()) {
          st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
      }
      T result = body.run();
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      try {
        c.setAutoCommit(autoCommit);
      } catch (SQLException ignored) {
        // A broken connection; the pool discards it.
      }
    }
  }
}

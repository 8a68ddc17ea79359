package io.gex.storage.postgres;

import java.sql.SQLException;

/**
 * Called by {@link PostgresGexStore#save} at fixed points of the write transaction, with the attempt
 * number and the server process id of the connection; for tests that break a connection mid-write. Not
 * API.
 */
@FunctionalInterface
interface SaveHook {

  /** Where in the write transaction the hook is called. */
  enum Point {
    /** After the snapshot row is inserted, before the contracts. */
    AFTER_SNAPSHOT_ROW,
    /** Half-way through the COPY of the contracts, after flushing what was written. */
    MID_COPY,
    /** After every statement, before the commit. */
    BEFORE_COMMIT,
    /**
     * Right after the commit returned; an exception thrown here is treated as a failure of the commit
     * (as if its reply had been lost), so tests can reach the outcome-unknown path with data committed.
     */
    AFTER_COMMIT
  }

  SaveHook NONE = (point, attempt, backendPid) -> {};

  void at(Point point, int attempt, int backendPid) throws SQLException;
}

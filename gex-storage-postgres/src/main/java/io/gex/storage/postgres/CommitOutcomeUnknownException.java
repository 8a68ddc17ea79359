package io.gex.storage.postgres;

import io.gex.store.GexStorageException;

/**
 * A save failed in a way that leaves its outcome unknown: the connection broke while {@code COMMIT} was
 * under way or just after it was sent, so the transaction may or may not have been committed. The
 * snapshot may be in the database.
 *
 * <p>Saving the same snapshot again is safe and settles it: {@link PostgresGexStore#save} is idempotent
 * (a snapshot is identified by its symbol and valuation instant, and a save replaces the snapshot of that
 * identity, with its contracts and alerts, in one transaction), so a retry leaves exactly one copy. The
 * store already retries within its {@link RetryPolicy}; this is thrown when the last attempt failed and an
 * earlier or the last attempt failed at commit.
 *
 * <p>The cause is the driver's exception. Instances are not shared between threads.
 */
public final class CommitOutcomeUnknownException extends GexStorageException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception wrapping the driver's failure at commit.
   *
   * @param message what failed, without credentials
   * @param cause the driver's exception
   */
  public CommitOutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}

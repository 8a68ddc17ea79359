package io.gex.store;

import io.gex.GexException;

/**
 * Thrown when a {@link GexStore} cannot complete an operation: the database cannot be reached,
 * a statement fails, or a transient failure outlasted the store's retries. The cause is the driver's
 * exception (such as a {@code java.sql.SQLException}); drivers' exceptions never leave a store otherwise.
 */
public class GexStorageException extends GexException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception without a cause.
   *
   * @param message what failed, without credentials
   */
  public GexStorageException(String message) {
    super(message);
  }

  /**
   * An exception wrapping the driver's failure.
   *
   * @param message what failed, without credentials
   * @param cause the driver's exception
   */
  public GexStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

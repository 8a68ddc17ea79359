package io.gex;

/**
 * Thrown when an option-chain source cannot produce a chain at all: a malformed file (the message names the
 * line or field and the value), a file that cannot be read, or a feed that answers with an error, times
 * out or sends a truncated body. A single bad row is not an exception but a diagnostic on the chain.
 */
public class ChainSourceException extends GexException {
  private static final long serialVersionUID = 1L;

  public ChainSourceException(String message) {
    super(message);
  }

  public ChainSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}

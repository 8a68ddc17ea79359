package io.gex;

/**
 * The root of the exceptions gex throws when an operation cannot be completed (as opposed to {@link
 * IllegalArgumentException} for bad arguments and {@link IllegalStateException} for misuse). Subclasses are
 * named after what failed.
 */
public class GexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GexException(String message) {
    super(message);
  }

  public GexException(String message, Throwable cause) {
    super(message, cause);
  }
}

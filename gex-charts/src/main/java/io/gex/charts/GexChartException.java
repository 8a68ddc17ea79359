package io.gex.charts;

import io.gex.GexException;

/**
 * A chart or report could not be written: the PNG encoder or the file system failed. The cause is the
 * underlying {@link java.io.IOException}, when there was one.
 */
public class GexChartException extends GexException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message naming what failed.
   *
   * @param message what could not be written, and where
   */
  public GexChartException(String message) {
    super(message);
  }

  /**
   * An exception with a message and its cause.
   *
   * @param message what could not be written, and where
   * @param cause the underlying failure
   */
  public GexChartException(String message, Throwable cause) {
    super(message, cause);
  }
}

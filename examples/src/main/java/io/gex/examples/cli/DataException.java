package io.gex.examples.cli;

import java.nio.file.Path;

/**
 * Data that cannot be read or analysed (a missing or unreadable file, a malformed row, a chain with no
 * usable contract, a bad alert settings file): the command exits with {@link GexCli#EXIT_FAILED} and prints
 * the message, which names the file, as one line.
 */
final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DataException(String message) {
    super(message);
  }

  DataException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A failure of the library on a file: the library's message (which names the row when it knows it),
   * prefixed with the file unless the message already names it.
   */
  static DataException of(Path file, RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = "cannot be analysed: " + e.getClass().getSimpleName();
    }
    String name = file.toString();
    return new DataException(message.contains(name) ? message : name + ": " + message, e);
  }
}

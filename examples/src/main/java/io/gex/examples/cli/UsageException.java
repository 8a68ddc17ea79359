package io.gex.examples.cli;

/**
 * A command line that cannot be run as given, found after parsing (an unknown source id, a plugin
 * directory without jars, a bad {@code -D} alert setting): the command exits with {@link
 * GexCli#EXIT_USAGE} and prints the message as one line.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}

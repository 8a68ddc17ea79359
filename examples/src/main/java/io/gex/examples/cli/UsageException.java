package io.gex.examples.cli;

/**
 * A command line that cannot be run as given (unknown command or option, missing or bad value, missing
 * file): the command exits with {@link GexCli#EXIT_USAGE} and prints the message as one line.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}

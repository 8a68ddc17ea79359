package io.gex.alerts;

import java.util.Objects;
import java.util.Optional;

/**
 * Something that went wrong around the alerts without stopping them: a rule that threw, timed out or
 * returned garbage, a listener that threw, a state store that could not be reached, or a plugin that could
 * not be loaded or shares its id with another.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param source the id of the rule or listener concerned (or the provider's class name when it has no id)
 * @param reason what kind of failure
 * @param message what happened, naming the figures or values concerned
 * @param cause the exception caught, if any
 */
public record AlertFailure(String source, Reason reason, String message, Optional<Throwable> cause) {

  /** The kinds of failure. */
  public enum Reason {
    /** The rule threw an exception (or an error); its alerts are dropped. */
    THREW,
    /** The rule's result was not in within its time budget; its alerts are dropped. */
    TIMED_OUT,
    /**
     * The rule returned garbage: null, a null alert, an alert of another rule or symbol, or too many
     * alerts; all its alerts are dropped.
     */
    INVALID_RESULT,
    /** The rule could not be run: the executor rejected it, or the evaluating thread was interrupted. */
    NOT_RUN,
    /** A listener threw while being told of an alert; the other listeners are still told. */
    LISTENER_FAILED,
    /** The state store failed; the alert was raised without the cooldown check. */
    STATE_STORE_FAILED,
    /** A discovered rule or listener could not be loaded (found when the engine was built). */
    LOAD_FAILED,
    /** Several rules or listeners share an id; the first (explicit before discovered) is used. */
    DUPLICATE_ID
  }

  /** Validates that every part is present. */
  public AlertFailure {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(cause, "cause");
  }

  /** The message of the exception caught, if there was one with a message. */
  public Optional<String> exceptionMessage() {
    return cause.map(Throwable::getMessage);
  }

  @Override
  public String toString() {
    return source + " " + reason + ": " + message;
  }
}

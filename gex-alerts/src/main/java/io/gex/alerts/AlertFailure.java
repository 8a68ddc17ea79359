package io.gex.alerts;

import java.util.Objects;
import java.util.Optional;

/**
 * Something that went wrong around the alerts without stopping them: a rule that threw, timed out, is still
 * stuck in an earlier run or returned garbage, a listener that threw, a state store that could not be
 * reached, or a plugin that could not be loaded or shares its id with another.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param source the id of the rule or listener concerned (or the provider's class name when it has no id)
 * @param reason what kind of failure
 * @param message what happened, naming the figures or values concerned
 * @param cause the throwable caught, if any
 * @param alert the alert concerned, for a failure about one alert ({@link Reason#LISTENER_FAILED}, and
 *     {@link Reason#STATE_STORE_FAILED} while checking or recording an alert's cooldown)
 */
public record AlertFailure(
    String source, Reason reason, String message, Optional<Throwable> cause, Optional<GexAlert> alert) {

  /** The kinds of failure. */
  public enum Reason {
    /** The rule threw an exception (or an error); its alerts are dropped. */
    THREW,
    /**
     * The rule's result was not in within its time budget; it was interrupted (on a pool) and its alerts
     * are dropped.
     */
    TIMED_OUT,
    /**
     * The rule was not run because an earlier run of it overran its budget and has still not returned (it
     * ignores interrupts): the engine gives such a rule no other thread until that run returns, and reports
     * it this way on each evaluation meanwhile.
     */
    STUCK,
    /**
     * The rule returned garbage: null, a null alert, an alert of another rule or symbol, or too many
     * alerts; all its alerts are dropped.
     */
    INVALID_RESULT,
    /** The rule could not be run: the executor rejected it, or the evaluating thread was interrupted. */
    NOT_RUN,
    /**
     * A listener threw (anything but a {@link VirtualMachineError}) while being told of an alert; the other
     * listeners are still told. The alert is then not delivered: its cooldown is not started, so the next
     * evaluation that finds it raises it again ({@link AlertEvaluation#undelivered()}).
     */
    LISTENER_FAILED,
    /**
     * The state store failed: reading a cooldown (the alert was raised without the check), recording one
     * (the alert was delivered but may be raised again), or reading or remembering an analysis.
     */
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
    Objects.requireNonNull(alert, "alert");
  }

  /** A failure that concerns no single alert. */
  public AlertFailure(String source, Reason reason, String message, Optional<Throwable> cause) {
    this(source, reason, message, cause, Optional.empty());
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

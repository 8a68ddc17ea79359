package io.gex.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of evaluating the alert rules on one analysis: the alerts raised (and told to listeners), the
 * alerts suppressed by the cooldown, and every failure of a rule, listener or the state store.
 *
 * <p>A raised alert is <i>delivered</i> when every listener took it without throwing (with no listener,
 * every raised alert is delivered); only then does its cooldown start. The others are listed by {@link
 * #undelivered()}, with a {@link AlertFailure.Reason#LISTENER_FAILED} failure per listener that threw, and
 * are raised again by the next evaluation that finds them.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the analysis's symbol
 * @param valuationTime the analysis's valuation time
 * @param evaluatedAt when it was evaluated, from the engine's clock (the instant cooldowns are measured at)
 * @param previousValuationTime the valuation time of the previous analysis the rules saw, if any
 * @param rulesEvaluated ids of the rules that ran (the enabled rules, in engine order)
 * @param raised the alerts raised (not suppressed) and told to every listener, delivered or not, in rule order
 *     and then in each rule's order
 * @param suppressed the alerts suppressed because the same key was raised within its cooldown at the same or
 *     a higher severity
 * @param failures what went wrong, in the order it happened
 */
public record AlertEvaluation(
    String symbol,
    Instant valuationTime,
    Instant evaluatedAt,
    Optional<Instant> previousValuationTime,
    List<String> rulesEvaluated,
    List<GexAlert> raised,
    List<GexAlert> suppressed,
    List<AlertFailure> failures) {

  /** Validates and copies. */
  public AlertEvaluation {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    Objects.requireNonNull(previousValuationTime, "previousValuationTime");
    rulesEvaluated = List.copyOf(rulesEvaluated);
    raised = List.copyOf(raised);
    suppressed = List.copyOf(suppressed);
    failures = List.copyOf(failures);
  }

  /** Whether anything failed. */
  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /** The failures concerning one rule or listener. */
  public List<AlertFailure> failuresOf(String source) {
    Objects.requireNonNull(source, "source");
    List<AlertFailure> out = new ArrayList<>();
    for (AlertFailure f : failures) {
      if (f.source().equals(source)) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The raised alerts that some listener failed to take (it threw): their cooldown did not start, so they
   * are raised again on the next evaluation. In the order of {@link #raised()}.
   */
  public List<GexAlert> undelivered() {
    List<GexAlert> out = new ArrayList<>();
    for (GexAlert a : raised) {
      for (AlertFailure f : failures) {
        if (f.reason() == AlertFailure.Reason.LISTENER_FAILED && f.alert().equals(Optional.of(a))) {
          out.add(a);
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  /** The raised alerts of one rule. */
  public List<GexAlert> raisedBy(String ruleId) {
    Objects.requireNonNull(ruleId, "ruleId");
    List<GexAlert> out = new ArrayList<>();
    for (GexAlert a : raised) {
      if (a.ruleId().equals(ruleId)) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }

  /** The highest severity raised, if any alert was. */
  public Optional<AlertSeverity> highestSeverity() {
    return raised.stream().map(GexAlert::severity).max(Enum::compareTo);
  }
}

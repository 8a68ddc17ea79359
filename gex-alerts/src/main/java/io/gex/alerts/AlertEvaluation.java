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
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the analysis's symbol
 * @param valuationTime the analysis's valuation time
 * @param evaluatedAt when it was evaluated, from the engine's clock (the instant cooldowns are measured at)
 * @param previousValuationTime the valuation time of the previous analysis the rules saw, if any
 * @param rulesEvaluated ids of the rules that ran (the enabled rules, in engine order)
 * @param raised the alerts raised, in rule order and then in each rule's order
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

package io.gex.storage.postgres;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, before it is even initialised, when no PostgreSQL can be had: no server is named by
 * {@code GEX_TEST_PG_URL} and the tests run as root, where the embedded server cannot start (initdb refuses).
 * Everywhere else the class runs, against the named server or the embedded one.
 */
final class PostgresAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return TestDatabase.unavailableReason()
        .map(
            reason -> {
              // One line on the console per skipped class: a silent skip would hide that nothing ran.
              System.out.println(
                  "SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + reason);
              return ConditionEvaluationResult.disabled(reason);
            })
        .orElseGet(() -> ConditionEvaluationResult.enabled("a PostgreSQL server is available"));
  }
}

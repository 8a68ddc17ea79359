package io.gex.alerts;

import java.util.Objects;

/**
 * What the cooldown is kept per: one rule, one symbol, one key (what the alert is about within the rule).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param ruleId the rule's id
 * @param symbol the underlying symbol
 * @param key the alert's key within the rule ({@link GexAlert#key()})
 */
public record AlertKey(String ruleId, String symbol, String key) {

  /** Validates that every part is present. */
  public AlertKey {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return ruleId + "/" + symbol + "/" + key;
  }
}

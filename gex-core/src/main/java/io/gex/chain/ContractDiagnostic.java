package io.gex.chain;

import java.util.Objects;

/**
 * Why one contract (or one input row) was left out of an analysis, or why a contract's implied volatility
 * was substituted ({@link Reason#isSubstitution()}): where, which field, its value and the reason. Sources attach the diagnostics of rows they could not read to the {@link OptionChain}; the engine
 * adds those of contracts it could not price, and the analysis reports all of them with counts.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param location the contract's OCC symbol, or the input position such as {@code line 42}
 * @param field the field at fault, such as {@code impliedVolatility}
 * @param value the offending value as text, as it was read
 * @param reason the reason class, for counting
 * @param detail a sentence for people, such as {@code "settled at 2022-12-12T21:00:00Z"}
 */
public record ContractDiagnostic(
    String location, String field, String value, Reason reason, String detail) {

  /** Why a contract or row was skipped. */
  public enum Reason {
    /** A row that could not be read into a contract (a field with an unreadable or invalid value). */
    MALFORMED,
    /** A second row for a contract already in the chain (same root, expiry, right and strike). */
    DUPLICATE,
    /** The contract had already settled at the valuation instant. */
    SETTLED,
    /** No usable implied volatility, and solving it from the mid price was off or impossible. */
    NO_IMPLIED_VOLATILITY,
    /** Left out by the engine's expiry selection (0DTE only, a days-to-expiry range, ...). */
    EXCLUDED_BY_EXPIRY_SELECTION,
    /**
     * Skipped: the contract's quoted implied volatility lies outside the plausibility bounds of {@link
     * io.gex.settings.IvSource} and no later rule of the IV source gave a usable one.
     */
    IMPLAUSIBLE_IMPLIED_VOLATILITY,
    /**
     * Substituted, not skipped: the contract is priced with the other member's quoted implied volatility
     * (the in-the-money member's, under {@code otm}) because the rules before it had none usable.
     */
    SUBSTITUTED_OTHER_MEMBER_IV,
    /**
     * Substituted, not skipped: the contract is priced with an implied volatility solved from a mid price
     * because no member of its pair had a usable quoted one ({@code otm}).
     */
    SUBSTITUTED_SOLVED_IV,
    /**
     * Substituted, not skipped: the contract is priced with the out-of-the-money member's quoted implied
     * volatility because its own mid gave none ({@code mid}).
     */
    SUBSTITUTED_OTM_MEMBER_IV;

    /** Whether this reason marks a contract priced with a substituted implied volatility, not one left out. */
    public boolean isSubstitution() {
      return this == SUBSTITUTED_OTHER_MEMBER_IV
          || this == SUBSTITUTED_SOLVED_IV
          || this == SUBSTITUTED_OTM_MEMBER_IV;
    }
  }

  /** Validates that every part is present. */
  public ContractDiagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return location + ": " + field + "=" + value + " " + reason + " (" + detail + ")";
  }
}

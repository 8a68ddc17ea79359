package io.gex.positions;

import java.util.List;
import java.util.Objects;

/**
 * What an analysis's dealer positions were made from, and the data-quality checks of the customer flow.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param model the id of the {@link PositionModel}
 * @param trades trades in the flow given to the analysis (0 without a tape)
 * @param classified trades whose customer side was decided
 * @param unclassified trades left out because nothing decided their side
 * @param stale trades left out because their quote was older than the staleness limit
 * @param tradesOutsideChain trades of contracts the chain does not hold or that were not priced (settled,
 *     outside the expiry selection, no usable volatility): counted, not silently dropped
 * @param flowGexShare the share of gross GEX at spot that comes from intraday flow, in [0, 1]: {@code Σ
 *     |G_i f_i| / Σ (|G_i b_i| + |G_i f_i|)} over the priced contracts, where {@code G_i} is the GEX of one
 *     dealer-long contract, {@code f_i = -customerNet_i} the part of the position that flow made and {@code
 *     b_i} the rest; 0 for a model that does not {@linkplain PositionModel#usesFlow() use flow}
 * @param netAboveVolume priced contracts whose customer net exceeds their traded volume (a broken tape or
 *     classifier; always 0 for flow made by {@link FlowBook})
 * @param flagged priced contracts whose customer net exceeds {@value #FLAG_MULTIPLE} times their open
 *     interest (a contract with no open interest is flagged as soon as it has flow), largest ratio (then
 *     largest net) first, at most {@value #MAX_FLAGGED}
 * @param flaggedCount how many contracts were flagged in all
 * @param modelFailures contracts where the model threw or answered a number that is not finite (they took
 *     {@code sign × open interest})
 */
public record PositionProvenance(
    String model,
    long trades,
    long classified,
    long unclassified,
    long stale,
    long tradesOutsideChain,
    double flowGexShare,
    int netAboveVolume,
    List<FlaggedContract> flagged,
    int flaggedCount,
    int modelFailures) {

  /** How many times its open interest a contract's customer net must exceed to be flagged. */
  public static final int FLAG_MULTIPLE = 5;

  /** The most flagged contracts listed. */
  public static final int MAX_FLAGGED = 20;

  /** The provenance of an analysis under {@code oi} with no tape: what every analysis was before models. */
  public static final PositionProvenance OPEN_INTEREST = none("oi");

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the figure if a count is negative, the counts disagree or the
   *     share is outside [0, 1]
   */
  public PositionProvenance {
    Objects.requireNonNull(model, "model");
    flagged = List.copyOf(flagged);
    if (trades < 0 || classified < 0 || unclassified < 0 || stale < 0 || tradesOutsideChain < 0) {
      throw new IllegalArgumentException(
          "trade counts must be >= 0, were " + trades + ", " + classified + ", " + unclassified + ", " + stale
              + ", " + tradesOutsideChain);
    }
    if (classified + unclassified + stale != trades) {
      throw new IllegalArgumentException(
          "classified + unclassified + stale must equal trades, was " + classified + " + " + unclassified
              + " + " + stale + " != " + trades);
    }
    if (tradesOutsideChain > trades) {
      throw new IllegalArgumentException(
          "tradesOutsideChain must be <= trades, was " + tradesOutsideChain + " > " + trades);
    }
    if (!(flowGexShare >= 0 && flowGexShare <= 1)) {
      throw new IllegalArgumentException("flowGexShare must be in [0, 1], was " + flowGexShare);
    }
    if (netAboveVolume < 0 || flaggedCount < flagged.size() || modelFailures < 0) {
      throw new IllegalArgumentException(
          "netAboveVolume, flaggedCount and modelFailures must be >= 0 and flaggedCount >= the flagged"
              + " listed, were " + netAboveVolume + ", " + flaggedCount + ", " + modelFailures);
    }
  }

  /** A model's provenance with no trades, no flags and no failures. */
  public static PositionProvenance none(String model) {
    return new PositionProvenance(model, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0);
  }

  /**
   * In the words of every gex output, for example {@code flow: 41,250 trades, 39,804 classified, 1,446 left
   * out (1,201 unclassified, 245 stale quote), 12 outside the chain; flow is 18.4% of gross GEX; 3
   * contracts' net flow above 5x open interest}, or {@code oi} with no tape.
   */
  public String summary() {
    if (trades == 0) {
      return model + (flaggedCount + modelFailures == 0 ? "" : "; " + checks());
    }
    String s =
        String.format(
            java.util.Locale.ROOT,
            "%s: %,d trades, %,d classified, %,d left out (%,d unclassified, %,d stale quote), %,d outside"
                + " the chain; flow is %.1f%% of gross GEX",
            model, trades, classified, unclassified + stale, unclassified, stale, tradesOutsideChain,
            flowGexShare * 100);
    String checks = checks();
    return checks.isEmpty() ? s : s + "; " + checks;
  }

  private String checks() {
    StringBuilder s = new StringBuilder();
    if (flaggedCount > 0) {
      s.append(String.format(
          java.util.Locale.ROOT, "%,d contracts' net flow above %dx open interest", flaggedCount, FLAG_MULTIPLE));
    }
    if (netAboveVolume > 0) {
      s.append(s.length() > 0 ? "; " : "")
          .append(String.format(java.util.Locale.ROOT, "%,d contracts' net flow above their volume", netAboveVolume));
    }
    if (modelFailures > 0) {
      s.append(s.length() > 0 ? "; " : "")
          .append(String.format(java.util.Locale.ROOT, "model failed on %,d contracts", modelFailures));
    }
    return s.toString();
  }

  /**
   * A contract whose customer flow dwarfs its open interest.
   *
   * <p>This class is immutable and thread-safe.
   *
   * @param option the OCC symbol
   * @param customerNet customers' net purchases, contracts
   * @param volume contracts traded
   * @param openInterest open interest at the start of the day
   */
  public record FlaggedContract(String option, long customerNet, long volume, double openInterest) {
    /** Validates. */
    public FlaggedContract {
      Objects.requireNonNull(option, "option");
    }
  }
}

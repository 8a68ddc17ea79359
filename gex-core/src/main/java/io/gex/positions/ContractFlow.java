package io.gex.positions;

/**
 * Customers' trading in one contract since the open, as {@link TradeClassifier} read it.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param customerBought contracts customers bought (classified buys)
 * @param customerSold contracts customers sold (classified sells)
 * @param volume contracts traded, classified or not
 * @param trades trades seen
 * @param unclassified trades left out because nothing decided their side
 * @param stale trades left out because their quote was older than the staleness limit
 */
public record ContractFlow(
    long customerBought, long customerSold, long volume, long trades, long unclassified, long stale) {

  /** No trades. */
  public static final ContractFlow NONE = new ContractFlow(0, 0, 0, 0, 0, 0);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the count if one is negative, or if the classified trades or
   *     contracts exceed what was traded
   */
  public ContractFlow {
    nonNegative("customerBought", customerBought);
    nonNegative("customerSold", customerSold);
    nonNegative("volume", volume);
    nonNegative("trades", trades);
    nonNegative("unclassified", unclassified);
    nonNegative("stale", stale);
    if (customerBought + customerSold > volume) {
      throw new IllegalArgumentException(
          "customerBought + customerSold must be <= volume, was " + customerBought + " + " + customerSold
              + " > " + volume);
    }
    if (unclassified + stale > trades) {
      throw new IllegalArgumentException(
          "unclassified + stale must be <= trades, was " + unclassified + " + " + stale + " > " + trades);
    }
  }

  private static void nonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
  }

  /** Customers' net purchases in contracts (bought minus sold): dealers are this much shorter. */
  public long net() {
    return customerBought - customerSold;
  }

  /** Trades whose side was decided. */
  public long classified() {
    return trades - unclassified - stale;
  }

  /** The flow of both periods (the trades of this one and then of that one, classified apart). */
  public ContractFlow plus(ContractFlow other) {
    return new ContractFlow(
        Math.addExact(customerBought, other.customerBought),
        Math.addExact(customerSold, other.customerSold),
        Math.addExact(volume, other.volume),
        Math.addExact(trades, other.trades),
        Math.addExact(unclassified, other.unclassified),
        Math.addExact(stale, other.stale));
  }
}

package io.gex.positions;

/**
 * How {@link TradeClassifier} read one trade: the customer's side and the rule that decided it, or why it
 * was left out.
 */
public enum Classification {
  /** Printed at or above the ask: a customer bought. */
  BUY_AT_ASK(1),
  /** Printed at or below the bid: a customer sold. */
  SELL_AT_BID(-1),
  /** Inside the spread, above the mid by more than the band: a customer bought. */
  BUY_ABOVE_MID(1),
  /** Inside the spread, below the mid by more than the band: a customer sold. */
  SELL_BELOW_MID(-1),
  /** No quote decided it; the price rose from the contract's previous different price: a customer bought. */
  BUY_UPTICK(1),
  /** No quote decided it; the price fell from the contract's previous different price: a customer sold. */
  SELL_DOWNTICK(-1),
  /** Neither the quote nor the tick test decided it (no earlier trade of the contract): left out. */
  UNCLASSIFIED(0),
  /** The only quote known was older than the staleness limit: left out. */
  STALE_QUOTE(0);

  private final int side;

  Classification(int side) {
    this.side = side;
  }

  /** +1 for a customer buy, -1 for a customer sell, 0 when left out. */
  public int side() {
    return side;
  }

  /** Whether a side was decided. */
  public boolean classified() {
    return side != 0;
  }
}

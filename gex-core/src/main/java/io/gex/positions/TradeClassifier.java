package io.gex.positions;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides which side of a trade the customer was on, from the quote in force when it printed (a variant of
 * the Lee-Ready rule):
 *
 * <ol>
 *   <li>at or above the ask: a customer buy; at or below the bid: a customer sell;
 *   <li>strictly inside the spread: above the mid by more than {@link #midBand()} × spread a buy, below it
 *       by more a sell;
 *   <li>otherwise (within the band, or no quote known) the tick test against the contract's previous trade:
 *       a higher price a buy, a lower one a sell, the same price the direction of the last price change
 *       (the usual zero-tick rule);
 *   <li>a trade that still cannot be classified (the contract's first trade, with no quote to decide it) is
 *       {@link Classification#UNCLASSIFIED}; a trade whose only known quote is older than {@link
 *       #maxQuoteAge()} is {@link Classification#STALE_QUOTE}. Both are left out and counted.
 * </ol>
 *
 * <p>A crossed quote (bid above ask) counts as no quote. The quote in force is the trade's own NBBO when the
 * tape gives both sides; otherwise the last two-sided quote seen for the contract ({@link FlowBook} keeps
 * it), as old as the time since it was seen.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TradeClassifier {

  /** Band 0.1 of the spread; quotes at most 5 seconds old. */
  public static final TradeClassifier DEFAULT = new TradeClassifier(0.1, Duration.ofSeconds(5));

  private final double midBand;
  private final Duration maxQuoteAge;
  private final long maxQuoteAgeNanos;

  /**
   * A classifier.
   *
   * @param midBand how far from the mid, as a fraction of the spread, an inside print must be to be
   *     classified by the quote, in [0, 0.5)
   * @param maxQuoteAge the oldest a remembered quote may be, positive
   * @throws IllegalArgumentException naming the argument and the value if one is out of range
   */
  public TradeClassifier(double midBand, Duration maxQuoteAge) {
    Objects.requireNonNull(maxQuoteAge, "maxQuoteAge");
    if (!(midBand >= 0 && midBand < 0.5)) {
      throw new IllegalArgumentException("midBand must be in [0, 0.5), was " + midBand);
    }
    if (maxQuoteAge.isNegative() || maxQuoteAge.isZero()) {
      throw new IllegalArgumentException("maxQuoteAge must be positive, was " + maxQuoteAge);
    }
    this.midBand = midBand;
    this.maxQuoteAge = maxQuoteAge;
    this.maxQuoteAgeNanos = saturatedNanos(maxQuoteAge);
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The band around the mid, as a fraction of the spread, within which the quote does not decide. */
  public double midBand() {
    return midBand;
  }

  /** The oldest a remembered quote may be. */
  public Duration maxQuoteAge() {
    return maxQuoteAge;
  }

  long maxQuoteAgeNanos() {
    return maxQuoteAgeNanos;
  }

  /**
   * Classifies one trade.
   *
   * @param price the trade price
   * @param bid the bid in force, or 0 when no quote is known
   * @param ask the ask in force, or 0 when no quote is known
   * @param quoteAgeNanos how old that quote is (0 for the trade's own NBBO)
   * @param previousPrice the contract's previous trade price, or 0 if none
   * @param lastTick the direction of the contract's last price change: +1, -1, or 0 if none
   * @return the classification
   */
  public Classification classify(
      double price, double bid, double ask, long quoteAgeNanos, double previousPrice, int lastTick) {
    boolean quoted = bid > 0 && ask > 0 && bid <= ask;
    if (quoted) {
      if (quoteAgeNanos > maxQuoteAgeNanos) {
        return Classification.STALE_QUOTE;
      }
      if (price >= ask) {
        return Classification.BUY_AT_ASK;
      }
      if (price <= bid) {
        return Classification.SELL_AT_BID;
      }
      double mid = 0.5 * (bid + ask);
      double band = midBand * (ask - bid);
      if (price > mid + band) {
        return Classification.BUY_ABOVE_MID;
      }
      if (price < mid - band) {
        return Classification.SELL_BELOW_MID;
      }
    }
    int tick = tick(price, previousPrice, lastTick);
    return tick > 0
        ? Classification.BUY_UPTICK
        : tick < 0 ? Classification.SELL_DOWNTICK : Classification.UNCLASSIFIED;
  }

  /** The tick direction of a price after the previous one: +1, -1, or the last tick on a zero tick. */
  static int tick(double price, double previousPrice, int lastTick) {
    if (previousPrice <= 0) {
      return 0;
    }
    return price > previousPrice ? 1 : price < previousPrice ? -1 : lastTick;
  }

  @Override
  public String toString() {
    return "TradeClassifier[midBand=" + midBand + ", maxQuoteAge=" + maxQuoteAge + "]";
  }
}

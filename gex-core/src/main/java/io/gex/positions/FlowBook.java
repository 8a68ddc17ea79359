package io.gex.positions;

import io.gex.chain.OccSymbol;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Folds trades into customers' flow per contract, one at a time: a hash lookup and a few additions per
 * trade. Remembers, per contract, the last two-sided quote (from a trade's NBBO or from {@link #quote}) and
 * the last trade price and tick, which {@link TradeClassifier} needs for trades that carry no quote of their
 * own and for the tick test.
 *
 * <p>Trades are classified in the order given; feed a tape in time order. Not thread-safe: one writer.
 * {@link #snapshot()} is immutable.
 */
public final class FlowBook {

  /** Per contract: its counts and what the classifier remembers. */
  private static final class State {
    long bought;
    long sold;
    long volume;
    long trades;
    long unclassified;
    long stale;
    double lastPrice;
    int lastTick;
    double quoteBid;
    double quoteAsk;
    long quoteSeconds;
    int quoteNanos;

    ContractFlow flow() {
      return new ContractFlow(bought, sold, volume, trades, unclassified, stale);
    }
  }

  private final TradeClassifier classifier;
  private final Map<OccSymbol, State> states = new HashMap<>();
  private long trades;

  /**
   * An empty book.
   *
   * @throws NullPointerException if classifier is null
   */
  public FlowBook(TradeClassifier classifier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
  }

  /** The classifier this book uses. */
  public TradeClassifier classifier() {
    return classifier;
  }

  /**
   * Classifies a trade against the quote in force and adds it to its contract's flow.
   *
   * @return how the trade was classified
   * @throws NullPointerException if trade is null
   */
  public Classification add(Trade trade) {
    Objects.requireNonNull(trade, "trade");
    State s = states.computeIfAbsent(trade.option(), k -> new State());
    Instant t = trade.time();
    double bid;
    double ask;
    long age;
    if (trade.hasQuote()) {
      bid = trade.bid();
      ask = trade.ask();
      age = 0;
      remember(s, t, bid, ask);
    } else if (s.quoteAsk > 0) {
      bid = s.quoteBid;
      ask = s.quoteAsk;
      age = ageNanos(s, t);
    } else {
      bid = 0;
      ask = 0;
      age = 0;
    }
    Classification c = classifier.classify(trade.price(), bid, ask, age, s.lastPrice, s.lastTick);
    s.lastTick = TradeClassifier.tick(trade.price(), s.lastPrice, s.lastTick);
    s.lastPrice = trade.price();
    s.trades++;
    trades++;
    s.volume = Math.addExact(s.volume, trade.size());
    switch (c.side()) {
      case 1 -> s.bought += trade.size();
      case -1 -> s.sold += trade.size();
      default -> {
        if (c == Classification.STALE_QUOTE) {
          s.stale++;
        } else {
          s.unclassified++;
        }
      }
    }
    return c;
  }

  /**
   * Remembers a two-sided quote of a contract seen at a time (for later trades that carry none). A quote
   * with a side unknown (0) or crossed is ignored.
   *
   * @throws NullPointerException if an argument is null
   */
  public void quote(OccSymbol option, Instant time, double bid, double ask) {
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(time, "time");
    if (bid > 0 && ask > 0 && bid <= ask) {
      remember(states.computeIfAbsent(option, k -> new State()), time, bid, ask);
    }
  }

  private static void remember(State s, Instant t, double bid, double ask) {
    s.quoteBid = bid;
    s.quoteAsk = ask;
    s.quoteSeconds = t.getEpochSecond();
    s.quoteNanos = t.getNano();
  }

  private static long ageNanos(State s, Instant t) {
    long seconds = t.getEpochSecond() - s.quoteSeconds;
    if (seconds > 9_000_000_000L) {
      return Long.MAX_VALUE; // centuries: stale whatever the limit
    }
    return Math.max(0, seconds * 1_000_000_000L + (t.getNano() - s.quoteNanos));
  }

  /** The number of trades added. */
  public long trades() {
    return trades;
  }

  /** The flow so far, as an immutable value (contracts with no trade yet are left out). */
  public CustomerFlow snapshot() {
    Map<OccSymbol, ContractFlow> flows = new LinkedHashMap<>();
    states.forEach(
        (symbol, s) -> {
          if (s.trades > 0) {
            flows.put(symbol, s.flow());
          }
        });
    return CustomerFlow.of(flows);
  }
}

package io.gex.source;

import static io.gex.source.SyntheticChainSource.gaussian;

import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.positions.Trade;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded synthetic market of option trades over a chain, whose customer flow is known: for measuring a
 * trade classifier ({@link io.gex.positions.TradeClassifier}) and for demos of the position model {@code
 * flow}. The same chain, seed and count give the same tape.
 *
 * <p>The market: trades arrive at uniformly random times through the session (09:30 to 16:00 New York on
 * the chain's valuation date, or up to the valuation time if it is earlier). Each trades a contract with a
 * two-sided quote in the chain that has not settled by the valuation time, chosen with a preference for
 * strikes near spot ({@code exp(-|ln K/S| / 0.04)}) and near expiries ({@code 1 / (1 + days / 2)²}).
 *
 * <ul>
 *   <li><b>Quotes.</b> Each contract's true mid starts at the chain's mid and takes a random step of 0.3
 *       half-spreads (normal) before each of its trades; its half-spread is the chain's (at least one tick:
 *       0.05 under 3, else 0.10); bid and ask are on the tick grid.
 *   <li><b>Customers.</b> The customer's intended side is a buy with probability {@value #BUY_SHARE}. The
 *       print is at the touch on the customer's side (buy at the ask) with probability {@value #AT_TOUCH};
 *       strictly inside the spread on the customer's side of the mid with {@value #INSIDE} (price
 *       improvement, anywhere from the mid to the touch); exactly at the mid with {@value #AT_MID}; and the
 *       rest, {@value #PASSIVE}, on the other side's touch (a customer's resting limit order taken by a
 *       dealer: a buy at the bid), which no quote rule can read right.
 *   <li><b>Reported quote.</b> The NBBO on the tape is the true one, except that with probability {@value
 *       #LAGGED} it is the contract's quote from before its last move (a feed that lags), and with {@value
 *       #UNKNOWN} it is missing (the classifier falls back on the last quote it saw, which may be stale).
 *   <li><b>Sizes.</b> {@code 1 + floor(lognormal(ln 4, 1.1))} contracts, up to 2,000; one trade in a hundred
 *       is a block of 500 to 3,000.
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SyntheticTape {

  /** Probability that a customer buys. */
  public static final double BUY_SHARE = 0.52;

  /** Probability of a print at the touch on the customer's side. */
  public static final double AT_TOUCH = 0.60;

  /** Probability of a print strictly inside the spread on the customer's side of the mid. */
  public static final double INSIDE = 0.25;

  /** Probability of a print exactly at the mid. */
  public static final double AT_MID = 0.07;

  /** Probability of a print at the other side's touch (customer passive). */
  public static final double PASSIVE = 0.08;

  /** Probability that the tape's NBBO lags the true quote by one move. */
  public static final double LAGGED = 0.12;

  /** Probability that the tape's NBBO is missing. */
  public static final double UNKNOWN = 0.08;

  private static final LocalTime OPEN = LocalTime.of(9, 30);
  private static final LocalTime CLOSE = LocalTime.of(16, 0);

  /**
   * A trade and the side its customer intended.
   *
   * <p>This class is immutable and thread-safe.
   *
   * @param trade the trade as the tape shows it
   * @param customerSide +1 if the customer bought, -1 if they sold
   */
  public record LabelledTrade(Trade trade, int customerSide) {
    /** Validates. */
    public LabelledTrade {
      Objects.requireNonNull(trade, "trade");
      if (customerSide != 1 && customerSide != -1) {
        throw new IllegalArgumentException("customerSide must be 1 or -1, was " + customerSide);
      }
    }
  }

  private final OptionChain chain;
  private final long seed;
  private final int trades;

  private SyntheticTape(OptionChain chain, long seed, int trades) {
    this.chain = chain;
    this.seed = seed;
    this.trades = trades;
  }

  /**
   * A synthetic tape over a chain.
   *
   * @param chain the chain whose contracts and quotes the market starts from
   * @param seed the seed
   * @param trades the number of trades, {@code >= 0}
   * @throws IllegalArgumentException if trades is negative, or if it is positive and no contract of the
   *     chain has a two-sided quote and is live at the valuation time
   */
  public static SyntheticTape of(OptionChain chain, long seed, int trades) {
    Objects.requireNonNull(chain, "chain");
    if (trades < 0) {
      throw new IllegalArgumentException("trades must be >= 0, was " + trades);
    }
    return new SyntheticTape(chain, seed, trades);
  }

  /** The trades, in time order, with the side each customer intended. Generated afresh on each call. */
  public List<LabelledTrade> labelled() {
    List<OptionContract> pool = new ArrayList<>();
    LocalDate today = chain.valuationTime().atZone(Times.NEW_YORK).toLocalDate();
    for (OptionContract c : chain.contracts()) {
      if (c.expiry().isAfter(today)
          && c.bid().isPresent()
          && c.ask().isPresent()
          && c.bid().getAsDouble() > 0
          && c.ask().getAsDouble() > c.bid().getAsDouble()) {
        pool.add(c);
      }
    }
    if (trades == 0) {
      return List.of();
    }
    if (pool.isEmpty()) {
      throw new IllegalArgumentException(
          "no contract of the " + chain.underlying() + " chain has a two-sided quote and is live at "
              + chain.valuationTime());
    }
    double spot = chain.spot();
    double[] cumulative = new double[pool.size()];
    double sum = 0;
    for (int i = 0; i < pool.size(); i++) {
      OptionContract c = pool.get(i);
      long days = c.expiry().toEpochDay() - today.toEpochDay();
      double near = 1 + days / 2.0;
      sum += Math.exp(-Math.abs(Math.log(c.strike() / spot)) / 0.04) / (near * near);
      cumulative[i] = sum;
    }
    Instant open = today.atTime(OPEN).atZone(Times.NEW_YORK).toInstant();
    Instant close = today.atTime(CLOSE).atZone(Times.NEW_YORK).toInstant();
    if (chain.valuationTime().isBefore(close)) {
      close = chain.valuationTime();
    }
    if (!open.isBefore(close)) {
      open = close.minusSeconds(6 * 3600 + 1800);
    }
    SplittableRandom random = new SplittableRandom(seed);
    long spanNanos = (close.getEpochSecond() - open.getEpochSecond()) * 1_000_000_000L;
    long[] offsets = new long[trades];
    for (int t = 0; t < trades; t++) {
      offsets[t] = random.nextLong(spanNanos);
    }
    Arrays.sort(offsets);
    Map<Integer, double[]> state = new HashMap<>(); // mid, half-spread, previous bid, previous ask
    List<LabelledTrade> out = new ArrayList<>(trades);
    for (int t = 0; t < trades; t++) {
      double u = random.nextDouble() * sum;
      int k = Arrays.binarySearch(cumulative, u);
      k = Math.min(pool.size() - 1, k < 0 ? -k - 1 : k);
      OptionContract c = pool.get(k);
      double[] s =
          state.computeIfAbsent(
              k,
              i -> {
                double bid = c.bid().getAsDouble();
                double ask = c.ask().getAsDouble();
                double mid = 0.5 * (bid + ask);
                return new double[] {mid, Math.max(tick(mid), 0.5 * (ask - bid)), 0, 0};
              });
      double prevBid = quoteBid(s[0], s[1]);
      double prevAsk = quoteAsk(s[0], s[1]);
      s[0] = Math.max(s[1] + tick(s[0]), s[0] + 0.3 * s[1] * gaussian(random));
      double bid = quoteBid(s[0], s[1]);
      double ask = quoteAsk(s[0], s[1]);
      int side = random.nextDouble() < BUY_SHARE ? 1 : -1;
      double r = random.nextDouble();
      double price;
      if (r < AT_TOUCH) {
        price = side > 0 ? ask : bid;
      } else if (r < AT_TOUCH + INSIDE) {
        double mid = 0.5 * (bid + ask);
        double p = cents(mid + side * random.nextDouble() * 0.5 * (ask - bid));
        price = p > bid && p < ask ? p : side > 0 ? ask : bid;
      } else if (r < AT_TOUCH + INSIDE + AT_MID) {
        price = cents(0.5 * (bid + ask));
      } else {
        price = side > 0 ? bid : ask;
      }
      double q = random.nextDouble();
      double shownBid = bid;
      double shownAsk = ask;
      if (q < LAGGED) {
        shownBid = prevBid;
        shownAsk = prevAsk;
      } else if (q < LAGGED + UNKNOWN) {
        shownBid = 0;
        shownAsk = 0;
      }
      long size =
          random.nextDouble() < 0.01
              ? 500 + random.nextInt(2501)
              : Math.min(2000, 1 + (long) Math.floor(Math.exp(Math.log(4) + 1.1 * gaussian(random))));
      Instant time = open.plusNanos(offsets[t]);
      out.add(new LabelledTrade(new Trade(time, c.symbol(), price, size, shownBid, shownAsk), side));
    }
    return out;
  }

  /** The trades alone, as a tape shows them. */
  public List<Trade> trades() {
    List<LabelledTrade> labelled = labelled();
    List<Trade> list = new ArrayList<>(labelled.size());
    for (LabelledTrade l : labelled) {
      list.add(l.trade());
    }
    return list;
  }

  private static double tick(double price) {
    return price < 3 ? 0.05 : 0.10;
  }

  private static double quoteBid(double mid, double half) {
    double tick = tick(mid);
    return cents(Math.max(tick, Math.floor((mid - half) / tick + 1e-9) * tick));
  }

  private static double quoteAsk(double mid, double half) {
    double tick = tick(mid);
    double ask = Math.ceil((mid + half) / tick - 1e-9) * tick;
    return cents(Math.max(ask, quoteBid(mid, half) + tick));
  }

  private static double cents(double price) {
    return Math.max(0.01, Math.round(price * 100) / 100.0);
  }

  @Override
  public String toString() {
    return "SyntheticTape[" + chain.underlying() + ", seed " + seed + ", " + trades + " trades]";
  }
}

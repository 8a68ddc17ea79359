package io.gex.source;

import static io.gex.source.SyntheticChainSource.gaussian;

import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.SettlementStyle;
import io.gex.greeks.BlackScholes;
import io.gex.live.MarketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A seeded intraday session of {@link MarketEvent}s over a starting chain, for tests, benchmarks and demos:
 * the same chain, settings and seed give the same events.
 *
 * <p>The session runs from the chain's valuation time to {@link Builder#end} (default 16:15 New York on the
 * start's New York date, past the 16:00 close so that PM-settled 0DTE contracts settle; if the start is
 * already past that, one hour after the start). Its {@code n} events are evenly spaced in time, the last
 * exactly at the end:
 *
 * <ul>
 *   <li>every fifth event, and the last one, is a {@link MarketEvent.Clock} at its time, so the valuation
 *       time walks through the session (and past the close);
 *   <li>of the others, about one in four is a {@link MarketEvent.Spot}: spot follows a driftless geometric
 *       random walk with {@link Builder#spotVolatility} (default 15%) per trading year of 252 days of 6.5
 *       hours (so about 0.95% over a whole session), rounded to cents;
 *   <li>the rest are quote updates of one contract (not yet settled, chosen with a preference for strikes
 *       near spot): its {@code iv}, its {@code bid} or its {@code ask}. A contract's implied volatility is
 *       its starting one (keeping the chain's skew, sticky strike) scaled by {@code (S/S0)^-beta} with
 *       {@link Builder#spotVolBeta} (default 4: a 1% fall lifts every IV by about 4% of itself, the negative
 *       spot-vol correlation of index options), with 1% noise, within the bounds a contract accepts. Bid and
 *       ask are the Black-Scholes price at that IV, the current spot and time to settlement (rate {@link
 *       Builder#rate}, default 0), less and plus a half-spread of 2% of the price or one tick (0.05 under
 *       3, else 0.10), on the tick grid; a price under one tick bids 0 (no bid).
 * </ul>
 *
 * <p>Open interest does not change intraday: there is no {@code oi} event (it is the chain's). Listings and
 * delistings do not occur; settled contracts drop out of an analysis through the clock.
 *
 * <p>This class is immutable and thread-safe; {@link #events()} generates the events afresh on each call.
 */
public final class SyntheticSession {

  /** Of every this many events, one is a clock event: {@value}. */
  public static final int CLOCK_EVERY = 5;

  private static final double TRADING_YEAR_SECONDS = 252 * 6.5 * 3600;
  private static final double CALENDAR_YEAR_SECONDS = 365 * 86400.0;

  private final OptionChain start;
  private final int events;
  private final long seed;
  private final Instant end;
  private final double spotVolatility;
  private final double spotVolBeta;
  private final double rate;

  private SyntheticSession(Builder b) {
    this.start = b.start;
    this.events = b.events;
    this.seed = b.seed;
    this.end = b.end == null ? defaultEnd(b.start.valuationTime()) : b.end;
    this.spotVolatility = b.spotVolatility;
    this.spotVolBeta = b.spotVolBeta;
    this.rate = b.rate;
    if (!end.isAfter(start.valuationTime())) {
      throw new IllegalArgumentException(
          "end must be after the chain's valuation time " + start.valuationTime() + ", was " + end);
    }
    OptionChain.checkValuationTime(end);
  }

  /**
   * A session over this chain, with the defaults: 1,000 events, seed 1, the default end, 15% spot
   * volatility, beta 4, rate 0.
   *
   * @throws NullPointerException if the chain is null
   */
  public static Builder builder(OptionChain start) {
    return new Builder(Objects.requireNonNull(start, "start"));
  }

  /** 16:15 New York on the start's New York date, or one hour after the start if that is not later. */
  static Instant defaultEnd(Instant start) {
    ZonedDateTime ny = start.atZone(Times.NEW_YORK);
    Instant close = ny.toLocalDate().atTime(LocalTime.of(16, 15)).atZone(Times.NEW_YORK).toInstant();
    return close.isAfter(start) ? close : start.plus(Duration.ofHours(1));
  }

  /** The session's end: the time of its last event. */
  public Instant end() {
    return end;
  }

  /** The starting chain. */
  public OptionChain start() {
    return start;
  }

  /** Generates the session's events, in time order. */
  public List<MarketEvent> events() {
    SplittableRandom random = new SplittableRandom(seed);
    List<OptionContract> contracts = start.contracts();
    int size = contracts.size();
    double[] strikes = new double[size];
    double[] baseIv = new double[size];
    Instant[] settles = new Instant[size];
    boolean[] calls = new boolean[size];
    for (int i = 0; i < size; i++) {
      OptionContract c = contracts.get(i);
      strikes[i] = c.strike();
      baseIv[i] = c.impliedVolatility();
      settles[i] = settlement(c);
      calls[i] = c.isCall();
    }
    Instant t0 = start.valuationTime();
    long spanNanos = Duration.between(t0, end).toNanos();
    double s0 = start.spot();
    double logSpot = 0; // ln(S / S0), the random walk
    double lastSeconds = 0;
    double spot = s0;
    List<MarketEvent> out = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      long offset = (long) ((double) spanNanos * (i + 1) / events);
      Instant t = i == events - 1 ? end : t0.plusNanos(offset);
      double seconds = offset / 1e9;
      // The walk moves with time whatever the event: a spot event shows where it is.
      double dt = Math.max(0, seconds - lastSeconds) / TRADING_YEAR_SECONDS;
      lastSeconds = seconds;
      logSpot += -0.5 * spotVolatility * spotVolatility * dt
          + spotVolatility * Math.sqrt(dt) * gaussian(random);
      double trueSpot = s0 * Math.exp(logSpot);
      if (i % CLOCK_EVERY == CLOCK_EVERY - 1 || i == events - 1) {
        out.add(new MarketEvent.Clock(t));
        continue;
      }
      if (random.nextDouble() < 0.25 || size == 0) {
        spot = Math.max(OptionContract.MIN_PRICE, Math.round(trueSpot * 100) / 100.0);
        out.add(new MarketEvent.Spot(t, spot));
        continue;
      }
      int k = pick(random, strikes, settles, t, trueSpot);
      if (k < 0) {
        spot = Math.max(OptionContract.MIN_PRICE, Math.round(trueSpot * 100) / 100.0);
        out.add(new MarketEvent.Spot(t, spot));
        continue;
      }
      OccSymbol symbol = contracts.get(k).symbol();
      double iv = impliedVolatility(baseIv[k], trueSpot / s0, random);
      double kind = random.nextDouble();
      if (kind < 0.4 || iv == 0) {
        out.add(new MarketEvent.ContractField(t, symbol, MarketEvent.Field.IV, iv));
        continue;
      }
      double years = Duration.between(t, settles[k]).toNanos() / 1e9 / CALENDAR_YEAR_SECONDS;
      double price = BlackScholes.price(calls[k], trueSpot, strikes[k], years, iv, rate, 0);
      double tick = price < 3 ? 0.05 : 0.10;
      double halfSpread = Math.max(tick, price * 0.02);
      boolean bid = kind < 0.7;
      double quote =
          bid
              ? Math.max(0, Math.floor((price - halfSpread) / tick + 1e-9) * tick)
              : Math.max(tick, Math.ceil((price + halfSpread) / tick - 1e-9) * tick);
      quote = Math.min(OptionContract.MAX_PRICE, Math.round(quote * 100) / 100.0);
      out.add(
          new MarketEvent.ContractField(
              t, symbol, bid ? MarketEvent.Field.BID : MarketEvent.Field.ASK, quote));
    }
    return out;
  }

  /** A contract not settled at t, near-the-money ones preferred; -1 if none is found in a few tries. */
  private static int pick(
      SplittableRandom random, double[] strikes, Instant[] settles, Instant t, double spot) {
    for (int attempt = 0; attempt < 64; attempt++) {
      int k = random.nextInt(strikes.length);
      if (!settles[k].isAfter(t)) {
        continue;
      }
      double m = Math.log(strikes[k] / spot) / 0.05;
      if (random.nextDouble() < 0.15 + Math.exp(-0.5 * m * m)) {
        return k;
      }
    }
    return -1;
  }

  private double impliedVolatility(double base, double spotRatio, SplittableRandom random) {
    if (base == 0) {
      return 0; // no quoted IV stays none
    }
    double iv = base * Math.pow(spotRatio, -spotVolBeta) * (1 + 0.01 * gaussian(random));
    iv = Math.max(OptionContract.MIN_IMPLIED_VOLATILITY, Math.min(OptionContract.MAX_IMPLIED_VOLATILITY, iv));
    double rounded = Math.round(iv * 1e4) / 1e4;
    return rounded >= OptionContract.MIN_IMPLIED_VOLATILITY ? rounded : iv;
  }

  /** 09:30 (AM) or 16:00 (PM) New York on the expiry date. */
  private static Instant settlement(OptionContract c) {
    LocalTime at = c.settlement() == SettlementStyle.AM ? LocalTime.of(9, 30) : LocalTime.of(16, 0);
    return ZonedDateTime.of(c.expiry(), at, Times.NEW_YORK).toInstant();
  }

  @Override
  public String toString() {
    return "SyntheticSession[" + start.underlying() + ", " + events + " events, seed " + seed + ", "
        + start.valuationTime() + " to " + end + "]";
  }

  /** Settings of a session. Not thread-safe. */
  public static final class Builder {
    private final OptionChain start;
    private int events = 1000;
    private long seed = 1;
    private @Nullable Instant end;
    private double spotVolatility = 0.15;
    private double spotVolBeta = 4;
    private double rate;

    private Builder(OptionChain start) {
      this.start = start;
    }

    /**
     * How many events, {@code >= 1}.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder events(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("events must be >= 1, was " + value);
      }
      events = value;
      return this;
    }

    /** The random seed. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** The time of the last event; must be after the chain's valuation time (checked by {@link #build}). */
    public Builder end(Instant value) {
      end = Objects.requireNonNull(value, "end");
      return this;
    }

    /**
     * Spot volatility per trading year, decimal, in [0, 5].
     *
     * @throws IllegalArgumentException if outside
     */
    public Builder spotVolatility(double value) {
      if (!(value >= 0 && value <= 5)) {
        throw new IllegalArgumentException("spotVolatility must be in [0, 5], was " + value);
      }
      spotVolatility = value;
      return this;
    }

    /**
     * The elasticity of implied volatility to spot: IV scales as {@code (S/S0)^-beta}; in [-20, 20].
     *
     * @throws IllegalArgumentException if outside
     */
    public Builder spotVolBeta(double value) {
      if (!(value >= -20 && value <= 20)) {
        throw new IllegalArgumentException("spotVolBeta must be in [-20, 20], was " + value);
      }
      spotVolBeta = value;
      return this;
    }

    /**
     * The continuous rate of the quotes' Black-Scholes prices, decimal in [-1, 1].
     *
     * @throws IllegalArgumentException if outside
     */
    public Builder rate(double value) {
      if (!(Math.abs(value) <= 1)) {
        throw new IllegalArgumentException("rate must be in [-1, 1], was " + value);
      }
      rate = value;
      return this;
    }

    /**
     * The session.
     *
     * @throws IllegalArgumentException if the end is not after the chain's valuation time or out of range
     */
    public SyntheticSession build() {
      return new SyntheticSession(this);
    }
  }
}

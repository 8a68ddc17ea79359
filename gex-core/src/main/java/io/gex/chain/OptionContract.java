package io.gex.chain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One listed option with the market data the engine needs. A contract is identified by its {@link
 * OccSymbol} (root, expiry, right, strike): SPX (AM-settled) and SPXW (PM-settled) of the same date and
 * strike are different contracts.
 *
 * <p>Implied volatility is a decimal (0.25 for 25%); {@code 0} means "none quoted", and the engine then
 * skips the contract with a diagnostic unless it is told to solve the volatility from the mid price. The
 * optional quote fields are absent rather than NaN.
 *
 * <h2>Plausible ranges</h2>
 *
 * <p>The constructor accepts only values in these ranges, wide enough for every listed option and narrow
 * enough that every figure of an analysis is a finite double (each contract's GEX, delta, vanna and charm
 * exposure, and their sums over any number of contracts, stay below about 1e220 even with a dividend yield
 * of -100% over the longest time to expiry and the largest multiplier an engine accepts, 1e6):
 *
 * <ul>
 *   <li>strike in [{@value #MIN_PRICE}, {@value #MAX_PRICE}] (the spot of {@link OptionChain} has the same
 *       range);
 *   <li>open interest in [0, {@value #MAX_OPEN_INTEREST}] contracts (the largest listed open interest is
 *       below 1e7), so that open interest × multiplier × spot² stays far from overflow and the open
 *       interest of an expiry, summed as a {@code long}, cannot overflow for any chain that fits in memory;
 *   <li>implied volatility 0 (none) or in [{@value #MIN_IMPLIED_VOLATILITY}, {@value
 *       #MAX_IMPLIED_VOLATILITY}] (0.01% to 10,000%): vendors' placeholders such as 1e-320 or 1e300 are
 *       rejected rather than priced, since a volatility near 0 makes gamma a spike of unbounded height and
 *       one near infinity overflows {@code vol²};
 *   <li>expiry date from {@link #EARLIEST_EXPIRY} to {@link #LATEST_EXPIRY}, so that with a valuation time
 *       in the range of {@link OptionChain} the time to expiry is at most about 401 years.
 * </ul>
 *
 * <p>Sources turn a row that fails these checks into a {@link ContractDiagnostic.Reason#MALFORMED}
 * diagnostic naming the row's location, the field and the value.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol root, expiry, right and strike
 * @param settlement AM or PM settlement on the expiry date
 * @param openInterest open interest in contracts, in [0, {@value #MAX_OPEN_INTEREST}]
 * @param impliedVolatility implied volatility as a decimal, 0 (none) or in [{@value
 *     #MIN_IMPLIED_VOLATILITY}, {@value #MAX_IMPLIED_VOLATILITY}]
 * @param bid best bid, when quoted
 * @param ask best ask, when quoted
 * @param last last trade price, when known
 * @param volume the day's traded volume, when known
 * @param vendorDelta the data vendor's delta, when given (informational; the engine computes its own)
 * @param vendorGamma the data vendor's gamma, when given (informational; the engine computes its own)
 * @param spotAtQuote the underlying's price when the bid and ask were quoted, when it differs from the
 *     chain's spot or may come to (a live chain stamps each quote with the spot of its moment); empty: quoted
 *     at the chain's spot. An implied volatility solved from the mid is solved at this spot, so that a quote
 *     keeps its volatility while spot moves and the quote does not (sticky strike), rather than turning a
 *     stale price into a volatility that moves with spot
 */
public record OptionContract(
    OccSymbol symbol,
    SettlementStyle settlement,
    long openInterest,
    double impliedVolatility,
    OptionalDouble bid,
    OptionalDouble ask,
    OptionalDouble last,
    OptionalLong volume,
    OptionalDouble vendorDelta,
    OptionalDouble vendorGamma,
    OptionalDouble spotAtQuote) {

  /** The lowest accepted strike (and spot), in price units: {@value}. */
  public static final double MIN_PRICE = 1e-6;

  /** The highest accepted strike (and spot), in price units: {@value}. */
  public static final double MAX_PRICE = 1e9;

  /** The largest accepted open interest, in contracts: {@value}. */
  public static final long MAX_OPEN_INTEREST = 10_000_000_000L;

  /** The lowest accepted implied volatility other than 0 (none), as a decimal: {@value} (0.01%). */
  public static final double MIN_IMPLIED_VOLATILITY = 1e-4;

  /** The highest accepted implied volatility, as a decimal: {@value} (10,000%). */
  public static final double MAX_IMPLIED_VOLATILITY = 100;

  /** The earliest accepted expiry date, 1900-01-01. */
  public static final LocalDate EARLIEST_EXPIRY = LocalDate.of(1900, 1, 1);

  /** The latest accepted expiry date, 2300-12-31. */
  public static final LocalDate LATEST_EXPIRY = LocalDate.of(2300, 12, 31);

  /**
   * Validates every field; messages name the field and the value.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if a value is outside its range (see the class description)
   */
  public OptionContract {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(settlement, "settlement");
    Objects.requireNonNull(bid, "bid");
    Objects.requireNonNull(ask, "ask");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(vendorDelta, "vendorDelta");
    Objects.requireNonNull(vendorGamma, "vendorGamma");
    if (!(symbol.strike() >= MIN_PRICE && symbol.strike() <= MAX_PRICE)) {
      throw new IllegalArgumentException(
          "strike must be in [" + MIN_PRICE + ", " + MAX_PRICE + "], was " + symbol.strike()
              + " for " + symbol.root() + " " + symbol.expiry() + " " + symbol.right());
    }
    if (symbol.expiry().isBefore(EARLIEST_EXPIRY) || symbol.expiry().isAfter(LATEST_EXPIRY)) {
      throw new IllegalArgumentException(
          "expiry must be from " + EARLIEST_EXPIRY + " to " + LATEST_EXPIRY + ", was " + symbol.expiry()
              + " for " + symbol.root() + " " + symbol.right() + " " + symbol.strike());
    }
    if (openInterest < 0 || openInterest > MAX_OPEN_INTEREST) {
      throw new IllegalArgumentException(
          (openInterest < 0 ? "openInterest must be >= 0" : "openInterest must be <= " + MAX_OPEN_INTEREST)
              + ", was " + openInterest + " for " + symbol);
    }
    if (!(impliedVolatility >= 0) || Double.isInfinite(impliedVolatility)) {
      throw new IllegalArgumentException(
          "impliedVolatility must be finite and >= 0, was " + impliedVolatility + " for " + symbol);
    }
    if (impliedVolatility != 0
        && !(impliedVolatility >= MIN_IMPLIED_VOLATILITY
            && impliedVolatility <= MAX_IMPLIED_VOLATILITY)) {
      throw new IllegalArgumentException(
          "impliedVolatility must be 0 (none) or in [" + MIN_IMPLIED_VOLATILITY + ", "
              + MAX_IMPLIED_VOLATILITY + "], was " + impliedVolatility + " for " + symbol);
    }
    checkPrice("bid", bid, symbol);
    checkPrice("ask", ask, symbol);
    checkPrice("last", last, symbol);
    if (volume.isPresent() && volume.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "volume must be >= 0, was " + volume.getAsLong() + " for " + symbol);
    }
    if (vendorDelta.isPresent()) {
      double d = vendorDelta.getAsDouble();
      if (!(d >= -1 && d <= 1)) {
        throw new IllegalArgumentException(
            "vendorDelta must be in [-1, 1], was " + d + " for " + symbol);
      }
    }
    checkPrice("vendorGamma", vendorGamma, symbol);
    Objects.requireNonNull(spotAtQuote, "spotAtQuote");
    if (spotAtQuote.isPresent()) {
      double s = spotAtQuote.getAsDouble();
      if (!(s >= MIN_PRICE && s <= MAX_PRICE)) {
        throw new IllegalArgumentException(
            "spotAtQuote must be in [" + MIN_PRICE + ", " + MAX_PRICE + "], was " + s + " for " + symbol);
      }
    }
  }

  /**
   * A contract quoted at the chain's spot (no {@link #spotAtQuote()}).
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if a value is outside its range (see the class description)
   */
  public OptionContract(
      OccSymbol symbol,
      SettlementStyle settlement,
      long openInterest,
      double impliedVolatility,
      OptionalDouble bid,
      OptionalDouble ask,
      OptionalDouble last,
      OptionalLong volume,
      OptionalDouble vendorDelta,
      OptionalDouble vendorGamma) {
    this(
        symbol, settlement, openInterest, impliedVolatility, bid, ask, last, volume, vendorDelta,
        vendorGamma, OptionalDouble.empty());
  }

  private static void checkPrice(String field, OptionalDouble value, OccSymbol symbol) {
    if (value.isPresent()) {
      double v = value.getAsDouble();
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            field + " must be finite and >= 0, was " + v + " for " + symbol);
      }
    }
  }

  /**
   * A contract with only the fields the exposures need; settlement follows {@link
   * SettlementStyle#forRoot(String)}.
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public static OptionContract of(
      String root,
      LocalDate expiry,
      OptionRight right,
      double strike,
      long openInterest,
      double impliedVolatility) {
    return builder(new OccSymbol(root, expiry, right, strike))
        .openInterest(openInterest)
        .impliedVolatility(impliedVolatility)
        .build();
  }

  /** A builder for a contract with this symbol; settlement defaults to the root's default style. */
  public static Builder builder(OccSymbol symbol) {
    return new Builder(symbol);
  }

  /** A builder for the contract named by an OCC symbol such as {@code SPXW231215C04500000}. */
  public static Builder builder(String occSymbol) {
    return new Builder(OccSymbol.parse(occSymbol));
  }

  /** The option root, such as {@code SPXW}. */
  public String root() {
    return symbol.root();
  }

  /** The expiry date. */
  public LocalDate expiry() {
    return symbol.expiry();
  }

  /** Call or put. */
  public OptionRight right() {
    return symbol.right();
  }

  /** Whether this is a call. */
  public boolean isCall() {
    return symbol.right() == OptionRight.CALL;
  }

  /** The strike in index points. */
  public double strike() {
    return symbol.strike();
  }

  /** The mid of bid and ask when both are quoted and the ask is positive. */
  public OptionalDouble mid() {
    if (bid.isPresent() && ask.isPresent() && ask.getAsDouble() > 0) {
      return OptionalDouble.of((bid.getAsDouble() + ask.getAsDouble()) / 2);
    }
    return OptionalDouble.empty();
  }

  /** A copy with another open interest (for scenario analysis and tests). */
  public OptionContract withOpenInterest(long newOpenInterest) {
    return new OptionContract(
        symbol, settlement, newOpenInterest, impliedVolatility, bid, ask, last, volume, vendorDelta,
        vendorGamma, spotAtQuote);
  }

  /** A copy with another implied volatility. */
  public OptionContract withImpliedVolatility(double newImpliedVolatility) {
    return new OptionContract(
        symbol, settlement, openInterest, newImpliedVolatility, bid, ask, last, volume, vendorDelta,
        vendorGamma, spotAtQuote);
  }

  /**
   * A copy with another best bid and ask (empty when not quoted), quoted at the chain's spot (no {@link
   * #spotAtQuote()}).
   *
   * @throws IllegalArgumentException if a price is negative or not finite
   */
  public OptionContract withQuote(OptionalDouble newBid, OptionalDouble newAsk) {
    return withQuote(newBid, newAsk, OptionalDouble.empty());
  }

  /**
   * A copy with another best bid and ask (empty when not quoted), quoted when the underlying was at {@code
   * newSpotAtQuote} (empty: at the chain's spot).
   *
   * @throws IllegalArgumentException if a price is negative or not finite, or the spot is outside [{@value
   *     #MIN_PRICE}, {@value #MAX_PRICE}]
   */
  public OptionContract withQuote(
      OptionalDouble newBid, OptionalDouble newAsk, OptionalDouble newSpotAtQuote) {
    return new OptionContract(
        symbol, settlement, openInterest, impliedVolatility, newBid, newAsk, last, volume, vendorDelta,
        vendorGamma, newSpotAtQuote);
  }

  /**
   * This contract with its quote stamped as taken at {@code spot} if it has a two-sided quote without a
   * spot of its own; else this contract.
   *
   * @throws IllegalArgumentException if spot is outside [{@value #MIN_PRICE}, {@value #MAX_PRICE}]
   */
  public OptionContract quotedAt(double spot) {
    if (spotAtQuote.isPresent() || bid.isEmpty() || ask.isEmpty()) {
      return this;
    }
    return withQuote(bid, ask, OptionalDouble.of(spot));
  }

  /** Builds an {@link OptionContract}; not thread-safe. */
  public static final class Builder {
    private final OccSymbol symbol;
    private SettlementStyle settlement;
    private long openInterest;
    private double impliedVolatility;
    private OptionalDouble bid = OptionalDouble.empty();
    private OptionalDouble ask = OptionalDouble.empty();
    private OptionalDouble last = OptionalDouble.empty();
    private OptionalLong volume = OptionalLong.empty();
    private OptionalDouble vendorDelta = OptionalDouble.empty();
    private OptionalDouble vendorGamma = OptionalDouble.empty();
    private OptionalDouble spotAtQuote = OptionalDouble.empty();

    private Builder(OccSymbol symbol) {
      this.symbol = Objects.requireNonNull(symbol, "symbol");
      this.settlement = SettlementStyle.forRoot(symbol.root());
    }

    public Builder settlement(SettlementStyle value) {
      this.settlement = Objects.requireNonNull(value, "settlement");
      return this;
    }

    public Builder openInterest(long value) {
      this.openInterest = value;
      return this;
    }

    public Builder impliedVolatility(double value) {
      this.impliedVolatility = value;
      return this;
    }

    public Builder bid(double value) {
      this.bid = OptionalDouble.of(value);
      return this;
    }

    public Builder ask(double value) {
      this.ask = OptionalDouble.of(value);
      return this;
    }

    public Builder last(double value) {
      this.last = OptionalDouble.of(value);
      return this;
    }

    public Builder volume(long value) {
      this.volume = OptionalLong.of(value);
      return this;
    }

    public Builder vendorDelta(double value) {
      this.vendorDelta = OptionalDouble.of(value);
      return this;
    }

    public Builder vendorGamma(double value) {
      this.vendorGamma = OptionalDouble.of(value);
      return this;
    }

    /** The underlying's price when the bid and ask were quoted (default: the chain's spot). */
    public Builder spotAtQuote(double value) {
      this.spotAtQuote = OptionalDouble.of(value);
      return this;
    }

    /**
     * Builds the contract.
     *
     * @throws IllegalArgumentException naming the field and value if one is out of range
     */
    public OptionContract build() {
      return new OptionContract(
          symbol, settlement, openInterest, impliedVolatility, bid, ask, last, volume, vendorDelta,
          vendorGamma, spotAtQuote);
    }
  }
}

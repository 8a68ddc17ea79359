package io.gex.chain;

import io.gex.internal.ContractTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of an underlying's listed options: the underlying symbol, its spot price, the valuation
 * instant, the contracts, and the diagnostics of input rows that did not become contracts.
 *
 * <p>Each contract appears once; {@link Builder#add} keeps the first of two rows for the same contract and
 * records a {@link ContractDiagnostic.Reason#DUPLICATE} diagnostic for the second, while the canonical
 * constructor rejects duplicates outright.
 *
 * <p>Plausible ranges, checked here so that an analysis of any accepted chain has only finite figures:
 * the spot in [{@value OptionContract#MIN_PRICE}, {@value OptionContract#MAX_PRICE}] (as the strikes), the
 * valuation time from {@link #EARLIEST_VALUATION_TIME} (1900) to {@link #LATEST_VALUATION_TIME} (2300);
 * each contract checks its own fields (see {@link OptionContract}).
 *
 * <p>{@link #contracts()} is an immutable copy that also holds what every analysis reads of each contract
 * (strike, right, expiry, settlement, quoted IV, open interest) in primitive columns, filled once when the
 * chain is made: analyses read the columns, not the contract objects, which on a chain of 19,000 contracts
 * saves a cache miss or two per contract on every analysis. The columns take about 30 bytes a contract.
 * Chains made from another chain's contracts ({@link #withSpot}) share them.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param underlying the underlying symbol, such as {@code SPX}
 * @param spot the underlying's price, in [{@value OptionContract#MIN_PRICE}, {@value
 *     OptionContract#MAX_PRICE}]
 * @param valuationTime the instant the chain describes, from {@link #EARLIEST_VALUATION_TIME} to {@link
 *     #LATEST_VALUATION_TIME}
 * @param contracts the contracts, each identified once by its {@link OccSymbol}
 * @param diagnostics rows the source could not turn into contracts
 */
public record OptionChain(
    String underlying,
    double spot,
    Instant valuationTime,
    List<OptionContract> contracts,
    List<ContractDiagnostic> diagnostics) {

  /** The earliest accepted valuation time, 1900-01-01T00:00:00Z. */
  public static final Instant EARLIEST_VALUATION_TIME = Instant.parse("1900-01-01T00:00:00Z");

  /** The latest accepted valuation time, 2300-01-01T00:00:00Z. */
  public static final Instant LATEST_VALUATION_TIME = Instant.parse("2300-01-01T00:00:00Z");

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if the underlying is blank, the spot or valuation time is outside its
   *     range, or a contract appears twice
   */
  public OptionChain {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuationTime, "valuationTime");
    if (underlying.isBlank()) {
      throw new IllegalArgumentException("underlying must not be blank");
    }
    checkSpot(spot);
    checkValuationTime(valuationTime);
    contracts = table(contracts);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * The contracts copied into an immutable list that also holds them in columns (strike, right, expiry,
   * settlement, implied volatility, open interest, call/put pairs side by side), filled on the walk that
   * checks them for duplicates, so that every analysis of the chain reads the columns rather than the
   * contract objects; a list made here is taken as it is.
   */
  private static List<OptionContract> table(List<OptionContract> contracts) {
    Objects.requireNonNull(contracts, "contracts");
    if (contracts instanceof ContractTable<?> t && t.checked()) {
      return contracts;
    }
    OptionContract[] rows = contracts.toArray(new OptionContract[0]);
    ContractTable.Builder<OptionContract> table = ContractTable.builder(rows.length);
    Set<OccSymbol> seen = new HashSet<>(rows.length * 2);
    OccSymbol previous = null;
    for (OptionContract c : rows) {
      OccSymbol s = Objects.requireNonNull(c, "contract").symbol();
      if (!seen.add(s)) {
        throw new IllegalArgumentException("duplicate contract " + s + " in chain");
      }
      table.add(
          c, s.strike(), s.right() == OptionRight.CALL, c.impliedVolatility(), c.openInterest(),
          s.expiry(), c.settlement() == SettlementStyle.AM, previous != null && previous.pairsWith(s));
      previous = s;
    }
    return table.build(true);
  }

  /**
   * Checks a spot price against the accepted range, for sources that want to reject it where they read it.
   *
   * @return the spot
   * @throws IllegalArgumentException naming the value if the spot is not in [{@value
   *     OptionContract#MIN_PRICE}, {@value OptionContract#MAX_PRICE}]
   */
  public static double checkSpot(double spot) {
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be finite and > 0, was " + spot);
    }
    if (!(spot >= OptionContract.MIN_PRICE && spot <= OptionContract.MAX_PRICE)) {
      throw new IllegalArgumentException(
          "spot must be in [" + OptionContract.MIN_PRICE + ", " + OptionContract.MAX_PRICE + "], was "
              + spot);
    }
    return spot;
  }

  /**
   * Checks a valuation time against the accepted range, for sources that want to reject it where they
   * read it.
   *
   * @return the valuation time
   * @throws NullPointerException if valuationTime is null
   * @throws IllegalArgumentException naming the value if it is before {@link #EARLIEST_VALUATION_TIME} or
   *     after {@link #LATEST_VALUATION_TIME}
   */
  public static Instant checkValuationTime(Instant valuationTime) {
    Objects.requireNonNull(valuationTime, "valuationTime");
    if (valuationTime.isBefore(EARLIEST_VALUATION_TIME) || valuationTime.isAfter(LATEST_VALUATION_TIME)) {
      throw new IllegalArgumentException(
          "valuationTime must be from " + EARLIEST_VALUATION_TIME + " to " + LATEST_VALUATION_TIME
              + ", was " + valuationTime);
    }
    return valuationTime;
  }

  /** A chain with no source diagnostics. */
  public static OptionChain of(
      String underlying, double spot, Instant valuationTime, List<OptionContract> contracts) {
    return new OptionChain(underlying, spot, valuationTime, contracts, List.of());
  }

  /** A builder that drops duplicate contracts with a diagnostic. */
  public static Builder builder(String underlying, double spot, Instant valuationTime) {
    return new Builder(underlying, spot, valuationTime);
  }

  /** A copy at another spot (contracts unchanged). */
  public OptionChain withSpot(double newSpot) {
    return new OptionChain(underlying, newSpot, valuationTime, contracts, diagnostics);
  }

  /** A copy with other contracts (diagnostics unchanged). */
  public OptionChain withContracts(List<OptionContract> newContracts) {
    return new OptionChain(underlying, spot, valuationTime, newContracts, diagnostics);
  }

  /** Builds an {@link OptionChain} row by row, as sources do; not thread-safe. */
  public static final class Builder {
    private final String underlying;
    private final double spot;
    private final Instant valuationTime;
    private final List<OptionContract> contracts = new ArrayList<>();
    private final Map<OccSymbol, Integer> index = new HashMap<>();
    private final List<ContractDiagnostic> diagnostics = new ArrayList<>();

    private Builder(String underlying, double spot, Instant valuationTime) {
      this.underlying = underlying;
      this.spot = spot;
      this.valuationTime = valuationTime;
    }

    /**
     * Adds a contract; a second contract with the same symbol is not added and is reported as a
     * {@link ContractDiagnostic.Reason#DUPLICATE} diagnostic.
     *
     * @return true if added, false if it was a duplicate
     */
    public boolean add(OptionContract contract) {
      Objects.requireNonNull(contract, "contract");
      if (index.putIfAbsent(contract.symbol(), contracts.size()) != null) {
        diagnostics.add(
            new ContractDiagnostic(
                contract.symbol().toString(),
                "symbol",
                contract.symbol().toString(),
                ContractDiagnostic.Reason.DUPLICATE,
                "a contract with this root, expiry, right and strike was already read; the first is kept"));
        return false;
      }
      contracts.add(contract);
      return true;
    }

    /** Records a row that could not be read. */
    public Builder diagnostic(ContractDiagnostic diagnostic) {
      diagnostics.add(Objects.requireNonNull(diagnostic, "diagnostic"));
      return this;
    }

    /** The number of contracts added so far. */
    public int size() {
      return contracts.size();
    }

    /**
     * Builds the chain.
     *
     * @throws IllegalArgumentException if the underlying, spot or valuation time is invalid
     */
    public OptionChain build() {
      return new OptionChain(underlying, spot, valuationTime, contracts, diagnostics);
    }
  }
}

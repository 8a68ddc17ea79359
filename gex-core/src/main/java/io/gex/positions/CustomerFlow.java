package io.gex.positions;

import io.gex.chain.OccSymbol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Customers' flow per contract since the open: what a {@link FlowBook} made of a tape of trades. The
 * position model {@code flow} makes dealers shorter by customers' net purchases of each contract.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CustomerFlow {

  /** No trades at all. */
  public static final CustomerFlow EMPTY = new CustomerFlow(Map.of());

  private final Map<OccSymbol, ContractFlow> byContract;
  private final long trades;
  private final long unclassified;
  private final long stale;

  private CustomerFlow(Map<OccSymbol, ContractFlow> byContract) {
    this.byContract = byContract;
    long t = 0;
    long u = 0;
    long st = 0;
    for (ContractFlow f : byContract.values()) {
      t += f.trades();
      u += f.unclassified();
      st += f.stale();
    }
    this.trades = t;
    this.unclassified = u;
    this.stale = st;
  }

  /**
   * The flow of these contracts (copied).
   *
   * @throws NullPointerException if the map or an entry is null
   */
  public static CustomerFlow of(Map<OccSymbol, ContractFlow> byContract) {
    Objects.requireNonNull(byContract, "byContract");
    Map<OccSymbol, ContractFlow> copy = new LinkedHashMap<>();
    byContract.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "symbol"), Objects.requireNonNull(v, "flow")));
    return copy.isEmpty() ? EMPTY : new CustomerFlow(Collections.unmodifiableMap(copy));
  }

  /**
   * Classifies a tape in order with a fresh {@link FlowBook}.
   *
   * @throws NullPointerException if an argument or a trade is null
   */
  public static CustomerFlow of(Iterable<Trade> tape, TradeClassifier classifier) {
    Objects.requireNonNull(tape, "tape");
    FlowBook book = new FlowBook(classifier);
    for (Trade t : tape) {
      book.add(t);
    }
    return book.snapshot();
  }

  /** The flow of each contract traded. */
  public Map<OccSymbol, ContractFlow> byContract() {
    return byContract;
  }

  /** A contract's flow, {@link ContractFlow#NONE} if it did not trade. */
  public ContractFlow of(OccSymbol option) {
    return byContract.getOrDefault(Objects.requireNonNull(option, "option"), ContractFlow.NONE);
  }

  /** Whether there are no trades. */
  public boolean isEmpty() {
    return byContract.isEmpty();
  }

  /** Trades seen. */
  public long trades() {
    return trades;
  }

  /** Trades whose side was decided. */
  public long classified() {
    return trades - unclassified - stale;
  }

  /** Trades left out because nothing decided their side. */
  public long unclassified() {
    return unclassified;
  }

  /** Trades left out because their quote was too old. */
  public long stale() {
    return stale;
  }

  /**
   * The flow of two periods together, contract by contract: the flow of tape A then tape B when each was
   * classified on its own. (Classifying the joined tape can differ only in trades the tick test decides
   * across the join.)
   */
  public CustomerFlow plus(CustomerFlow other) {
    Objects.requireNonNull(other, "other");
    Map<OccSymbol, ContractFlow> sum = new LinkedHashMap<>(byContract);
    other.byContract.forEach((k, v) -> sum.merge(k, v, ContractFlow::plus));
    return of(sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerFlow other && byContract.equals(other.byContract);
  }

  @Override
  public int hashCode() {
    return byContract.hashCode();
  }

  @Override
  public String toString() {
    return "CustomerFlow[" + byContract.size() + " contracts, " + trades + " trades, " + classified()
        + " classified]";
  }
}

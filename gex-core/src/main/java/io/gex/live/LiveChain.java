package io.gex.live;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.NoUsableContractsException;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The option chain of one underlying as it changes through the day: one writer thread applies {@link
 * MarketEvent}s, and any thread can take an {@link #analysis()} of a consistent state at any moment.
 *
 * <p>The analysis of a live chain equals {@link GexEngine#analyze} of {@link #chain()}, the same state as
 * an {@link OptionChain}, in every figure.
 *
 * <p><b>Threads.</b> {@link #apply} must be called by one thread at a time (the writer). Every other method
 * may be called by any thread at any time; each answer describes the state after some whole number of
 * events, never a state in the middle of one.
 */
public final class LiveChain {

  private final GexEngine engine;
  private final String underlying;
  private final Object lock = new Object();

  // Guarded by lock.
  private final Map<OccSymbol, OptionContract> contracts;
  private final List<io.gex.chain.ContractDiagnostic> sourceDiagnostics;
  private double spot;
  private Instant valuationTime;
  private long version;
  private long ignored;
  private @Nullable GexAnalysis last;
  private long lastVersion = -1;

  private LiveChain(OptionChain initial, GexEngine engine) {
    this.engine = engine;
    this.underlying = initial.underlying();
    this.contracts = new LinkedHashMap<>();
    for (OptionContract c : initial.contracts()) {
      contracts.put(c.symbol(), c);
    }
    this.sourceDiagnostics = List.copyOf(initial.diagnostics());
    this.spot = initial.spot();
    this.valuationTime = initial.valuationTime();
  }

  /**
   * A live chain starting from a snapshot, analysed by an engine (whose settings apply to every analysis).
   *
   * @throws NullPointerException if an argument is null
   */
  public static LiveChain of(OptionChain initial, GexEngine engine) {
    return new LiveChain(Objects.requireNonNull(initial, "initial"), Objects.requireNonNull(engine, "engine"));
  }

  /**
   * Applies one event. Writer thread only.
   *
   * @return true if the state changed; false if the event names a contract the chain does not hold (a tick
   *     for an unlisted contract, a delisting of an unknown one), which is counted ({@link #ignoredEvents()})
   *     and otherwise ignored
   * @throws NullPointerException if the event is null
   */
  public boolean apply(MarketEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (lock) {
      boolean changed = applyLocked(event);
      if (changed) {
        version++;
      } else {
        ignored++;
      }
      return changed;
    }
  }

  private boolean applyLocked(MarketEvent event) {
    if (event instanceof MarketEvent.Spot) {
      spot = ((MarketEvent.Spot) event).spot();
      return true;
    }
    if (event instanceof MarketEvent.Clock) {
      valuationTime = event.time();
      return true;
    }
    if (event instanceof MarketEvent.Listed) {
      OptionContract c = ((MarketEvent.Listed) event).contract();
      contracts.put(c.symbol(), c);
      return true;
    }
    if (event instanceof MarketEvent.Delisted) {
      return contracts.remove(((MarketEvent.Delisted) event).contract()) != null;
    }
    MarketEvent.ContractField tick = (MarketEvent.ContractField) event;
    OptionContract c = contracts.get(tick.contract());
    if (c == null) {
      return false;
    }
    contracts.put(c.symbol(), with(c, tick.field(), tick.value()));
    return true;
  }

  private static OptionContract with(OptionContract c, MarketEvent.Field field, double value) {
    switch (field) {
      case IV:
        return c.withImpliedVolatility(value);
      case OI:
        return c.withOpenInterest((long) value);
      case BID:
      case ASK:
      default:
        OptionalDouble v = value == 0 ? OptionalDouble.empty() : OptionalDouble.of(value);
        return new OptionContract(
            c.symbol(),
            c.settlement(),
            c.openInterest(),
            c.impliedVolatility(),
            field == MarketEvent.Field.BID ? v : c.bid(),
            field == MarketEvent.Field.ASK ? v : c.ask(),
            c.last(),
            c.volume(),
            c.vendorDelta(),
            c.vendorGamma());
    }
  }

  /**
   * The analysis of the current state, equal in every figure to {@code engine.analyze(chain())}. Any
   * thread.
   *
   * @throws NoUsableContractsException if no contract of the current state can be priced
   */
  public GexAnalysis analysis() {
    OptionChain chain;
    long at;
    synchronized (lock) {
      if (last != null && lastVersion == version) {
        return last;
      }
      chain = chainLocked();
      at = version;
    }
    GexAnalysis analysis = engine.analyze(chain);
    synchronized (lock) {
      if (at > lastVersion) {
        last = analysis;
        lastVersion = at;
      }
    }
    return analysis;
  }

  /** The current state as an option chain. Any thread. */
  public OptionChain chain() {
    synchronized (lock) {
      return chainLocked();
    }
  }

  private OptionChain chainLocked() {
    return new OptionChain(
        underlying, spot, valuationTime, new ArrayList<>(contracts.values()), sourceDiagnostics);
  }

  /** The underlying symbol. */
  public String underlying() {
    return underlying;
  }

  /** The current spot. */
  public double spot() {
    synchronized (lock) {
      return spot;
    }
  }

  /** The current valuation time. */
  public Instant valuationTime() {
    synchronized (lock) {
      return valuationTime;
    }
  }

  /** The number of contracts held. */
  public int size() {
    synchronized (lock) {
      return contracts.size();
    }
  }

  /** The number of events that changed the state so far. */
  public long version() {
    synchronized (lock) {
      return version;
    }
  }

  /** The number of events ignored because they named a contract the chain does not hold. */
  public long ignoredEvents() {
    synchronized (lock) {
      return ignored;
    }
  }

  /** The engine whose settings apply. */
  public GexEngine engine() {
    return engine;
  }

  @Override
  public String toString() {
    return "LiveChain[" + underlying + ", " + size() + " contracts, version " + version() + "]";
  }
}

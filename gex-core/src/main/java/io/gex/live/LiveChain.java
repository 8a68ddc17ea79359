package io.gex.live;

import io.gex.GammaRegime;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.NoUsableContractsException;
import io.gex.analysis.ExposureCalculator;
import io.gex.analysis.GexExposures;
import io.gex.analysis.ResolvedChain;
import io.gex.analysis.ZeroGammaTracker;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.positions.CustomerFlow;
import io.gex.positions.FlowBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The option chain of one underlying as it changes through the day: one writer thread applies {@link
 * MarketEvent}s, and any thread can take an {@link #analysis()} of a consistent state at any moment.
 *
 * <p>The analysis of a live chain equals {@link GexEngine#analyze(OptionChain, CustomerFlow)} of {@link
 * #chain()}, the same state as an {@link OptionChain}, and {@link #customerFlow()}, the trades applied, in
 * every figure. A trade costs a hash lookup and a few additions ({@link FlowBook}); the flow's snapshot is
 * taken when an analysis needs it.
 *
 * <p><b>Quotes keep the spot they were taken at.</b> Each contract's bid and ask carry the spot of their
 * moment ({@link OptionContract#spotAtQuote()}): the snapshot's spot for the quotes of the snapshot, the
 * chain's spot when a bid or ask event arrives. An implied volatility that the IV source solves from a mid
 * (a pair without a usable quoted IV, or every contract under {@code mid}) is solved at that spot. So when
 * spot ticks and a quote does not, its volatility stays (sticky strike, as the profile assumes) instead of
 * becoming the volatility that turns a stale price into the new spot's price, which would drift with every
 * tick for no market reason; and a spot tick re-solves nothing.
 *
 * <p><b>Costs.</b> Applying an event costs a hash lookup and the replacement of one contract (a listing or
 * delisting shifts the contracts after it). An analysis resolves the current state straight from the held
 * contracts, without building an {@code OptionChain}, reusing what the last resolve found from the
 * instruments alone (times to settlement, the expiry selection, the call/put pairs) until a listing, a
 * delisting or the clock changes it; when the same contracts are priced again (a spot tick, a quote, an IV,
 * an open interest), the last resolve's columns and indices are reused, recomputed only at the contracts
 * whose volatility or open interest changed. When only spot moved since the last resolve and no strike
 * lies between the two spots, the last resolve is moved to the new spot whole ({@link
 * ResolvedChain#atSpot}): nothing is resolved again; the resolve before it is kept too, so that spot
 * hovering about a strike (moneyness, hence the {@code otm} volatilities, alternating between two states)
 * resolves and searches each side once. An analysis is kept until the next event: readers asking
 * again between events get the same object. {@link #levels()} computes only what a tick changes for a
 * trader's screen (totals, by strike, walls, regime, flip); it searches the profile for the flip only near
 * spot, and not at all while only spot moved and the crossings proven by the last search still decide the
 * nearest one ({@link ZeroGammaTracker}).
 *
 * <p><b>Threads.</b> {@link #apply} must be called by one thread at a time (the writer). Every other method
 * may be called by any thread at any time; each answer describes the state after some whole number of
 * events, never a state in the middle of one. Analyses are computed under the chain's lock, so the writer
 * waits for a reader's analysis to finish (and the other way round); analyses and levels are immutable.
 *
 * <p><b>Memory.</b> Measured as heap retained after full collections on the SPX snapshot's 19,156 contracts
 * ({@code io.gex.bench.LiveMemoryReport} in gex-bench): the chain as read holds 4.1 MB (symbols share their
 * root and expiry objects; 0.6 MB of it are the chain's columns); the live chain's list, index from symbol
 * to position and its copies of the contracts whose quotes it stamps with the snapshot's spot, 3.0 MB more
 * while the caller still holds the snapshot (the snapshot's own contract objects are garbage once it does
 * not); the last resolved state with its levels and the IV and open-interest columns, 3.7 MB; its
 * analysis, 0.4 MB. After spot has crossed a
 * strike the state on the strike's other side is kept too, sharing the columns that did not change. A
 * replaced contract's old object is garbage at once.
 */
public final class LiveChain {

  private final GexEngine engine;
  private final String underlying;
  private final Object lock = new Object();

  // Guarded by lock.
  private final List<OptionContract> contracts;
  private final Map<OccSymbol, Integer> positions;
  private final List<io.gex.chain.ContractDiagnostic> sourceDiagnostics;
  private double spot;
  private Instant valuationTime;
  private long version;
  private long ignored;
  // The state's resolve, analysis and levels, computed on first demand; dropped by every event that changes
  // the state.
  private @Nullable GexAnalysis last;
  private @Nullable ResolvedChain resolved;

  /**
   * The last state resolved and the one before it, and whether only spot has moved since both: then either
   * may be moved to the new spot without resolving again ({@link ResolvedChain#atSpot}), the one before when
   * spot went back across a strike (spot hovering about a strike alternates between two states).
   */
  private @Nullable ResolvedChain lastResolved;

  private @Nullable ResolvedChain resolvedBefore;

  private boolean onlySpotMoved;

  /** What the last resolve found from the instruments alone; dropped when a contract is listed or delisted. */
  private ResolvedChain.@Nullable Instruments instruments;
  private @Nullable LiveLevels levels;

  /**
   * The contracts' quoted IVs and open interest as columns, kept by the IV and OI events (so that a resolve
   * reads no contract for them); rebuilt after a listing or delisting. Guarded by lock.
   */
  private double @Nullable [] ivColumn;

  private double @Nullable [] oiColumn;

  /** The flip's crossings proven by the last search, reused while only spot moves. Guarded by lock. */
  private final ZeroGammaTracker flip = new ZeroGammaTracker();

  /** Customers' flow since the chain started, trade by trade; its snapshot is taken on first demand. */
  private final FlowBook book;
  private @Nullable CustomerFlow flow;

  private LiveChain(OptionChain initial, GexEngine engine) {
    this.engine = engine;
    this.book = new FlowBook(engine.tradeClassifier());
    this.underlying = initial.underlying();
    // Each quote is stamped with the spot it was taken at (the snapshot's), so that a volatility solved from
    // its mid stays put while spot moves and the quote does not.
    this.contracts = new ArrayList<>(initial.contracts().size());
    for (OptionContract c : initial.contracts()) {
      contracts.add(c.quotedAt(initial.spot()));
    }
    this.positions = new HashMap<>(2 * contracts.size());
    for (int i = 0; i < contracts.size(); i++) {
      positions.put(contracts.get(i).symbol(), i);
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
        onlySpotMoved &= event instanceof MarketEvent.Spot;
        version++;
        last = null;
        resolved = null;
        levels = null;
      } else {
        ignored++;
      }
      return changed;
    }
  }

  private boolean applyLocked(MarketEvent event) {
    if (event instanceof MarketEvent.Trade) {
      // A trade of a contract the chain does not hold is kept too: the analysis counts it.
      book.add(((MarketEvent.Trade) event).trade());
      flow = null;
      return true;
    }
    if (event instanceof MarketEvent.Spot) {
      spot = ((MarketEvent.Spot) event).spot();
      return true;
    }
    if (event instanceof MarketEvent.Clock) {
      valuationTime = event.time();
      return true;
    }
    if (event instanceof MarketEvent.Listed) {
      instruments = null;
      ivColumn = null;
      oiColumn = null;
      OptionContract c = ((MarketEvent.Listed) event).contract().quotedAt(spot);
      Integer at = positions.get(c.symbol());
      if (at != null) {
        contracts.set(at, c);
      } else {
        positions.put(c.symbol(), contracts.size());
        contracts.add(c);
      }
      return true;
    }
    if (event instanceof MarketEvent.Delisted) {
      Integer at = positions.remove(((MarketEvent.Delisted) event).contract());
      if (at == null) {
        return false;
      }
      instruments = null;
      ivColumn = null;
      oiColumn = null;
      contracts.remove((int) at);
      for (int i = at; i < contracts.size(); i++) {
        positions.put(contracts.get(i).symbol(), i);
      }
      return true;
    }
    MarketEvent.ContractField tick = (MarketEvent.ContractField) event;
    Integer at = positions.get(tick.contract());
    if (at == null) {
      return false;
    }
    OptionContract updated = with(contracts.get(at), tick.field(), tick.value(), spot);
    contracts.set(at, updated);
    double[] iv = ivColumn;
    double[] oi = oiColumn;
    if (iv != null && oi != null) {
      iv[at] = updated.impliedVolatility();
      oi[at] = updated.openInterest();
    }
    if (tick.field() == MarketEvent.Field.BID || tick.field() == MarketEvent.Field.ASK) {
      // The quote in force for the contract's next trade that carries none of its own.
      book.quote(
          tick.contract(), tick.time(), updated.bid().orElse(0), updated.ask().orElse(0));
    }
    return true;
  }

  /** The contract after a field's event; a new bid or ask is quoted at the chain's spot of the moment. */
  private static OptionContract with(
      OptionContract c, MarketEvent.Field field, double value, double spot) {
    switch (field) {
      case IV:
        return c.withImpliedVolatility(value);
      case OI:
        return c.withOpenInterest((long) value);
      case BID:
        return c.withQuote(quote(value), c.ask(), OptionalDouble.of(spot));
      case ASK:
      default:
        return c.withQuote(c.bid(), quote(value), OptionalDouble.of(spot));
    }
  }

  /** A bid or ask as an event gives it: 0 clears it. */
  private static OptionalDouble quote(double value) {
    return value == 0 ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * The analysis of the current state, equal in every figure to {@code engine.analyze(chain(), customerFlow())}. Any
   * thread. (The engine's analysis listeners are not called, and {@link GexAnalysis.Provenance#analyzedAt()} is the
   * system time.)
   *
   * @throws NoUsableContractsException if no contract of the current state can be priced
   */
  public GexAnalysis analysis() {
    synchronized (lock) {
      GexAnalysis analysis = last;
      if (analysis == null) {
        ResolvedChain state = resolvedLocked();
        Optional<Executor> executor = engine.executor();
        analysis =
            executor.isPresent()
                ? GexAnalysis.of(state, Instant.now(), executor.get())
                : GexAnalysis.of(state, Instant.now());
        last = analysis;
      }
      return analysis;
    }
  }

  /**
   * The levels of the current state (totals, by strike, walls, regime, flip), each equal to the same
   * figure of {@link #analysis()}, at a fraction of its cost. Any thread.
   *
   * @throws NoUsableContractsException if no contract of the current state can be priced
   */
  public LiveLevels levels() {
    synchronized (lock) {
      LiveLevels l = levels;
      if (l != null) {
        return l;
      }
      ResolvedChain r = resolvedLocked();
      if (r.size() == 0) {
        throw NoUsableContractsException.of(r);
      }
      GexExposures exposures = ExposureCalculator.DEFAULT.calculate(r);
      l =
          new LiveLevels(
              underlying,
              spot,
              valuationTime,
              version,
              exposures.totalGex(),
              exposures.callGex(),
              exposures.putGex(),
              exposures.byStrike(),
              exposures.callWall(),
              exposures.putWall(),
              GammaRegime.of(exposures.totalGex()),
              flip.zeroGamma(r),
              r.size());
      levels = l;
      return l;
    }
  }

  private ResolvedChain resolvedLocked() {
    ResolvedChain r = resolved;
    if (r != null) {
      return r;
    }
    // The last two states resolved serve only while nothing but spot has moved since they were made.
    ResolvedChain recent = onlySpotMoved ? lastResolved : null;
    ResolvedChain older = onlySpotMoved ? resolvedBefore : null;
    r = recent == null ? null : recent.atSpot(spot).orElse(null);
    if (r == null) {
      // Back across a strike: the state before; else resolve again.
      r = older == null ? null : older.atSpot(spot).orElse(null);
      if (r == null) {
        r = resolveAgain();
      }
      resolvedBefore = recent;
    }
    resolved = r;
    lastResolved = r;
    onlySpotMoved = true;
    return r;
  }

  private ResolvedChain resolveAgain() {
    double[] iv = ivColumn;
    double[] oi = oiColumn;
    if (iv == null || oi == null) {
      int n = contracts.size();
      iv = new double[n];
      oi = new double[n];
      for (int i = 0; i < n; i++) {
        iv[i] = contracts.get(i).impliedVolatility();
        oi[i] = contracts.get(i).openInterest();
      }
      ivColumn = iv;
      oiColumn = oi;
    }
    ResolvedChain r =
        ResolvedChain.resolve(
            underlying,
            spot,
            valuationTime,
            contracts,
            iv,
            oi,
            sourceDiagnostics,
            engine.settings(),
            instruments,
            engine.positionModel(),
            flowLocked());
    instruments = r.instruments();
    return r;
  }

  /**
   * Customers' flow since the chain started, from the {@link MarketEvent.Trade} events applied (classified
   * by the engine's {@link GexEngine#tradeClassifier()}). Any thread. The analysis of the chain equals
   * {@code engine.analyze(chain(), customerFlow())}.
   */
  public CustomerFlow customerFlow() {
    synchronized (lock) {
      return flowLocked();
    }
  }

  private CustomerFlow flowLocked() {
    CustomerFlow f = flow;
    if (f == null) {
      f = book.snapshot();
      flow = f;
    }
    return f;
  }

  /** The current state as an option chain. Any thread. */
  public OptionChain chain() {
    synchronized (lock) {
      return chainLocked();
    }
  }

  private OptionChain chainLocked() {
    return new OptionChain(underlying, spot, valuationTime, contracts, sourceDiagnostics);
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

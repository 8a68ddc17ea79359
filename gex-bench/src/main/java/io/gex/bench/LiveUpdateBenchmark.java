package io.gex.bench;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.live.LiveChain;
import io.gex.live.LiveLevels;
import io.gex.live.MarketEvent;
import io.gex.settings.IvSource;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The costs of a {@link LiveChain} on intraday events, one writer thread:
 *
 * <ul>
 *   <li>{@code spotTick}: spot moves as an index prints ({@link SpotWalk}: cents to half a point a tick),
 *       then a fresh {@link LiveChain#levels()}: totals, GEX by strike, walls, regime and flip;
 *   <li>{@code spotJump}: spot alternately 0.05% above and below the snapshot's, crossing a strike every
 *       time, then the levels;
 *   <li>{@code quoteUpdate}: one contract's implied volatility changes (contracts taken in turn), applied
 *       to the chain; the change is folded into the state the next analysis reads;
 *   <li>{@code quoteUpdateThenLevels}: the same, followed by the levels that see it;
 *   <li>{@code spotTickFullAnalysis}: spot moves, then the whole {@link LiveChain#analysis()} (equal to
 *       {@link GexEngine#analyze} of the same state).
 * </ul>
 *
 * <p>Chains as in {@link FullAnalysisBenchmark}. Allocation per call: add {@code -prof gc}.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar LiveUpdate -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class LiveUpdateBenchmark {

  /** A synthetic contract count, or {@code spx} for the real snapshot. */
  @Param({"500", "spx"})
  public String chain;

  /**
   * The IV source ({@code otm}, the default, or {@code vendor} or {@code mid}). Under {@code otm} 336 SPX
   * pairs are priced with a volatility solved from a mid; quoted at the snapshot's spot, they keep it while
   * spot ticks.
   */
  @Param({"otm"})
  public String iv;

  private LiveChain live;
  private double spot;
  private Instant time;
  private OccSymbol[] symbols;
  private double[] ivs;
  private int tick;

  /** Builds the live chain outside the measurement. */
  @Setup(Level.Trial)
  public void setUp() {
    OptionChain input = BenchData.chain(chain);
    live = LiveChain.of(input, GexEngine.builder().ivSource(IvSource.fromId(iv)).build());
    spot = input.spot();
    walk = new SpotWalk(spot, 42);
    time = input.valuationTime();
    symbols = new OccSymbol[input.contracts().size()];
    ivs = new double[symbols.length];
    for (int i = 0; i < symbols.length; i++) {
      OptionContract c = input.contracts().get(i);
      symbols[i] = c.symbol();
      ivs[i] = c.impliedVolatility() > 0 ? c.impliedVolatility() : 0.2;
    }
  }

  private SpotWalk walk;

  /** The next print of the index: a few cents to half a point from the last (see {@link SpotWalk}). */
  private MarketEvent.Spot nextSpot() {
    return new MarketEvent.Spot(time, walk.next());
  }

  /** Spot alternately 0.05% above and below the snapshot's: two points on SPX, across a strike. */
  private MarketEvent.Spot nextJump() {
    tick++;
    return new MarketEvent.Spot(time, spot * ((tick & 1) == 0 ? 1.0005 : 0.9995));
  }

  private MarketEvent.ContractField nextQuote() {
    int i = tick++ % symbols.length;
    double iv = ivs[i] * ((tick & 2) == 0 ? 1.01 : 0.99);
    return new MarketEvent.ContractField(time, symbols[i], MarketEvent.Field.IV, iv);
  }

  /** Spot ticks (cents to half a point); the levels of the new state. */
  @Benchmark
  public LiveLevels spotTick() {
    live.apply(nextSpot());
    return live.levels();
  }

  /**
   * Spot jumps 0.05% up and down: on SPX every move crosses a strike, so the pair there takes the other
   * member's volatility (IV source otm) and the flip is searched again; the levels of the new state.
   */
  @Benchmark
  public LiveLevels spotJump() {
    live.apply(nextJump());
    return live.levels();
  }

  /** One implied volatility changes. */
  @Benchmark
  public boolean quoteUpdate() {
    return live.apply(nextQuote());
  }

  /** One implied volatility changes; the levels of the new state. */
  @Benchmark
  public LiveLevels quoteUpdateThenLevels() {
    live.apply(nextQuote());
    return live.levels();
  }

  /** Spot ticks; the whole analysis of the new state. */
  @Benchmark
  public GexAnalysis spotTickFullAnalysis() {
    live.apply(nextSpot());
    return live.analysis();
  }
}

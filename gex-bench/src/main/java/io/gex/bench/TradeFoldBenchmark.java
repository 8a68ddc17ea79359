package io.gex.bench;

import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.live.LiveChain;
import io.gex.live.LiveLevels;
import io.gex.live.MarketEvent;
import io.gex.positions.Classification;
import io.gex.positions.FlowBook;
import io.gex.positions.PositionModels;
import io.gex.positions.Trade;
import io.gex.positions.TradeClassifier;
import io.gex.source.SyntheticTape;
import java.util.List;
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
 * The cost of folding one option trade into a live chain's customer flow (the position model {@code flow}),
 * one writer thread:
 *
 * <ul>
 *   <li>{@code liveTrade}: {@link LiveChain#apply} of a {@link MarketEvent.Trade}: the chain's lock, a hash
 *       lookup of the contract, the classification against the quote in force and a few additions (the
 *       budget is 5 µs a trade on the SPX chain);
 *   <li>{@code flowBookAdd}: the same trade into a bare {@link FlowBook}, without the chain;
 *   <li>{@code liveTradeThenLevels}: a trade, then the levels that see it (a resolve under {@code flow}:
 *       the flow's snapshot and every contract's position).
 * </ul>
 *
 * <p>The trades are 100,000 of a {@link SyntheticTape} over the chain (seed 1), taken in turn; the chain is
 * the real RUT (6,680 contracts) or SPX (19,156) snapshot. The cost of a trade does not grow with the chain.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar TradeFold -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class TradeFoldBenchmark {

  /** The real snapshot: {@code rut} or {@code spx}. */
  @Param({"rut", "spx"})
  public String chain;

  private LiveChain live;
  private FlowBook book;
  private MarketEvent.Trade[] events;
  private Trade[] trades;
  private int next;

  /** Builds the live chain and the tape outside the measurement. */
  @Setup(Level.Trial)
  public void setUp() {
    OptionChain input = chain.equals("rut") ? BenchData.rut() : BenchData.spx();
    GexEngine engine = GexEngine.builder().positionModel(PositionModels.FLOW).build();
    live = LiveChain.of(input, engine);
    book = new FlowBook(TradeClassifier.DEFAULT);
    List<Trade> tape = SyntheticTape.of(input, BenchData.SEED, 100_000).trades();
    trades = tape.toArray(new Trade[0]);
    events = new MarketEvent.Trade[trades.length];
    for (int i = 0; i < trades.length; i++) {
      events[i] = new MarketEvent.Trade(trades[i]);
    }
  }

  private int nextIndex() {
    int i = next++;
    if (next == trades.length) {
      next = 0;
    }
    return i;
  }

  /** One trade folded into the live chain. */
  @Benchmark
  public boolean liveTrade() {
    return live.apply(events[nextIndex()]);
  }

  /** One trade folded into a bare flow book. */
  @Benchmark
  public Classification flowBookAdd() {
    return book.add(trades[nextIndex()]);
  }

  /** One trade, then the levels of the new state under the flow model. */
  @Benchmark
  public LiveLevels liveTradeThenLevels() {
    live.apply(events[nextIndex()]);
    return live.levels();
  }
}

package io.gex.bench;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import java.util.concurrent.ForkJoinPool;
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
 * The whole {@link GexEngine#analyze} with the default settings: resolving the chain, exposures by strike
 * and expiry, the heatmap, walls, three gamma profiles of 201 points with their zero crossings, pin risk
 * and dealer positioning.
 *
 * <p>Chains: synthetic SPX chains of about 500, 5,000 and 20,000 contracts ({@link BenchData#synthetic})
 * and the real SPX snapshot ({@code spx}: 19,156 contracts, of which 16,853 are analysed; the others had
 * settled or have no implied volatility). Targets (issue 14, one thread): 500 contracts at most 60 µs, the
 * SPX snapshot at most 3 ms.
 *
 * <p>{@code executor}: {@code none} analyses on the benchmark's thread alone (the default engine);
 * {@code commonPool} gives the engine {@code ForkJoinPool.commonPool()} ({@link
 * GexEngine.Builder#executor}), which computes the gamma profiles beside it: wall time falls, CPU time
 * does not.
 *
 * <p>Warm-up: ten one-second iterations. On a 2-core machine the JIT settles the SPX analysis only after
 * about nine seconds: with no warm-up, the iterations of 2026-12-02 on the AMD machine took 42, 21, 14, 12,
 * 13, 12, 10 and 9 ms, then 8 to 11 ms; the 500-contract chain 6,298, 1,408, 675, 559 and 450 µs, then 272
 * to 360 µs. Three iterations measured code still being compiled.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar FullAnalysis -f 1 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class FullAnalysisBenchmark {

  /** A synthetic contract count, or {@code spx} for the real snapshot. */
  @Param({"500", "5000", "20000", "spx"})
  public String chain;

  /** {@code none}, or {@code commonPool} for an engine that hands the profiles to the common pool. */
  @Param({"none", "commonPool"})
  public String executor;

  private GexEngine engine;
  private OptionChain input;

  /** Builds the engine and the chain outside the measurement. */
  @Setup(Level.Trial)
  public void setUp() {
    GexEngine.Builder builder = GexEngine.builder();
    if (executor.equals("commonPool")) {
      builder.executor(ForkJoinPool.commonPool());
    }
    engine = builder.build();
    input = BenchData.chain(chain);
  }

  /** One full analysis. */
  @Benchmark
  public GexAnalysis analyze() {
    return engine.analyze(input);
  }
}

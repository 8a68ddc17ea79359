package io.gex.bench;

import io.gex.analysis.PinRiskAnalysis;
import io.gex.analysis.PinRiskAnalyzer;
import io.gex.analysis.ResolvedChain;
import io.gex.settings.GexSettings;
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
 * Max pain and pin risk of every expiry of a chain ({@link PinRiskAnalyzer#analyze(ResolvedChain)}), with
 * the chain resolved once in setup. One operation covers all the chain's expiries (the synthetic chains
 * have 18, the SPX snapshot 47).
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar MaxPain -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class MaxPainBenchmark {

  /** A synthetic contract count, or {@code spx} for the real snapshot. */
  @Param({"500", "5000", "20000", "spx"})
  public String chain;

  private ResolvedChain resolved;

  /** Reads or generates the chain and resolves it under the default settings. */
  @Setup(Level.Trial)
  public void setUp() {
    resolved = ResolvedChain.resolve(BenchData.chain(chain), GexSettings.DEFAULT);
  }

  /** Pin risk (with max pain) of every expiry. */
  @Benchmark
  public PinRiskAnalysis pinRisk() {
    return PinRiskAnalyzer.DEFAULT.analyze(resolved);
  }
}

package io.gex.bench;

import io.gex.GexEngine;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GammaProfileCalculator;
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
 * One gamma profile over all expiries ({@link GammaProfileCalculator#profile(ResolvedChain)}): total GEX
 * re-priced at every grid point from 0.5 to 1.5 times spot, and each zero crossing refined on the exact
 * profile. The chain is resolved once in setup, so this is the profile alone.
 *
 * <p>The cost should grow at most linearly with contracts × grid points (and less for short-dated chains,
 * whose contracts are skipped at grid points many standard deviations away).
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar GammaProfile -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class GammaProfileBenchmark {

  /** Approximate number of contracts of the synthetic chain. */
  @Param({"500", "5000", "20000"})
  public int contracts;

  /** Number of profile grid points (the default settings use 201). */
  @Param({"51", "201", "801"})
  public int points;

  private ResolvedChain resolved;

  /** Generates and resolves the chain under settings with this many profile points. */
  @Setup(Level.Trial)
  public void setUp() {
    GexSettings settings = GexEngine.builder().profilePoints(points).build().settings();
    resolved = ResolvedChain.resolve(BenchData.synthetic(contracts), settings);
  }

  /** One profile over all expiries. */
  @Benchmark
  public GammaProfile profile() {
    return GammaProfileCalculator.DEFAULT.profile(resolved);
  }
}

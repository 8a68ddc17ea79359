package io.gex.bench;

import io.gex.analysis.DealerPositioning;
import io.gex.analysis.DealerPositioningAnalyzer;
import io.gex.analysis.ExposureCalculator;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GammaProfileCalculator;
import io.gex.analysis.GexExposures;
import io.gex.analysis.ResolvedChain;
import io.gex.chain.OptionChain;
import io.gex.settings.GexSettings;
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
 * The stages of {@link io.gex.GexEngine#analyze} one by one, with the default settings, to tell which
 * stage a slow {@link FullAnalysisBenchmark} spends its time in: resolving the chain, the exposures at
 * spot, dealer positioning, and the three gamma profiles (all expiries, without the next expiry, without
 * the next monthly). Pin risk is {@link MaxPainBenchmark}. Not part of the headline set.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar AnalysisStages -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class AnalysisStagesBenchmark {

  /** A synthetic contract count, or {@code spx} for the real snapshot. */
  @Param({"500", "spx"})
  public String chain;

  private OptionChain input;
  private ResolvedChain resolved;
  private GexExposures exposures;

  /** Reads or generates the chain and computes each stage's inputs. */
  @Setup(Level.Trial)
  public void setUp() {
    input = BenchData.chain(chain);
    resolved = ResolvedChain.resolve(input, GexSettings.DEFAULT);
    exposures = ExposureCalculator.DEFAULT.calculate(resolved);
  }

  /** Settlement instants, times to expiry, volatilities, strike and expiry indexes, diagnostics. */
  @Benchmark
  public ResolvedChain resolve() {
    return ResolvedChain.resolve(input, GexSettings.DEFAULT);
  }

  /** GEX by strike, by expiry, the heatmap, walls and the strike zero-gamma. */
  @Benchmark
  public GexExposures exposures() {
    return ExposureCalculator.DEFAULT.calculate(resolved);
  }

  /** Delta, vanna and charm exposures, position and the zero-delta level. */
  @Benchmark
  public DealerPositioning dealer() {
    return DealerPositioningAnalyzer.DEFAULT.analyze(resolved, exposures);
  }

  /** The engine's three gamma profiles (one pass over the contracts) with their crossings. */
  @Benchmark
  public List<GammaProfile> profiles() {
    return GammaProfileCalculator.DEFAULT.profiles(resolved);
  }
}

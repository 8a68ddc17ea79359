package io.gex.bench;

import io.gex.GexEngine;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.DealerPositioningAnalyzer;
import io.gex.analysis.ExposureCalculator;
import io.gex.analysis.GammaProfileCalculator;
import io.gex.analysis.GexExposures;
import io.gex.analysis.GreekExposuresCalculator;
import io.gex.analysis.Measure;
import io.gex.analysis.MeasureCalculator;
import io.gex.analysis.MeasureExposures;
import io.gex.analysis.PinRiskAnalyzer;
import io.gex.analysis.ResolvedChain;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.live.LiveChain;
import io.gex.live.MarketEvent;
import io.gex.settings.GexSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The thread CPU time of one full analysis and of each of its stages, for when the machine is shared and
 * JMH's wall-clock scores measure the scheduler as much as the code (on a 2-core machine with a load of
 * 10, a 250 µs analysis can take 2 ms of wall time). CPU time leaves out the time the thread waited for a
 * core; it still includes cache and memory contention with the other processes, so it is an estimate of
 * the cost on an idle core, not a replacement for the JMH figures.
 *
 * <p>Each chain is analysed for a warm-up period first (so that the JIT has compiled the hot paths), then
 * each figure is the median over 9 batches of the CPU time per call. Stages: {@code resolve}
 * ({@link ResolvedChain#resolve}), {@code exposures}, {@code pinRisk}, {@code dealer}, {@code profiles}
 * (the engine's three gamma profiles), {@code measures} (every {@link Measure} in the engine's one pass)
 * and {@code greeks} (the higher-order exposures and the zero gamma of each expiry).
 *
 * <pre>
 * java -cp gex-bench/target/benchmarks.jar io.gex.bench.CpuTimeReport 500 spx
 * </pre>
 *
 * <p>A second line per chain splits the full analysis into its stages as the engine runs them, one after
 * the other, each timed in place (where the first line times each stage alone).
 *
 * <p>A third line per chain times what {@code gex-bench/numpy-baseline.py} computes, done by gex (the
 * chain resolved, gamma exposures by strike, one all-expiries profile with its crossings), for a like-for-like
 * comparison with numpy ({@code gex-bench/numpy-ratio.sh}).
 *
 * <p>A last line per chain compares the wall time of the default engine with one given {@code
 * ForkJoinPool.commonPool()} ({@link GexEngine.Builder#executor}), in 27 batches that alternate between
 * the two, and gives the calling thread's CPU time with the pool.
 *
 * <p>Arguments: the chains as for {@link BenchData#chain} (default {@code 500 spx}); the system property
 * {@code warmup} sets the warm-up seconds per chain (default 20: on a 2-core machine the JIT takes about nine
 * seconds to settle the SPX analysis, as {@link FullAnalysisBenchmark} records), and {@code batchMillis} the work per batch
 * (default 50 ms; on a noisy machine more calls per batch steady the medians). Not thread-safe; a
 * command-line tool.
 */
public final class CpuTimeReport {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int BATCHES = 9;

  /** Keeps results reachable so that the JIT cannot drop the work. */
  private static volatile @Nullable Object sink;

  private CpuTimeReport() {}

  /**
   * Prints one line per chain: microseconds of CPU time per call for the full analysis and each stage.
   *
   * @param args the chains, such as {@code 500 spx}
   * @throws UnsupportedOperationException if this JVM cannot measure thread CPU time
   */
  public static void main(String[] args) {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new UnsupportedOperationException("this JVM cannot measure thread CPU time");
    }
    THREADS.setThreadCpuTimeEnabled(true);
    String[] chains = args.length == 0 ? new String[] {"500", BenchData.SPX} : args;
    long warmupNanos = TimeUnit.SECONDS.toNanos(Long.getLong("warmup", 20));
    for (String name : chains) {
      OptionChain chain = BenchData.chain(name);
      GexEngine engine = GexEngine.builder().build();
      ResolvedChain resolved = ResolvedChain.resolve(chain, GexSettings.DEFAULT);
      GexExposures exposures = ExposureCalculator.DEFAULT.calculate(resolved);
      MeasureExposures measures =
          MeasureCalculator.DEFAULT.calculate(resolved, EnumSet.allOf(Measure.class));
      long end = System.nanoTime() + warmupNanos;
      int calls = 0;
      long start = System.nanoTime();
      do { // at least once, so that the cost per call below is measured even with no warm-up
        sink = engine.analyze(chain);
        calls++;
      } while (System.nanoTime() < end);
      // Batches of about batchMillis of work each.
      long perCall = Math.max(1, (System.nanoTime() - start) / Math.max(1, calls));
      long batchNanos = TimeUnit.MILLISECONDS.toNanos(Long.getLong("batchMillis", 50));
      int reps = (int) Math.max(1, Math.min(10_000, batchNanos / perCall));
      System.out.printf(
          Locale.ROOT,
          "%s (%d contracts, %d analysed): full %.0f us | resolve %.0f | exposures %.0f | pinRisk %.0f"
              + " | dealer %.0f | profiles %.0f | measures %.0f | greeks %.0f (us of CPU per call, median of"
              + " %d batches of %d)%n",
          name,
          chain.contracts().size(),
          resolved.size(),
          cpuMicros(() -> engine.analyze(chain), reps),
          cpuMicros(() -> ResolvedChain.resolve(chain, GexSettings.DEFAULT), reps),
          cpuMicros(() -> ExposureCalculator.DEFAULT.calculate(resolved), reps),
          cpuMicros(() -> PinRiskAnalyzer.DEFAULT.analyze(resolved), reps),
          cpuMicros(() -> DealerPositioningAnalyzer.DEFAULT.analyze(resolved, exposures), reps),
          cpuMicros(() -> GammaProfileCalculator.DEFAULT.profiles(resolved), reps),
          cpuMicros(() -> MeasureCalculator.DEFAULT.calculate(resolved, EnumSet.allOf(Measure.class)), reps),
          cpuMicros(() -> GreekExposuresCalculator.DEFAULT.calculate(measures), reps),
          BATCHES,
          reps);
      inSequence(name, chain, reps);
      // What numpy-baseline.py computes, done by gex: the chain resolved, per-contract gamma exposure at
      // spot summed by strike (with gex's totals, walls and heatmap), and one all-expiries profile with its
      // crossings. gex still does more than numpy here (IV rules, diagnostics, proven crossings).
      System.out.printf(
          Locale.ROOT,
          "%s numpy's subset: %.0f us of CPU per call (resolve, gamma exposures by strike, one profile with"
              + " its crossings)%n",
          name,
          cpuMicros(
              () -> {
                ResolvedChain r = ResolvedChain.resolve(chain, GexSettings.DEFAULT);
                sink =
                    ExposureCalculator.DEFAULT.calculate(
                        MeasureCalculator.DEFAULT.calculate(r, EnumSet.of(Measure.GAMMA)));
                return GammaProfileCalculator.DEFAULT.profile(r);
              },
              reps));
      // The live chain on the same state: spot ticking (SpotWalk) or jumping 0.05% up and down, IVs of the
      // contracts in turn.
      LiveChain live = LiveChain.of(chain, engine);
      int[] tick = {0};
      SpotWalk walk = new SpotWalk(chain.spot(), 42);
      Supplier<Object> spotTick =
          () -> {
            live.apply(new MarketEvent.Spot(chain.valuationTime(), walk.next()));
            return live.levels();
          };
      Supplier<Object> spotJump =
          () -> {
            tick[0]++;
            live.apply(
                new MarketEvent.Spot(
                    chain.valuationTime(), chain.spot() * ((tick[0] & 1) == 0 ? 1.0005 : 0.9995)));
            return live.levels();
          };
      Supplier<Object> quote =
          () -> {
            OptionContract c = chain.contracts().get(tick[0]++ % chain.contracts().size());
            double iv = c.impliedVolatility() > 0 ? c.impliedVolatility() : 0.2;
            return live.apply(
                new MarketEvent.ContractField(
                    chain.valuationTime(),
                    c.symbol(),
                    MarketEvent.Field.IV,
                    iv * ((tick[0] & 2) == 0 ? 1.01 : 0.99)));
          };
      long liveEnd = System.nanoTime() + warmupNanos / 2;
      while (System.nanoTime() < liveEnd) {
        sink = spotTick.get();
        sink = quote.get();
      }
      System.out.printf(
          Locale.ROOT,
          "%s live: spot tick + levels %.0f us | spot jump + levels %.0f | quote update %.2f"
              + " | quote update + levels %.0f | spot tick + analysis %.0f (us of CPU per call)%n",
          name,
          cpuMicros(spotTick, reps),
          cpuMicros(spotJump, reps),
          cpuMicros(quote, reps * 100),
          cpuMicros(
              () -> {
                sink = quote.get();
                return live.levels();
              },
              reps),
          cpuMicros(
              () -> {
                sink = spotTick.get();
                return live.analysis();
              },
              reps));
      // The engine alone against one that hands the profiles to the common pool: wall time, in batches that
      // alternate, so that both see the same machine (on a shared one, its speed moves within minutes).
      GexEngine pooled = GexEngine.builder().executor(ForkJoinPool.commonPool()).build();
      long pooledEnd = System.nanoTime() + warmupNanos / 2;
      while (System.nanoTime() < pooledEnd) {
        sink = pooled.analyze(chain);
      }
      double[] alone = new double[3 * BATCHES];
      double[] withPool = new double[3 * BATCHES];
      double[] callerCpu = new double[3 * BATCHES];
      for (int b = 0; b < alone.length; b++) {
        alone[b] = wallMicros(() -> engine.analyze(chain), reps);
        long cpu = THREADS.getCurrentThreadCpuTime();
        withPool[b] = wallMicros(() -> pooled.analyze(chain), reps);
        callerCpu[b] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / reps;
      }
      System.out.printf(
          Locale.ROOT,
          "%s executor: full analysis alone %.0f us | with the common pool (parallelism %d) %.0f us, of which"
              + " %.0f us of the caller's CPU (us of wall time per call, median of %d alternating batches)%n",
          name,
          median(alone),
          ForkJoinPool.getCommonPoolParallelism(),
          median(withPool),
          median(callerCpu),
          alone.length);
    }
  }

  /**
   * Prints the CPU time of each stage of a full analysis as the engine runs them (in the order of {@code
   * GexAnalysis.assemble} with no executor, which this writes out again: the engine times only two
   * spans), one after the other on one thread, each timed in place: the split of the {@code full} figure.
   * The first line's stages are timed alone, each from the same resolved chain, and the dealer stage there
   * computes its own measures; in the engine it takes the measures of the measures stage, and the first
   * stage to ask for the chain's gamma terms (the dealer's net-delta zero) builds them for the profiles.
   */
  private static void inSequence(String name, OptionChain chain, int reps) {
    String[] stages = {
      "resolve", "measures", "exposures", "pinRisk", "dealer", "greeks", "profiles", "quality"
    };
    double[][] perCall = new double[stages.length][BATCHES];
    long[] at = new long[stages.length + 1];
    for (int b = 0; b < BATCHES; b++) {
      long[] sum = new long[stages.length];
      for (int i = 0; i < reps; i++) {
        at[0] = THREADS.getCurrentThreadCpuTime();
        ResolvedChain resolved = ResolvedChain.resolve(chain, GexSettings.DEFAULT);
        at[1] = THREADS.getCurrentThreadCpuTime();
        MeasureExposures measures =
            MeasureCalculator.DEFAULT.calculate(resolved, EnumSet.allOf(Measure.class));
        at[2] = THREADS.getCurrentThreadCpuTime();
        GexExposures exposures = ExposureCalculator.DEFAULT.calculate(measures);
        at[3] = THREADS.getCurrentThreadCpuTime();
        sink = PinRiskAnalyzer.DEFAULT.analyze(resolved);
        at[4] = THREADS.getCurrentThreadCpuTime();
        DealerPositioning dealer = DealerPositioningAnalyzer.DEFAULT.analyze(exposures, measures);
        at[5] = THREADS.getCurrentThreadCpuTime();
        sink = GreekExposuresCalculator.DEFAULT.calculate(measures);
        at[6] = THREADS.getCurrentThreadCpuTime();
        sink = GammaProfileCalculator.DEFAULT.profiles(resolved);
        at[7] = THREADS.getCurrentThreadCpuTime();
        sink = resolved.dataQuality(dealer.grossGex());
        at[8] = THREADS.getCurrentThreadCpuTime();
        for (int s = 0; s < stages.length; s++) {
          sum[s] += at[s + 1] - at[s];
        }
      }
      for (int s = 0; s < stages.length; s++) {
        perCall[s][b] = sum[s] / 1e3 / reps;
      }
    }
    StringBuilder line = new StringBuilder();
    double total = 0;
    for (int s = 0; s < stages.length; s++) {
      double median = median(perCall[s]);
      total += median;
      line.append(String.format(Locale.ROOT, "%s %s %.0f", s == 0 ? "" : " |", stages[s], median));
    }
    System.out.printf(
        Locale.ROOT,
        "%s in sequence:%s (us of CPU per call, medians of %d batches of %d; they add up to %.0f)%n",
        name,
        line,
        BATCHES,
        reps,
        total);
  }

  private static double wallMicros(Supplier<?> work, int reps) {
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      sink = work.get();
    }
    return (System.nanoTime() - t0) / 1e3 / reps;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double cpuMicros(Supplier<?> work, int reps) {
    double[] perCall = new double[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < reps; i++) {
        sink = work.get();
      }
      perCall[b] = (THREADS.getCurrentThreadCpuTime() - t0) / 1e3 / reps;
    }
    Arrays.sort(perCall);
    return perCall[BATCHES / 2];
  }
}

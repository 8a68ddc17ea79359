package io.gex.flink;

import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.jspecify.annotations.Nullable;

/**
 * The scale benchmark (a main class, not a test): the synthetic market through the job on a local
 * embedded cluster at parallelism 1 and 2, reporting events per second, analyses per second and the latency
 * from an event to the analysis it ends in (wall-clock time from the source emitting the window's last
 * event to the analysis leaving the operator).
 *
 * <pre>
 * ./mvnw -q -o -pl gex-flink -am test-compile -DskipTests
 * java -cp "gex-flink/target/test-classes:gex-flink/target/gex-flink-job.jar" io.gex.flink.ScaleBenchmark 1000 1000 100
 * </pre>
 *
 * Arguments: underlyings, events per underlying, contracts per chain, conflation, and optionally a source
 * rate in events per second (default 200 x 200 x 100, 1m, unlimited). Unlimited, the run measures
 * throughput (latency then includes the queues of a saturated job); limited below capacity, it measures
 * latency.
 */
public final class ScaleBenchmark {

  private ScaleBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int contracts = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    String every = args.length > 3 ? args[3] : "1m";
    Double rate = args.length > 4 ? Double.valueOf(args[4]) : null;
    SyntheticMarket market = new SyntheticMarket(n, m, contracts, 1, SyntheticMarket.DEFAULT_START);
    System.out.printf(
        Locale.ROOT,
        "synthetic market: %d underlyings x %d events, about %d contracts each, conflation %s, source %s;"
            + " %d cores%n",
        n, m, contracts, every, rate == null ? "as fast as it goes" : rate + " events/s",
        Runtime.getRuntime().availableProcessors());
    for (int p : new int[] {1, 2}) {
      run(market, p, GexJob.duration("every", every), rate);
    }
  }

  private static void run(
      SyntheticMarket market, int parallelism, Duration every, @Nullable Double rate)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    env.enableCheckpointing(10_000);
    java.nio.file.Path checkpoints = GexPipeline.checkpointStorage(env, null);
    STAMPS.clear();
    var events =
        GexPipeline.synthetic(env, market, rate)
            .map(new Stamp())
            .returns(GexPipeline.EVENTS)
            .setParallelism(1)
            .name("stamp");
    var results = GexPipeline.analyse(events, GexJobSettings.DEFAULT.withEvery(every));
    results.map(new Latency()).returns(org.apache.flink.api.common.typeinfo.Types.LONG).sinkTo(new DiscardingSink<>());
    long start = System.nanoTime();
    JobExecutionResult r = env.execute("scale benchmark p" + parallelism);
    if (checkpoints != null) {
      GexPipeline.deleteTree(checkpoints);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long analyses = r.<Long>getAccumulatorResult("analyses");
    long latencySum = r.<Long>getAccumulatorResult("latencyMicrosSum");
    long latencyMax = r.<Long>getAccumulatorResult("latencyMicrosMax");
    System.out.printf(
        Locale.ROOT,
        "parallelism %d: %,d events in %.1f s (job start to end): %,.0f events/s, %,d analyses, %,.0f analyses/s;"
            + " event to analysis: mean %.1f ms, max %.1f ms%n",
        parallelism, market.size(), seconds, market.size() / seconds, analyses, analyses / seconds,
        latencySum / 1000.0 / Math.max(1, analyses), latencyMax / 1000.0);
  }

  /** When the source emitted each event, by underlying and event time (one JVM: the local cluster). */
  static final java.util.concurrent.ConcurrentHashMap<String, Long> STAMPS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Notes when each event left the source. */
  static final class Stamp extends RichMapFunction<GexEvent, GexEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public GexEvent map(GexEvent value) {
      STAMPS.put(value.underlying() + " " + value.time(), System.nanoTime());
      return value;
    }
  }

  /**
   * Measures, per analysis, the wall-clock time from the source emitting the window's last event (the
   * analysis's valuation time is that event's time) to the analysis leaving the keyed operator.
   */
  static final class Latency extends RichMapFunction<GexResult, Long> {
    private static final long serialVersionUID = 1L;
    private transient LongCounter count;
    private transient LongCounter sum;
    private transient org.apache.flink.api.common.accumulators.LongMaximum max;

    @Override
    public void open(OpenContext openContext) {
      count = new LongCounter();
      sum = new LongCounter();
      max = new org.apache.flink.api.common.accumulators.LongMaximum();
      getRuntimeContext().addAccumulator("analyses", count);
      getRuntimeContext().addAccumulator("latencyMicrosSum", sum);
      getRuntimeContext().addAccumulator("latencyMicrosMax", max);
    }

    @Override
    public Long map(GexResult value) {
      Long sent = STAMPS.remove(value.symbol() + " " + value.valuationTime());
      long micros = sent == null ? 0 : (System.nanoTime() - sent) / 1000;
      count.add(1);
      sum.add(micros);
      max.add(micros);
      return micros;
    }
  }
}

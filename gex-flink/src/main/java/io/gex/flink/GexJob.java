package io.gex.flink;

import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import io.gex.storage.postgres.PostgresGexStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's entry point: {@code java -jar gex-flink-job.jar OPTIONS} runs it on an embedded local cluster,
 * {@code flink run gex-flink-job.jar OPTIONS} on a real one (the module README has the details).
 *
 * <pre>
 * --replay DIR | --synthetic N_UNDERLYINGS:EVENTS | --kafka BOOTSTRAP --topic TOPIC
 * --out jsonl:PATH | --out postgres | --out kafka:TOPIC
 * [--every DURATION] [--parallelism N] [--checkpoint-interval DURATION] ...
 * </pre>
 */
@Command(
    name = "gex-flink",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Analyse option events of many underlyings on Apache Flink: each underlying's live chain in keyed"
          + " state, one analysis per conflation window of event time.",
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:the job failed", "2:bad command line"})
public final class GexJob implements Callable<Integer> {

  @Option(names = "--replay", paramLabel = "DIR", description = "replay every snapshot and tick file under DIR, in event-time order (bounded)")
  @Nullable Path replay;

  @Option(names = "--synthetic", paramLabel = "N_UNDERLYINGS:EVENTS", description = "a seeded synthetic market of N underlyings with EVENTS events each (bounded)")
  @Nullable String synthetic;

  @Option(names = "--contracts", paramLabel = "N", description = "--synthetic: about how many contracts per chain (default ${DEFAULT-VALUE})")
  int contracts = 200;

  @Option(names = "--seed", paramLabel = "S", description = "--synthetic: the seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--kafka", paramLabel = "BOOTSTRAP", description = "read JSON events (EventJson, v1) from Kafka at BOOTSTRAP (unbounded)")
  @Nullable String kafka;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "--kafka: the topic of events")
  @Nullable String topic;

  @Option(names = "--group", paramLabel = "ID", description = "--kafka: the consumer group (default ${DEFAULT-VALUE})")
  String group = "gex-flink";

  @Option(names = "--kafka-bounded", description = "--kafka: stop at the offsets that are latest at the start")
  boolean kafkaBounded;

  @Option(names = "--out-of-orderness", paramLabel = "DURATION", description = "--kafka: how late an event may be (default ${DEFAULT-VALUE})")
  String outOfOrderness = "1s";

  @Option(names = "--out", paramLabel = "SINK", required = true, description = "jsonl:PATH, postgres (GEX_PG_* as gex-storage-postgres reads them) or kafka:TOPIC")
  String out = "";

  @Option(names = "--out-bootstrap", paramLabel = "BOOTSTRAP", description = "--out kafka:TOPIC: the brokers (default: those of --kafka)")
  @Nullable String outBootstrap;

  @Option(names = "--every", paramLabel = "DURATION", description = "at most one analysis per underlying per DURATION of event time, such as 500ms, 1s, 1m (default: one per distinct event time)")
  @Nullable String every;

  @Option(names = "--parallelism", paramLabel = "N", description = "the parallelism of the analysis (default: the cluster's)")
  @Nullable Integer parallelism;

  @Option(names = "--checkpoint-interval", paramLabel = "DURATION", description = "how often to checkpoint (default 1s for --replay and --synthetic, whose output is committed by the checkpoint after the last event; 10s for --kafka)")
  @Nullable String checkpointInterval;

  @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "where checkpoints go, such as s3://bucket/gex or file:///data/gex (default: the cluster's execution.checkpointing.dir; run locally without one, a temporary directory)")
  @Nullable String checkpointDir;

  @Option(names = "--rate", paramLabel = "R", description = "risk-free rate, continuous, decimal (default 0)")
  double rate;

  @Option(names = "--dividend-yield", paramLabel = "Q", description = "dividend yield, continuous, decimal (default 0)")
  double dividendYield;

  @Option(names = "--iv", paramLabel = "SOURCE", description = "vendor, otm or mid (default otm)")
  String iv = "otm";

  @Option(names = "--convention", paramLabel = "C", description = "dealer-long-calls (default) or dealer-short-calls")
  String convention = "dealer-long-calls";

  @Option(names = "--expiries", paramLabel = "SEL", description = "all, 0dte, ex-0dte, to-monthly or MIN-MAX (default all)")
  String expiries = "all";

  private final PrintWriter err;

  GexJob(PrintWriter err) {
    this.err = err;
  }

  /** Runs the job; exits with its status. */
  public static void main(String[] args) {
    // The jar's log backend (slf4j-simple) says only what matters unless told otherwise.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    // An embedded local cluster warns about what only a real cluster has (delegation tokens, log files for
    // its web UI, a checkpoint asked of a task that has just finished); a job's failure still reaches the
    // caller as its exit status and message. -Dorg.slf4j.simpleLogger.log.org.apache.flink=warn shows them.
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.flink") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.flink", "error");
    }
    // UTF-8, as gex's command line writes, whatever the platform charset (JDK 17's default): the job's own
    // text is ASCII, but the file names and source messages it repeats need not be.
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the job with these arguments, printing to {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new GexJob(err));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            cmd.getErr().println("gex-flink: " + e.getMessage());
            return 2;
          }
          cmd.getErr().println("gex-flink: the job failed: " + rootMessage(e));
          return 1;
        });
    return cli.execute(args);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
  }

  @Override
  public Integer call() throws Exception {
    int sources = (replay != null ? 1 : 0) + (synthetic != null ? 1 : 0) + (kafka != null ? 1 : 0);
    if (sources != 1) {
      throw new IllegalArgumentException("give exactly one of --replay, --synthetic and --kafka");
    }
    GexJobSettings settings = settings();
    Configuration conf = new Configuration();
    // No Kryo: every type of the job has its own serializer, and a missing one must fail, not fall back.
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    String interval = checkpointInterval != null ? checkpointInterval : kafka != null ? "10s" : "1s";
    env.enableCheckpointing(duration("--checkpoint-interval", interval).toMillis());
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("--parallelism must be >= 1, was " + parallelism);
      }
      env.setParallelism(parallelism);
    }
    DataStream<GexEvent> events;
    if (replay != null) {
      events = GexPipeline.replay(env, replay);
    } else if (synthetic != null) {
      events = GexPipeline.synthetic(env, market(synthetic), null);
    } else {
      String brokers = java.util.Objects.requireNonNull(kafka);
      if (topic == null) {
        throw new IllegalArgumentException("--kafka needs --topic");
      }
      events =
          GexPipeline.kafka(
              env, brokers, topic, group, duration("--out-of-orderness", outOfOrderness), kafkaBounded);
    }
    DataStream<GexResult> results = GexPipeline.analyse(events, settings);
    Path jsonl = null;
    if (out.startsWith("jsonl:")) {
      jsonl = Path.of(out.substring("jsonl:".length()));
      GexPipeline.jsonLines(results, jsonl);
    } else if (out.equals("postgres")) {
      GexPipeline.store(results, PostgresGexStore::new);
    } else if (out.startsWith("kafka:")) {
      String brokers = outBootstrap != null ? outBootstrap : kafka;
      if (brokers == null) {
        throw new IllegalArgumentException("--out kafka:TOPIC needs --out-bootstrap (or --kafka)");
      }
      GexPipeline.kafkaSink(results, brokers, out.substring("kafka:".length()));
    } else {
      throw new IllegalArgumentException(
          "--out must be jsonl:PATH, postgres or kafka:TOPIC, was '" + out + "'");
    }
    // Last, once the command line has been checked: a local run's temporary directory is deleted after it.
    Path temporaryCheckpoints = GexPipeline.checkpointStorage(env, checkpointDir);
    JobExecutionResult result;
    try {
      result = env.execute("gex " + describeSource());
    } finally {
      if (temporaryCheckpoints != null) {
        GexPipeline.deleteTree(temporaryCheckpoints);
      }
    }
    if (jsonl != null && (replay != null || synthetic != null || kafkaBounded)) {
      long lines = GexPipeline.mergeParts(jsonl);
      err.println("gex-flink: " + lines + " analyses written to " + jsonl);
    }
    err.println("gex-flink: done in " + result.getNetRuntime() + " ms");
    return 0;
  }

  private String describeSource() {
    return replay != null ? "replay " + replay : synthetic != null ? "synthetic " + synthetic : "kafka " + topic;
  }

  private GexJobSettings settings() {
    IvSource source =
        switch (iv.toLowerCase(Locale.ROOT)) {
          case "vendor" -> IvSource.VENDOR;
          case "otm" -> IvSource.OTM;
          case "mid" -> IvSource.MID;
          default -> throw new IllegalArgumentException("--iv must be vendor, otm or mid, was " + iv);
        };
    SignConvention c =
        switch (convention.toLowerCase(Locale.ROOT)) {
          case "dealer-long-calls" -> SignConvention.DEALER_LONG_CALLS_SHORT_PUTS;
          case "dealer-short-calls" -> SignConvention.DEALER_SHORT_CALLS_LONG_PUTS;
          default ->
              throw new IllegalArgumentException(
                  "--convention must be dealer-long-calls or dealer-short-calls, was " + convention);
        };
    Map<String, String> alerts = new HashMap<>();
    return new GexJobSettings(
        rate,
        dividendYield,
        c,
        expiries,
        source,
        every == null ? null : duration("--every", every),
        alerts,
        out.equals("postgres"));
  }

  private SyntheticMarket market(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "--synthetic must be N_UNDERLYINGS:EVENTS such as 100:1000, was '" + text + "'");
    }
    try {
      return new SyntheticMarket(
          Integer.parseInt(parts[0].strip()),
          Integer.parseInt(parts[1].strip()),
          contracts,
          seed,
          SyntheticMarket.DEFAULT_START);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--synthetic must be N_UNDERLYINGS:EVENTS such as 100:1000, was '" + text + "'", e);
    }
  }

  /** A duration: 500ms, 1s, 2m, 1h, or ISO-8601 (PT1S). */
  static Duration duration(String option, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.startsWith("pt")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        throw new IllegalArgumentException("no unit");
      }
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("not positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          option + " must be a positive duration such as 500ms, 1s, 1m or PT1S, was '" + text + "'", e);
    }
  }

}

package io.gex.flink;

import io.gex.flink.internal.SerializerTypeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pieces of the job, for {@link GexJob}, tests and benchmarks: sources of {@link GexEvent}s, the keyed
 * analysis, and sinks of {@link GexResult}s.
 *
 * <p>The replay and synthetic sources are bounded, checkpointed sources of parallelism 1 whose records are
 * in event-time order (so every underlying's events are in order after the key-by, and the watermark is
 * the time of the latest event); the analysis runs at the environment's parallelism.
 */
public final class GexPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(GexPipeline.class);

  /** The type of the events, serialised by {@link GexEventSerializer}. */
  public static final TypeInformation<GexEvent> EVENTS =
      new SerializerTypeInfo<>(GexEvent.class, GexEventSerializer.INSTANCE);

  /** The type of the results, serialised by {@link GexResultSerializer}. */
  public static final TypeInformation<GexResult> RESULTS =
      new SerializerTypeInfo<>(GexResult.class, GexResultSerializer.INSTANCE);

  /** The suffix of the directory of part files behind {@code --out jsonl:PATH}: {@value}. */
  public static final String PARTS_SUFFIX = ".parts";

  private GexPipeline() {}

  /**
   * Sends checkpoints to a file system: to {@code dir} if given; else, when the environment names no
   * checkpoint directory (a local run), to a new temporary directory. Flink's default keeps checkpoints in
   * the job manager's memory, limited to 5 MB, which the chains of a few hundred underlyings exceed.
   *
   * @return the temporary directory created, for the caller to delete after the job, or null
   */
  public static @Nullable Path checkpointStorage(StreamExecutionEnvironment env, @Nullable String dir) {
    String target = dir;
    Path created = null;
    if (target == null) {
      if (env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isPresent()) {
        return null;
      }
      try {
        created = Files.createTempDirectory("gex-flink-checkpoints");
        target = created.toUri().toString();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for checkpoints", e);
      }
    }
    Configuration c = new Configuration();
    c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, target);
    env.configure(c);
    return created;
  }

  /** Deletes a directory and what it holds, logging (not throwing) what cannot be deleted. */
  public static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", dir, e.getMessage());
    }
  }

  /** The bounded replay of DIR ({@link ReplayFiles}). The directory is read where the source runs. */
  public static DataStream<GexEvent> replay(StreamExecutionEnvironment env, Path dir) {
    // Read once here, to fail early and to count; the source reads DIR again where it runs.
    long count = ReplayFiles.read(dir).size();
    return ordered(env, new ReplayGenerator(dir.toAbsolutePath().toString()), count, null, "replay " + dir);
  }

  /** The bounded synthetic market, optionally limited to {@code perSecond} events per second. */
  public static DataStream<GexEvent> synthetic(
      StreamExecutionEnvironment env, SyntheticMarket market, @Nullable Double perSecond) {
    return ordered(
        env,
        new SyntheticGenerator(market),
        market.size(),
        perSecond,
        "synthetic " + market.underlyings() + "x" + market.events());
  }

  private static DataStream<GexEvent> ordered(
      StreamExecutionEnvironment env,
      GeneratorFunction<Long, GexEvent> generator,
      long count,
      @Nullable Double perSecond,
      String name) {
    DataGeneratorSource<GexEvent> source =
        perSecond == null
            ? new DataGeneratorSource<>(generator, count, EVENTS)
            : new DataGeneratorSource<>(
                generator, count, RateLimiterStrategy.perSecond(perSecond), EVENTS);
    WatermarkStrategy<GexEvent> watermarks =
        WatermarkStrategy.<GexEvent>forMonotonousTimestamps()
            .withTimestampAssigner((e, previous) -> e.time().toEpochMilli());
    // Parallelism 1: one split, so the events stay in time order.
    return env.fromSource(source, watermarks, name, EVENTS).setParallelism(1);
  }

  /**
   * JSON events ({@link EventJson}) from a Kafka topic, from the committed offsets of the group (else the
   * earliest). Event time is each event's time; the watermark allows {@code outOfOrderness} and skips
   * partitions idle for a minute. A record that is not an event is logged and skipped.
   */
  public static DataStream<GexEvent> kafka(
      StreamExecutionEnvironment env,
      String bootstrap,
      String topic,
      String groupId,
      Duration outOfOrderness,
      boolean bounded) {
    var builder =
        KafkaSource.<GexEvent>builder()
            .setBootstrapServers(bootstrap)
            .setTopics(topic)
            .setGroupId(groupId)
            .setStartingOffsets(
                OffsetsInitializer.committedOffsets(
                    org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
            .setValueOnlyDeserializer(new EventDeserializer());
    if (bounded) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    WatermarkStrategy<GexEvent> watermarks =
        WatermarkStrategy.<GexEvent>forBoundedOutOfOrderness(outOfOrderness)
            .withTimestampAssigner((e, previous) -> e.time().toEpochMilli())
            .withIdleness(Duration.ofMinutes(1));
    return env.fromSource(builder.build(), watermarks, "kafka " + topic, EVENTS);
  }

  /** Keys the events by underlying and analyses them ({@link LiveChainFunction}). */
  public static DataStream<GexResult> analyse(DataStream<GexEvent> events, GexJobSettings settings) {
    return events
        .keyBy(GexEvent::underlying, org.apache.flink.api.common.typeinfo.Types.STRING)
        .process(new LiveChainFunction(settings), RESULTS)
        .name("live chains")
        .uid("live-chains");
  }

  /**
   * Writes each result's line to part files under {@code PATH.parts/} (exactly once: a part is committed
   * with the checkpoint after it; {@link #mergeParts} joins them into PATH once a bounded job is done).
   */
  public static void jsonLines(DataStream<GexResult> results, Path path) {
    Path parts = partsDirectory(path);
    FileSink<String> sink =
        FileSink.forRowFormat(
                new org.apache.flink.core.fs.Path(parts.toAbsolutePath().toUri()),
                new SimpleStringEncoder<String>(StandardCharsets.UTF_8.name()))
            .withRollingPolicy(OnCheckpointRollingPolicy.build())
            .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".jsonl").build())
            .build();
    results
        .map(GexResult::line, org.apache.flink.api.common.typeinfo.Types.STRING)
        .name("json line")
        .sinkTo(sink)
        .name("jsonl " + path)
        .uid("jsonl-sink");
  }

  /** The directory of part files behind {@code jsonl:PATH}. */
  public static Path partsDirectory(Path path) {
    return path.resolveSibling(path.getFileName() + PARTS_SUFFIX);
  }

  /** A committed part: {@code part-WRITER-N.jsonl}, WRITER a writer's unique id, N its count of parts. */
  private static final Pattern PART = Pattern.compile("part-(.+)-(\\d+)\\.jsonl");

  /**
   * Joins the committed part files behind PATH into PATH, then deletes them. Parts are taken in the order
   * they were last written, then by writer and part number: each underlying is analysed by one subtask at a
   * time, whose parts follow one another in time, so its lines stay in time order, across a restore too (a
   * restored subtask's writer has a new id, which need not sort after the old one's, and numbers its parts
   * from zero again). In-progress files (hidden, starting with a dot) are not committed output and are left
   * out.
   *
   * @return the number of lines written
   */
  public static long mergeParts(Path path) {
    Path dir = partsDirectory(path);
    List<Path> parts = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> PART.matcher(p.getFileName().toString()).matches())
          .forEach(parts::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    Map<Path, java.nio.file.attribute.FileTime> written = new java.util.HashMap<>();
    for (Path p : parts) {
      try {
        written.put(p, Files.getLastModifiedTime(p));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the time of " + p, e);
      }
    }
    parts.sort(
        Comparator.comparing((Path p) -> written.get(p))
            .thenComparing(GexPipeline::writer)
            .thenComparingLong(GexPipeline::partNumber));
    long lines = 0;
    try (var out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      for (Path p : parts) {
        try (Stream<String> in = Files.lines(p, StandardCharsets.UTF_8)) {
          for (String line : (Iterable<String>) in::iterator) {
            out.write(line);
            out.write('\n');
            lines++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    deleteTree(dir);
    return lines;
  }

  private static String writer(Path p) {
    Matcher m = PART.matcher(p.getFileName().toString());
    return m.matches() ? m.group(1) : "";
  }

  private static long partNumber(Path p) {
    Matcher m = PART.matcher(p.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(2)) : 0;
  }

  /** Saves every result in the stores the factory opens ({@link StoreSink}). */
  public static void store(DataStream<GexResult> results, StoreSink.StoreFactory factory) {
    results.sinkTo(new StoreSink(factory)).name("store").uid("store-sink");
  }

  /** Writes each result's line to a Kafka topic, keyed by underlying, at least once. */
  public static void kafkaSink(DataStream<GexResult> results, String bootstrap, String topic) {
    KafkaSink<GexResult> sink =
        KafkaSink.<GexResult>builder()
            .setBootstrapServers(bootstrap)
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .setRecordSerializer(
                KafkaRecordSerializationSchema.<GexResult>builder()
                    .setTopic(topic)
                    .setKeySerializationSchema(new SymbolBytes())
                    .setValueSerializationSchema(new LineBytes())
                    .build())
            .build();
    results.sinkTo(sink).name("kafka " + topic).uid("kafka-sink");
  }

  /** A result's key in Kafka: its symbol, UTF-8. (A class: Flink cannot infer a lambda's types here.) */
  static final class SymbolBytes implements SerializationSchema<GexResult> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(GexResult element) {
      return element.symbol().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A result's value in Kafka: its JSON line, UTF-8. */
  static final class LineBytes implements SerializationSchema<GexResult> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(GexResult element) {
      return element.line().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Reads {@code --replay DIR} where the source runs. */
  static final class ReplayGenerator implements GeneratorFunction<Long, GexEvent> {
    private static final long serialVersionUID = 1L;
    private final String dir;
    private transient @Nullable List<GexEvent> events;

    ReplayGenerator(String dir) {
      this.dir = dir;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
      events = ReplayFiles.read(Path.of(dir));
    }

    @Override
    public GexEvent map(Long index) {
      return Objects.requireNonNull(events).get(Math.toIntExact(index));
    }
  }

  /** Generates the synthetic market where the source runs. */
  static final class SyntheticGenerator implements GeneratorFunction<Long, GexEvent> {
    private static final long serialVersionUID = 1L;
    private final SyntheticMarket market;
    private transient SyntheticMarket.@Nullable Generated generated;

    SyntheticGenerator(SyntheticMarket market) {
      this.market = market;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
      generated = market.open();
    }

    @Override
    public GexEvent map(Long index) {
      return Objects.requireNonNull(generated).event(index);
    }
  }

  /** Reads Kafka records as {@link EventJson}; a bad record is logged and skipped. */
  static final class EventDeserializer implements DeserializationSchema<GexEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public @Nullable GexEvent deserialize(byte[] message) {
      try {
        return EventJson.read(message);
      } catch (IllegalArgumentException e) {
        LOG.warn("skipped a record that is not a gex event: {}", e.getMessage());
        return null;
      }
    }

    @Override
    public boolean isEndOfStream(GexEvent nextElement) {
      return false;
    }

    @Override
    public TypeInformation<GexEvent> getProducedType() {
      return EVENTS;
    }
  }
}

package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task fails mid-stream; the job restarts from its last checkpoint, and the output still holds every
 * expected analysis exactly once.
 */
class RecoveryTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusterTests.cluster();

  /** The ids of the failures injected (each once per test JVM). */
  static final Set<String> FAILED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** How many tasks of FailOnce ran again after a failure. */
  static final AtomicInteger RESTORED_ATTEMPTS = new AtomicInteger();

  /**
   * Passes events through, and throws once: at the K-th event after a checkpoint has completed (so that
   * the restart is from a checkpoint, not from the start).
   */
  static final class FailOnce extends RichMapFunction<GexEvent, GexEvent> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final int k;
    private transient int seen;
    private transient boolean checkpointed;

    FailOnce(String id, int k) {
      this.id = id;
      this.k = k;
    }

    @Override
    public void open(OpenContext openContext) {
      if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
        RESTORED_ATTEMPTS.incrementAndGet();
      }
    }

    @Override
    public GexEvent map(GexEvent value) {
      seen++;
      if (checkpointed && seen >= k && FAILED.add(id)) {
        throw new IllegalStateException("injected failure after " + seen + " events");
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }

  @Test
  void failureMidStream_restartsFromCheckpoint_everyAnalysisExactlyOnce(@TempDir Path dir) throws Exception {
    SyntheticMarket market = new SyntheticMarket(8, 150, 40, 5, SyntheticMarket.DEFAULT_START);
    Path out = dir.resolve("out.jsonl");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(200);
    // 8 x 151 events at 800 a second: about 1.5 s, several checkpoints; the failure after 600 events.
    DataStream<GexEvent> events =
        GexPipeline.synthetic(env, market, 800.0)
            .map(new FailOnce("jsonl", 600))
            .returns(GexPipeline.EVENTS)
            .setParallelism(1)
            .name("fail once");
    GexPipeline.jsonLines(GexPipeline.analyse(events, GexJobSettings.DEFAULT), out);
    env.execute("recovery");
    GexPipeline.mergeParts(out);

    assertThat(FAILED).as("the failure was injected").contains("jsonl");
    assertThat(RESTORED_ATTEMPTS.get()).as("the task ran again").isPositive();

    Map<String, List<JsonNode>> written = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode j = Oracle.tree(line);
      String key = j.get("symbol").asText() + " " + j.get("valuationTime").asText();
      if (!keys.add(key)) {
        duplicates.add(key);
      }
      written.computeIfAbsent(j.get("symbol").asText(), s -> new ArrayList<>()).add(j);
    }
    assertThat(duplicates).as("analyses written twice").isEmpty();
    Map<String, List<JsonNode>> oracle = Oracle.of(market, GexJobSettings.DEFAULT);
    assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(oracle.keySet());
    for (String symbol : oracle.keySet()) {
      // No loss, no duplicate, and every figure and alert as without the failure (the alert state is
      // keyed state, restored with the rest; AlertRecoveryTest makes sure the alerts cross the restore).
      List<JsonNode> lines = java.util.Objects.requireNonNull(written.get(symbol));
      List<JsonNode> expected = java.util.Objects.requireNonNull(oracle.get(symbol));
      assertThat(lines.size()).as(symbol).isEqualTo(151);
      Oracle.assertSame(symbol, lines, expected);
    }
  }
}

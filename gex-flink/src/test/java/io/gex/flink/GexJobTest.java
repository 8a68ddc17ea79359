package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gex.GexAnalysis;
import io.gex.alerts.AlertEngine;
import io.gex.chain.OptionChain;
import io.gex.flink.internal.EventClock;
import io.gex.server.AnalysisJson;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The job on a MiniCluster of parallelism 2 against the single-process engine. */
class GexJobTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusterTests.cluster();

  static final Path DATA = Path.of("..", "data");

  private static Map<String, List<JsonNode>> run(SyntheticMarket market, GexJobSettings settings)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(500);
    DataStream<GexResult> results =
        GexPipeline.analyse(GexPipeline.synthetic(env, market, null), settings);
    Map<String, List<JsonNode>> bySymbol = new LinkedHashMap<>();
    try (CloseableIterator<GexResult> it = results.executeAndCollect("synthetic")) {
      while (it.hasNext()) {
        GexResult r = it.next();
        bySymbol.computeIfAbsent(r.symbol(), k -> new ArrayList<>()).add(Oracle.tree(r.line()));
      }
    }
    return bySymbol;
  }

  @Test
  void synthetic_manyUnderlyingsParallelismTwo_everyAnalysisEqualsTheSingleProcessEngine() throws Exception {
    SyntheticMarket market = new SyntheticMarket(16, 60, 60, 11, SyntheticMarket.DEFAULT_START);
    Map<String, List<JsonNode>> job = run(market, GexJobSettings.DEFAULT);
    Map<String, List<JsonNode>> oracle = Oracle.of(market, GexJobSettings.DEFAULT);

    assertThat(job.keySet()).containsExactlyInAnyOrderElementsOf(oracle.keySet()).hasSize(16);
    int analyses = 0;
    for (String symbol : oracle.keySet()) {
      // One analysis per distinct event time: the snapshot's, then the 60 events' (all distinct).
      List<JsonNode> lines = java.util.Objects.requireNonNull(job.get(symbol));
      assertThat(lines.size()).as(symbol).isEqualTo(61);
      // Every figure, key by key: the JSON trees are equal.
      Oracle.assertSame(symbol, lines, oracle.get(symbol));
      analyses += java.util.Objects.requireNonNull(job.get(symbol)).size();
    }
    assertThat(analyses).isEqualTo(16 * 61);
  }

  @Test
  void synthetic_conflatedEveryThirtyMinutes_equalsTheSingleProcessEngine() throws Exception {
    SyntheticMarket market = new SyntheticMarket(6, 80, 60, 3, SyntheticMarket.DEFAULT_START);
    GexJobSettings settings = GexJobSettings.DEFAULT.withEvery(Duration.ofMinutes(30));
    Map<String, List<JsonNode>> job = run(market, settings);
    Map<String, List<JsonNode>> oracle = Oracle.of(market, settings);
    for (String symbol : oracle.keySet()) {
      // 14:30 to 21:15 UTC: the windows starting 14:30, 15:00, ..., 21:00 hold events: 14.
      List<JsonNode> lines = java.util.Objects.requireNonNull(job.get(symbol));
      Oracle.assertSame(symbol, lines, oracle.get(symbol));
      assertThat(lines.size()).as(symbol).isEqualTo(14);
    }
  }

  @Test
  void replay_bundledSnapshots_oneAnalysisPerSnapshotEqualToAnalyze(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.jsonl");
    StringWriter err = new StringWriter();
    int exit =
        GexJob.run(
            new String[] {"--replay", DATA.toString(), "--out", "jsonl:" + out, "--parallelism", "2"},
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      lines.add(Oracle.tree(line));
    }

    // What `gex analyze FILE --format json` prints for each bundled snapshot.
    ChainSources sources = ChainSources.builder().noSystemProperty().build();
    Map<String, JsonNode> analyze = new LinkedHashMap<>();
    try (var files = Files.list(DATA)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".json")).sorted().toList()) {
        OptionChain chain = sources.detect(f).load(SourceRequest.of(f));
        GexAnalysis a = GexJobSettings.DEFAULT.engine().analyze(chain);
        try (AlertEngine alerts = GexJobSettings.DEFAULT.alerts(new EventClock(chain.valuationTime()))) {
          analyze.put(
              chain.underlying() + " " + chain.valuationTime(),
              Oracle.tree(AnalysisJson.toTree(a, alerts.evaluate(a, Optional.empty()).raised()).toString()));
        }
      }
    }
    assertThat(analyze).hasSize(4);
    assertThat(lines).hasSize(4);
    for (JsonNode line : lines) {
      String key = line.get("symbol").asText() + " " + line.get("valuationTime").asText();
      assertThat(analyze).containsKey(key);
      assertThat(Oracle.diff("", line, java.util.Objects.requireNonNull(analyze.get(key)))).as(key).isNull();
    }
    assertThat(Files.exists(GexPipeline.partsDirectory(out))).isFalse();
  }
}

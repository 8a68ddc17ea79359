package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gex.GammaRegime;
import io.gex.GexAnalysis;
import io.gex.chain.OptionChain;
import io.gex.live.MarketEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert state (cooldowns, and the previous analysis the rules compare with) is keyed state: after a
 * failure and a restore from a checkpoint, an alert raised before the checkpoint is not raised again
 * within its cooldown, and a rule comparing with the previous analysis still compares with the one before
 * the failure. The job's output, alerts included, equals the single-process run's.
 */
class AlertRecoveryTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusterTests.cluster();

  private static final int UNDERLYINGS = 4;
  private static final int TICKS = 120;

  /**
   * Two rules on, both raised on every analysis of the market below: {@code regime-change} compares with
   * the previous analysis and has no cooldown; {@code gamma-flip-proximity} (every distance counts, always
   * HIGH) has a cooldown of a day, longer than the session, so the single-process run raises it once per
   * underlying.
   */
  private static final GexJobSettings SETTINGS =
      new GexJobSettings(
          GexJobSettings.DEFAULT.rate(),
          GexJobSettings.DEFAULT.dividendYield(),
          GexJobSettings.DEFAULT.convention(),
          GexJobSettings.DEFAULT.expiries(),
          GexJobSettings.DEFAULT.iv(),
          null,
          Map.of(
              "gex.alerts.regime-change.cooldown", "PT0S",
              "gex.alerts.gamma-flip-proximity.cooldown", "P1D",
              "gex.alerts.gamma-flip-proximity.percent", "100",
              "gex.alerts.gamma-flip-proximity.medium-percent", "100",
              "gex.alerts.gamma-flip-proximity.high-percent", "100",
              "gex.alerts.pin-risk.enabled", "false",
              "gex.alerts.gex-concentration.enabled", "false",
              "gex.alerts.dealer-short-gamma.enabled", "false",
              "gex.alerts.wall-breach.enabled", "false"),
          false);

  /** The ids of the failures injected (each once per test JVM). */
  static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

  /**
   * Passes events through, and throws once: at the {@code k}-th event, once a checkpoint taken after at
   * least {@code before} events has completed, so that the restore is from a checkpoint that holds alert
   * state of every underlying.
   */
  static final class FailAfterCheckpoint extends RichMapFunction<GexEvent, GexEvent>
      implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final int before;
    private final int k;
    private transient int seen;
    private transient @Nullable Map<Long, Integer> seenAt;
    private transient int seenAtCompleted;

    FailAfterCheckpoint(String id, int before, int k) {
      this.id = id;
      this.before = before;
      this.k = k;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      seenAt = new HashMap<>();
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      Objects.requireNonNull(seenAt).put(context.getCheckpointId(), seen);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      Integer n = Objects.requireNonNull(seenAt).get(checkpointId);
      if (n != null) {
        seenAtCompleted = Math.max(seenAtCompleted, n);
      }
    }

    @Override
    public GexEvent map(GexEvent value) {
      seen++;
      if (seenAtCompleted >= before && seen >= k && FAILED.add(id)) {
        throw new IllegalStateException(
            "injected failure at event " + seen + ", after a checkpoint at event " + seenAtCompleted);
      }
      return value;
    }
  }

  /**
   * The market: each underlying's synthetic chain, then spot ticks one second apart that alternate between
   * 2% below and 2% above the chain's zero-gamma level, so that the regime flips at every tick.
   */
  static final class Market implements GeneratorFunction<Long, GexEvent> {
    private static final long serialVersionUID = 1L;
    private final SyntheticMarket market;
    private transient OptionChain @Nullable [] chains;
    private transient double @Nullable [][] spots;

    Market(SyntheticMarket market) {
      this.market = market;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
      build();
    }

    void build() {
      chains = new OptionChain[market.underlyings()];
      spots = new double[market.underlyings()][];
      for (int u = 0; u < market.underlyings(); u++) {
        OptionChain chain = market.chain(u);
        GexAnalysis a = SETTINGS.engine().analyze(chain);
        double zero = a.zeroGamma().orElseThrow(() -> new IllegalStateException(chain.underlying() + ": no flip"));
        chains[u] = chain;
        spots[u] = new double[] {zero * 0.98, zero * 1.02};
      }
    }

    long size() {
      return (long) market.underlyings() * (TICKS + 1);
    }

    @Override
    public GexEvent map(Long index) {
      int u = (int) (index % market.underlyings());
      long k = index / market.underlyings();
      OptionChain chain = Objects.requireNonNull(chains)[u];
      if (k == 0) {
        return GexEvent.snapshot(chain);
      }
      Instant t = chain.valuationTime().plusSeconds(k);
      double spot = Objects.requireNonNull(spots)[u][(int) (k % 2)];
      return GexEvent.market(chain.underlying(), new MarketEvent.Spot(t, spot));
    }

    /** Per underlying, its events in order. */
    Map<OptionChain, List<MarketEvent>> sessions() {
      build();
      Map<OptionChain, List<MarketEvent>> all = new LinkedHashMap<>();
      for (long i = 0; i < size(); i++) {
        GexEvent e = map(i);
        OptionChain chain = Objects.requireNonNull(chains)[(int) (i % market.underlyings())];
        List<MarketEvent> events = all.computeIfAbsent(chain, c -> new ArrayList<>());
        if (e.event() != null) {
          events.add(e.event());
        }
      }
      return all;
    }
  }

  @Test
  void failureMidStream_alertsAfterRestore_asWithoutFailure(@TempDir Path dir) throws Exception {
    Market market = new Market(new SyntheticMarket(UNDERLYINGS, 1, 40, 11, SyntheticMarket.DEFAULT_START));

    // The single-process run: what the job must write, alerts included.
    Map<String, List<JsonNode>> oracle = new LinkedHashMap<>();
    market.sessions().forEach((chain, events) -> oracle.put(chain.underlying(), Oracle.replay(chain, events, SETTINGS)));
    for (Map.Entry<String, List<JsonNode>> e : oracle.entrySet()) {
      List<JsonNode> lines = e.getValue();
      assertThat(lines).as(e.getKey()).hasSize(TICKS + 1);
      assertThat(rules(lines.get(0))).as(e.getKey() + " first analysis").containsExactly("gamma-flip-proximity");
      for (int i = 1; i < lines.size(); i++) {
        // the market flips the regime at every tick, and the proximity alert is in its cooldown
        assertThat(rules(lines.get(i))).as(e.getKey() + " analysis " + i).containsExactly("regime-change");
        assertThat(GammaRegime.valueOf(lines.get(i).get("regime").asText()))
            .isNotEqualTo(GammaRegime.valueOf(lines.get(i - 1).get("regime").asText()));
      }
    }

    Path out = dir.resolve("out.jsonl");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(150);
    // 4 x 121 events at 300 a second: about 1.6 s; the failure once a checkpoint after 60 events (15 per
    // underlying) has completed, at event 300 at the earliest.
    DataStream<GexEvent> events =
        env.fromSource(
                new DataGeneratorSource<>(
                    market, market.size(), RateLimiterStrategy.perSecond(300), GexPipeline.EVENTS),
                WatermarkStrategy.<GexEvent>forMonotonousTimestamps()
                    .withTimestampAssigner((e, previous) -> e.time().toEpochMilli()),
                "flipping market",
                GexPipeline.EVENTS)
            .setParallelism(1)
            .map(new FailAfterCheckpoint("alerts", 60, 300))
            .returns(GexPipeline.EVENTS)
            .setParallelism(1)
            .name("fail once");
    GexPipeline.jsonLines(GexPipeline.analyse(events, SETTINGS), out);
    env.execute("alert recovery");
    GexPipeline.mergeParts(out);
    assertThat(FAILED).as("the failure was injected").contains("alerts");

    Map<String, List<JsonNode>> written = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode j = Oracle.tree(line);
      written.computeIfAbsent(j.get("symbol").asText(), s -> new ArrayList<>()).add(j);
    }
    assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(oracle.keySet());
    SoftAssertions soft = new SoftAssertions();
    for (String symbol : oracle.keySet()) {
      List<JsonNode> lines = Objects.requireNonNull(written.get(symbol));
      List<String> proximity = new ArrayList<>();
      List<Integer> noRegimeChange = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        List<String> rules = rules(lines.get(i));
        if (rules.contains("gamma-flip-proximity")) {
          proximity.add(lines.get(i).get("valuationTime").asText());
        }
        if (i > 0 && !rules.contains("regime-change")) {
          noRegimeChange.add(i);
        }
      }
      soft.assertThat(proximity).as(symbol + ": gamma-flip-proximity raised (cooldown a day) at").hasSize(1);
      soft.assertThat(noRegimeChange).as(symbol + ": analyses without the regime change from the previous").isEmpty();
    }
    soft.assertAll();
    for (String symbol : oracle.keySet()) {
      Oracle.assertSame(symbol, Objects.requireNonNull(written.get(symbol)), oracle.get(symbol));
    }
  }

  private static List<String> rules(JsonNode line) {
    List<String> ids = new ArrayList<>();
    line.get("alerts").forEach(a -> ids.add(a.get("ruleId").asText()));
    return ids;
  }
}

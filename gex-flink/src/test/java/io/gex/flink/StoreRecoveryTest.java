package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.GexAnalysis;
import io.gex.server.AnalysisJson;
import io.gex.storage.postgres.PostgresGexStore;
import io.gex.store.GexStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The recovery test with the PostgreSQL store as the sink: after a failure mid-stream and a restart from
 * the last checkpoint, the results after that checkpoint are saved again, and the store, whose saves
 * replace a snapshot of the same symbol and instant, holds every analysis exactly once. Runs against the
 * server named by {@code GEX_TEST_PG_URL} (as CI does); skipped, with the reason on the console, without it.
 */
@ExtendWith(StoreRecoveryTest.PostgresNamed.class)
class StoreRecoveryTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusterTests.cluster();

  static final String SCHEMA =
      ("gex_t_flink_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL))
          .toLowerCase(Locale.ROOT);

  static String url() {
    return System.getenv("GEX_TEST_PG_URL").trim();
  }

  static String user() {
    String u = System.getenv("GEX_TEST_PG_USER");
    return u == null || u.isBlank() ? "postgres" : u.trim();
  }

  static GexStore open() {
    PostgresGexStore.Builder b =
        PostgresGexStore.builder().jdbcUrl(url()).user(user()).schema(SCHEMA).migrateOnFirstUse(true);
    String password = System.getenv("GEX_TEST_PG_PASSWORD");
    if (password != null) {
      b.password(password);
    }
    return b.build();
  }

  @AfterAll
  static void dropSchema() throws Exception {
    try (Connection c = DriverManager.getConnection(url(), user(), System.getenv("GEX_TEST_PG_PASSWORD"));
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  @Test
  void failureMidStream_storeHoldsEveryAnalysisOnce() throws Exception {
    SyntheticMarket market = new SyntheticMarket(6, 120, 40, 9, SyntheticMarket.DEFAULT_START);
    try (GexStore store = open()) {
      assertThat(store.latest("S00001")).isEmpty(); // migrates the fresh schema before the job starts
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(200);
    DataStream<GexEvent> events =
        GexPipeline.synthetic(env, market, 250.0)
            .map(new RecoveryTest.FailOnce("postgres", 300))
            .returns(GexPipeline.EVENTS)
            .setParallelism(1)
            .name("fail once");
    GexPipeline.store(
        GexPipeline.analyse(events, GexJobSettings.DEFAULT.withStoreSnapshots(true)),
        StoreRecoveryTest::open);
    env.execute("store recovery");
    assertThat(RecoveryTest.FAILED).as("the failure was injected").contains("postgres");

    Map<String, List<JsonNode>> oracle = Oracle.of(market, GexJobSettings.DEFAULT);
    try (GexStore store = open()) {
      for (Map.Entry<String, List<JsonNode>> e : oracle.entrySet()) {
        List<GexAnalysis> stored =
            store.analyses(e.getKey(), Instant.parse("2022-12-16T00:00:00Z"), Instant.parse("2022-12-17T00:00:00Z"));
        List<JsonNode> got = new ArrayList<>();
        for (GexAnalysis a : stored) {
          got.add(Oracle.tree(AnalysisJson.toTree(a, List.of()).toString()));
        }
        List<JsonNode> expected = e.getValue();
        expected.forEach(j -> ((ObjectNode) j).remove("alerts"));
        got.forEach(j -> ((ObjectNode) j).remove("alerts"));
        assertThat(got.size()).as(e.getKey()).isEqualTo(121);
        Oracle.assertSame(e.getKey(), got, expected);
      }
    }
    // One row per analysis in the table itself, not only through the store's reads.
    try (Connection c = DriverManager.getConnection(url(), user(), System.getenv("GEX_TEST_PG_PASSWORD"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCHEMA + ".gex_snapshots")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(6 * 121);
    }
  }

  /** Skips the class, saying why on the console, when no server is named. */
  static final class PostgresNamed implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(
        org.junit.jupiter.api.extension.ExtensionContext context) {
      String url = System.getenv("GEX_TEST_PG_URL");
      if (url == null || url.isBlank()) {
        String reason = "no PostgreSQL: GEX_TEST_PG_URL is not set (such as jdbc:postgresql://127.0.0.1:5432/test)";
        System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
      }
      return ConditionEvaluationResult.enabled("GEX_TEST_PG_URL is set");
    }
  }
}

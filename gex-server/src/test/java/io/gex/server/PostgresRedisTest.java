package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service on the PostgreSQL store and the Redis cache, found as {@code GEX_PG_URL} and {@code
 * GEX_REDIS_URL} find them (ServiceLoader): what one instance records, an instance started later on the
 * same database serves. Runs against the servers named by {@code GEX_TEST_PG_URL} and {@code
 * GEX_TEST_REDIS_URL}, in a schema of its own that it drops; skipped with one console line without them.
 */
@ExtendWith(PostgresRedisTest.ServersNamed.class)
class PostgresRedisTest {

  static String pgUrl;
  static String schema;

  @BeforeAll
  static void configure() {
    pgUrl = System.getenv("GEX_TEST_PG_URL");
    schema = "gex_server_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    System.setProperty("gex.pg.url", pgUrl);
    Optional.ofNullable(System.getenv("GEX_TEST_PG_USER")).ifPresent(u -> System.setProperty("gex.pg.user", u));
    Optional.ofNullable(System.getenv("GEX_TEST_PG_PASSWORD")).ifPresent(p -> System.setProperty("gex.pg.password", p));
    System.setProperty("gex.pg.schema", schema);
    System.setProperty("gex.pg.migrate", "true");
    System.setProperty("gex.redis.url", System.getenv("GEX_TEST_REDIS_URL"));
    System.setProperty("gex.redis.prefix", schema + ":");
  }

  @AfterAll
  static void dropSchema() throws Exception {
    for (String key : List.of("gex.pg.url", "gex.pg.user", "gex.pg.password", "gex.pg.schema", "gex.pg.migrate",
        "gex.redis.url", "gex.redis.prefix")) {
      System.clearProperty(key);
    }
    try (Connection c =
            DriverManager.getConnection(
                pgUrl, Optional.ofNullable(System.getenv("GEX_TEST_PG_USER")).orElse("postgres"),
                System.getenv("GEX_TEST_PG_PASSWORD"));
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  static Map<String, String> env() {
    return Map.of("GEX_PG_URL", pgUrl, "GEX_REDIS_URL", System.getenv("GEX_TEST_REDIS_URL"));
  }

  @Test
  void aLaterInstanceServesWhatTheFirstRecorded() {
    JsonNode first;
    JsonNode firstAlerts;
    try (GexServer server =
        GexServer.builder().port(0).storage(ServerStorage.fromEnvironment(env())).files(List.of(GexServerTest.SPX))
            .build().start()) {
      assertThat(server.describe()).contains("storage    store postgres, cache caffeine + redis");
      Http http = new Http(server.url(), null);
      JsonNode ready = Http.json(http.get("/health/ready"));
      assertThat(ready.get("status").asText()).as(ready.toString()).isEqualTo("UP");
      assertThat(ready.get("checks").get("store").get("name").asText()).isEqualTo("postgres");
      assertThat(ready.get("checks").get("cache").get("name").asText()).isEqualTo("redis");
      first = Http.json(http.get("/api/v1/gex/SPX"));
      firstAlerts = Http.json(http.get("/api/v1/alerts?symbol=SPX"));
      assertThat(firstAlerts.size()).isEqualTo(first.get("alerts").size()).isPositive();
      // A re-analysis goes through the cache: the second ask is a hit.
      http.get("/api/v1/gex/SPX?expiries=ex-0dte");
      http.get("/api/v1/gex/SPX?expiries=ex-0dte");
      assertThat(http.get("/metrics").body()).containsPattern("gex_cache_hits_total [1-9]");
    }
    try (GexServer later = GexServer.builder().port(0).storage(ServerStorage.fromEnvironment(env())).build().start()) {
      Http http = new Http(later.url(), null);
      JsonNode served = Http.json(http.get("/api/v1/gex/SPX"));
      // The store keeps the analysis and the chain; the alerts are served by /alerts.
      ((ObjectNode) served).remove("alerts");
      ((ObjectNode) first).remove("alerts");
      assertThat(served).isEqualTo(first);
      assertThat(Http.json(http.get("/api/v1/alerts?symbol=SPX"))).isEqualTo(firstAlerts);
      JsonNode history = Http.json(http.get("/api/v1/history/SPX?from=2022-12-12&to=2022-12-12"));
      assertThat(history.get("daily").get(0).get("snapshots").asInt()).isEqualTo(1);
      assertThat(history.get("intraday").get(0).get("callWall").asDouble()).isEqualTo(4000.0);
    }
  }

  /**
   * Two instances on one database and one Redis: what is posted to the first, the second serves; a newer
   * chain posted to the first replaces the latest the second kept (the first announces it through Redis).
   */
  @Test
  void twoInstances_shareTheLatestAnalysisAndItsInvalidations() throws Exception {
    byte[] rut = java.nio.file.Files.readAllBytes(GexServerTest.RUT);
    String text = new String(rut, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(text).contains("December 12, 2022 at 8:30 PM EST");
    byte[] later =
        text.replace("December 12, 2022 at 8:30 PM EST", "December 12, 2022 at 9:00 PM EST")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    try (GexServer a = GexServer.builder().port(0).storage(ServerStorage.fromEnvironment(env())).build().start();
        GexServer b = GexServer.builder().port(0).storage(ServerStorage.fromEnvironment(env())).build().start()) {
      Http httpA = new Http(a.url(), null);
      Http httpB = new Http(b.url(), null);

      assertThat(httpA.post("/api/v1/chains", rut).statusCode()).isEqualTo(201);
      JsonNode fromA = Http.json(httpA.get("/api/v1/gex/RUT"));
      JsonNode fromB = Http.json(httpB.get("/api/v1/gex/RUT"));
      assertThat(fromA.get("valuationTime").asText()).isEqualTo("2022-12-13T01:30:00Z");
      assertThat(withoutAlerts(fromB)).isEqualTo(withoutAlerts(fromA));
      // The second now keeps that analysis as its latest of RUT.
      assertThat(b.symbols()).contains("RUT");
      // A dashboard on the second follows RUT's event stream.
      java.net.http.HttpResponse<java.util.stream.Stream<String>> events =
          httpB.client()
              .sendAsync(
                  httpB.builder("/api/v1/stream/RUT").header("Accept", "text/event-stream").GET().build(),
                  java.net.http.HttpResponse.BodyHandlers.ofLines())
              .get(30, java.util.concurrent.TimeUnit.SECONDS);
      java.util.concurrent.CompletableFuture<String> pushed =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                java.util.Iterator<String> lines = events.body().iterator();
                while (lines.hasNext()) {
                  String line = lines.next();
                  if (line.startsWith("data:") && line.contains("\"time\":\"2022-12-13T02:00:00Z\"")) {
                    return line;
                  }
                }
                return "";
              });
      for (int i = 0; i < 300 && !httpB.get("/metrics").body().contains("gex_sse_clients 1.0"); i++) {
        Thread.sleep(20);
      }

      assertThat(httpA.post("/api/v1/chains?spot=1850", later).statusCode()).isEqualTo(201);
      JsonNode newer = Http.json(httpA.get("/api/v1/gex/RUT"));
      assertThat(newer.get("valuationTime").asText()).isEqualTo("2022-12-13T02:00:00Z");
      assertThat(newer.get("spot").asDouble()).isEqualTo(1850.0);
      // The announcement travels over Redis pub/sub: the second serves the newer analysis once it arrives.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      JsonNode served = Http.json(httpB.get("/api/v1/gex/RUT"));
      while (!served.get("valuationTime").equals(newer.get("valuationTime")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        served = Http.json(httpB.get("/api/v1/gex/RUT"));
      }
      assertThat(withoutAlerts(served)).isEqualTo(withoutAlerts(newer));
      assertThat(Http.json(httpB.get("/api/v1/gex/RUT/profile")).get("spot").asDouble()).isEqualTo(1850.0);
      // The second's stream client was sent the newer analysis's headline.
      assertThat(pushed.get(30, java.util.concurrent.TimeUnit.SECONDS)).contains("\"spot\":1850.0");
      JsonNode symbolsB = Http.json(httpB.get("/api/v1/symbols"));
      assertThat(symbolsB.get(0).get("time").asText()).isEqualTo("2022-12-13T02:00:00Z");
    }
  }

  /** The document without its alerts: the store keeps them apart (they are served by /alerts). */
  private static JsonNode withoutAlerts(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    copy.remove("alerts");
    return copy;
  }

  /** Runs the class only when both servers are named; says why not otherwise. */
  static final class ServersNamed implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      for (String name : List.of("GEX_TEST_PG_URL", "GEX_TEST_REDIS_URL")) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
          String reason = "no " + name + " (the service's PostgreSQL and Redis test needs both servers named)";
          System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + reason);
          return ConditionEvaluationResult.disabled(reason);
        }
      }
      return ConditionEvaluationResult.enabled("PostgreSQL and Redis are named");
    }
  }
}

package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gex.GexAnalysis;
import io.gex.cache.TieredGexCache;
import io.gex.store.AlertQuery;
import io.gex.store.AlertRecord;
import io.gex.store.DailyHistory;
import io.gex.store.GexStore;
import io.gex.store.PurgeResult;
import io.gex.store.StoreHealth;
import io.gex.store.StoredSnapshot;
import io.gex.store.InMemoryGexStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Readiness with a store that is down, the shutdown of event streams, and storage from the environment. */
class LifecycleTest {

  /** The in-memory store, saying it is down; with {@code refusing}, every save throws as well. */
  static final class DownStore implements GexStore {
    /** Thrown by every refused save: made once and without a stack trace, so that refusing is cheap. */
    private static final RuntimeException REFUSED =
        new RuntimeException("connection refused", null, false, false) {};

    private final InMemoryGexStore delegate = new InMemoryGexStore();
    private final boolean refusing;

    DownStore() {
      this(false);
    }

    DownStore(boolean refusing) {
      this.refusing = refusing;
    }

    @Override
    public String id() {
      return "down";
    }

    @Override
    public void save(StoredSnapshot snapshot) {
      if (refusing) {
        throw REFUSED;
      }
      delegate.save(snapshot);
    }

    @Override
    public Optional<StoredSnapshot> latest(String symbol) {
      return delegate.latest(symbol);
    }

    @Override
    public Optional<StoredSnapshot> snapshot(String symbol, Instant valuationTime) {
      return delegate.snapshot(symbol, valuationTime);
    }

    @Override
    public List<GexAnalysis> analyses(String symbol, Instant from, Instant to) {
      return delegate.analyses(symbol, from, to);
    }

    @Override
    public List<AlertRecord> alerts(AlertQuery query) {
      return delegate.alerts(query);
    }

    @Override
    public List<DailyHistory> dailyHistory(String symbol, LocalDate from, LocalDate to) {
      return delegate.dailyHistory(symbol, from, to);
    }

    @Override
    public PurgeResult purgeBefore(Instant cutoff) {
      return delegate.purgeBefore(cutoff);
    }

    @Override
    public StoreHealth health() {
      return StoreHealth.down("down", "connection refused", Duration.ofMillis(3));
    }
  }

  @Test
  void readinessNamesTheStoreThatFailed() {
    try (GexServer server =
        GexServer.builder()
            .port(0)
            .storage(ServerStorage.of(new DownStore(), TieredGexCache.builder().build()))
            .build()
            .start()) {
      Http http = new Http(server.url(), null);
      HttpResponse<String> ready = http.get("/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      JsonNode r = Http.json(ready);
      assertThat(r.get("status").asText()).isEqualTo("DOWN");
      assertThat(r.get("failed")).hasSize(1);
      assertThat(r.get("failed").get(0).asText()).isEqualTo("store");
      assertThat(r.get("checks").get("store").get("detail").asText()).isEqualTo("connection refused");
      assertThat(r.get("checks").get("cache").get("status").asText()).isEqualTo("UP");
      assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closingTellsTheEventStreamClients() throws Exception {
    GexServer server = GexServer.builder().port(0).files(List.of(GexServerTest.SPX)).build().start();
    try {
      Http http = new Http(server.url(), null);
      HttpResponse<Stream<String>> events =
          http.client()
              .sendAsync(
                  http.builder("/api/v1/stream/SPX").header("Accept", "text/event-stream").GET().build(),
                  HttpResponse.BodyHandlers.ofLines())
              .get(30, TimeUnit.SECONDS);
      CompletableFuture<List<String>> lines =
          CompletableFuture.supplyAsync(() -> events.body().toList());
      for (int i = 0; i < 300 && !http.get("/metrics").body().contains("gex_sse_clients 1.0"); i++) {
        Thread.sleep(100);
      }
      server.close();
      List<String> received = lines.get(30, TimeUnit.SECONDS);
      assertThat(received).contains(": gex events of SPX", "event: bye");
    } finally {
      server.close();
    }
  }

  /**
   * A chain source that holds the upload until the test lets it go, so that a request is surely in flight
   * when the server is closed.
   */
  static final class HeldSource implements io.gex.spi.OptionChainSource {
    final java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @Override
    public String id() {
      return "held";
    }

    @Override
    public io.gex.chain.OptionChain load(io.gex.spi.SourceRequest request) {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return io.gex.spi.ChainSources.discover().load("cboe-csv", request);
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void closingLetsAnInFlightRequestFinish_andRefusesNewOnes() throws Exception {
    HeldSource held = new HeldSource();
    io.gex.spi.ChainSources sources =
        io.gex.spi.ChainSources.builder().register(held).register(new io.gex.source.CboeCsvSource()).build();
    GexServer server = GexServer.builder().port(0).sources(sources).build().start();
    String url = server.url();
    Http http = new Http(url, null);
    CompletableFuture<HttpResponse<String>> upload =
        http.client()
            .sendAsync(
                http.builder("/api/v1/chains?source=held")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(GexServerTest.RUT))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(held.entered.await(30, TimeUnit.SECONDS)).as("the upload reached the source").isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    // The server stops taking connections while the upload is still held. A probe that is not answered
    // within 2 s counts as refused (a stopping connector may leave a connection unanswered, and a probe
    // without a timeout would then wait for ever).
    boolean refused = false;
    java.net.http.HttpClient probe =
        java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(2)).build();
    for (int i = 0; i < 100 && !refused; i++) {
      try {
        probe.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/health/live"))
                .timeout(java.time.Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        Thread.sleep(20);
      } catch (java.io.IOException e) {
        refused = true;
      }
    }
    assertThat(refused).as("new connections refused while closing").isTrue();
    assertThat(closing).as("close waits for the upload").isNotDone();
    held.release.countDown();

    HttpResponse<String> answered = upload.get(30, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
    assertThat(Http.json(answered).get("symbol").asText()).isEqualTo("RUT");
    closing.get(30, TimeUnit.SECONDS);
  }

  @Test
  void theEventStreamAsksForItsMediaType() {
    try (GexServer server = GexServer.builder().port(0).build().start()) {
      HttpResponse<String> r = new Http(server.url(), null).get("/api/v1/stream/SPX");
      GexServerTest.assertProblem(r, 406, "Accept", null);
    }
  }

  @Test
  void bodiesOverTheLimitAreRefusedAndNothingIsStored() {
    try (GexServer server = GexServer.builder().port(0).maxBodyBytes(1000).build().start()) {
      Http http = new Http(server.url(), null);
      byte[] big = new byte[5000];
      java.util.Arrays.fill(big, (byte) 'x');
      JsonNode p = GexServerTest.assertProblem(http.post("/api/v1/chains", big), 413, "body", null);
      assertThat(p.get("detail").asText()).contains("1000 bytes");
      // Without a Content-Length (chunked), the limit holds as the body is read.
      HttpResponse<String> chunked =
          http.send(
              http.builder("/api/v1/chains")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                          () -> new java.io.ByteArrayInputStream(big)))
                  .build());
      GexServerTest.assertProblem(chunked, 413, "body", null);
      assertThat(http.get("/api/v1/symbols").body()).isEqualTo("[]");
    }
  }

  @Test
  void aDatabaseAskedForButMissingIsNamed() {
    assertThatThrownBy(() -> ServerStorage.fromEnvironment(Map.of("GEX_PG_URL", "jdbc:postgresql://127.0.0.1:1/x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GEX_PG_URL is set but no database store could be built");
    assertThatThrownBy(() -> ServerStorage.fromEnvironment(Map.of("GEX_REDIS_URL", "redis://127.0.0.1:1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GEX_REDIS_URL is set but no shared cache could be built");
    try (ServerStorage none = ServerStorage.fromEnvironment(Map.of())) {
      assertThat(none.describe()).isEqualTo("store memory, cache caffeine");
    }
  }

  @Test
  void aSnapshotThatCannotBeReadStopsTheStartNamingIt() throws Exception {
    java.nio.file.Path bad = java.nio.file.Files.createTempFile("gex-bad-", ".csv");
    try {
      java.nio.file.Files.writeString(bad, "not,a\nchain,file\n");
      GexServer server = GexServer.builder().port(0).files(List.of(bad)).build();
      assertThatThrownBy(server::start)
          .isInstanceOf(io.gex.GexException.class)
          .hasMessageStartingWith(bad.toString());
      assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
      server.close();
    } finally {
      java.nio.file.Files.delete(bad);
    }
  }

  @Test
  void badEnvironmentValuesAreNamed() {
    assertThatThrownBy(() -> GexServer.builder().environment(Map.of("GEX_RATE_LIMIT", "fast")))
        .hasMessageContaining("GEX_RATE_LIMIT")
        .hasMessageContaining("fast");
  }
}

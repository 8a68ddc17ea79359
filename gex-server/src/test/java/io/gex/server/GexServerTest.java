package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.alerts.AlertEngine;
import io.gex.chain.OptionChain;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API over real HTTP, on a server fed the bundled SPX snapshot. */
class GexServerTest {

  static final Path DATA = Path.of("..", "data");
  static final Path SPX = DATA.resolve("cboe-spx-2022-12-12.csv");
  static final Path RUT = DATA.resolve("cboe-rut-2022-12-12.csv");

  static GexServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server =
        GexServer.builder().port(0).files(List.of(SPX)).corsOrigins(Set.of("http://example.test")).build().start();
    http = new Http(server.url(), null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The document of {@code gex analyze --format json} of a file: analysed and evaluated afresh. */
  static JsonNode analyzeDocument(Path file) {
    OptionChain chain = ChainSources.discover().load(SourceRequest.of(file));
    GexAnalysis analysis = GexEngine.builder().build().analyze(chain);
    try (AlertEngine alerts = AlertEngine.builder().build()) {
      // Parsed from text, as the command line prints it (a tree built in memory holds other number types).
      return Http.MAPPER.readTree(AnalysisJson.write(analysis, alerts.evaluate(analysis).raised()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void withoutKeysTheServerListensOnLoopbackOnly() {
    assertThat(server.host()).isEqualTo("127.0.0.1");
    assertThat(server.url()).startsWith("http://127.0.0.1:");
  }

  @Test
  void latestAnalysisAndProfile_areServedGzippedToClientsThatAcceptIt_theSameBytesEveryTime()
      throws Exception {
    for (String path : List.of("/api/v1/gex/SPX", "/api/v1/gex/SPX/profile")) {
      byte[] plain = http.client().send(http.builder(path).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
      HttpResponse<byte[]> zipped =
          http.client()
              .send(
                  http.builder(path).header("Accept-Encoding", "br;q=1.0, gzip;q=0.8").build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
      assertThat(zipped.headers().firstValue("Vary")).as(path).contains("Accept-Encoding");
      byte[] inflated =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body())).readAllBytes();
      assertThat(inflated).as(path).isEqualTo(plain);
      assertThat(zipped.body().length).as(path).isLessThan(plain.length / 2);
      byte[] again = http.client().send(http.builder(path).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
      assertThat(again).as(path).isEqualTo(plain);
    }
  }

  @Test
  void acceptsGzip_readsTheAcceptEncodingHeader() {
    assertThat(GexServer.acceptsGzip(null)).isFalse();
    assertThat(GexServer.acceptsGzip("identity")).isFalse();
    assertThat(GexServer.acceptsGzip("gzip")).isTrue();
    assertThat(GexServer.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
    assertThat(GexServer.acceptsGzip("*")).isTrue();
    assertThat(GexServer.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(GexServer.acceptsGzip("br, gzip; q=0.000")).isFalse();
  }

  @Test
  void latestAnalysisIsTheAnalyzeDocumentOfTheBundledFile() {
    HttpResponse<String> r = http.get("/api/v1/gex/SPX");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode doc = Http.json(r);
    JsonNode expected = analyzeDocument(SPX);
    assertThat(doc).isEqualTo(expected);
    assertThat(doc.get("symbol").asText()).isEqualTo("SPX");
    assertThat(doc.get("spot").asDouble()).isCloseTo(3990.56, org.assertj.core.data.Offset.offset(0.001));
    assertThat(doc.get("callWall").asDouble()).isEqualTo(4000.0);
    assertThat(doc.get("putWall").asDouble()).isEqualTo(3950.0);
    assertThat(doc.get("zeroGamma").asDouble()).isCloseTo(4007.95, org.assertj.core.data.Offset.offset(0.01));
    // Symbols are case-insensitive.
    assertThat(Http.json(http.get("/api/v1/gex/spx"))).isEqualTo(doc);
  }

  @Test
  void expirySelectionAndIvSourceReanalyseTheLatestChain() {
    JsonNode all = Http.json(http.get("/api/v1/gex/SPX"));
    HttpResponse<String> z = http.get("/api/v1/gex/SPX?expiries=0-7&iv=vendor");
    assertThat(z.statusCode()).as(z.body()).isEqualTo(200);
    JsonNode zeroDte = Http.json(z);
    assertThat(zeroDte.get("convention").get("expirySelection").asText()).isEqualTo("DAYS_TO_EXPIRY");
    assertThat(zeroDte.get("convention").get("ivSource").asText()).isEqualTo("vendor");
    assertThat(zeroDte.get("byExpiry")).hasSize(5); // 13, 14, 15, 16 and 19 December
    // 0DTE of an evening snapshot: nothing expires that day, and the problem says so.
    assertProblem(http.get("/api/v1/gex/SPX?expiries=0dte"), 400, "expiries", "0dte");
    assertThat(zeroDte.get("totalGex").asDouble()).isNotEqualTo(all.get("totalGex").asDouble());
    HttpResponse<String> r = http.get("/api/v1/gex/SPX?expiries=to-monthly");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode range = Http.json(r);
    assertThat(range.get("convention").get("expirySelection").asText()).isEqualTo("THROUGH_NEXT_MONTHLY");
    assertThat(range.get("byExpiry")).hasSize(4);
  }

  @Test
  void profileStrikesAndExpiriesAreThePartsOfTheDocument() {
    JsonNode doc = analyzeDocument(SPX);
    JsonNode profile = Http.json(http.get("/api/v1/gex/SPX/profile"));
    assertThat(profile.get("profiles")).isEqualTo(doc.get("profiles"));
    assertThat(profile.get("profiles")).hasSize(3);
    assertThat(profile.get("zeroGamma")).isEqualTo(doc.get("zeroGamma"));

    JsonNode strikes = Http.json(http.get("/api/v1/gex/SPX/strikes?range=5"));
    assertThat(strikes.get("callWall").asDouble()).isEqualTo(4000.0);
    assertThat(strikes.get("byStrike").size()).isPositive().isLessThan(doc.get("byStrike").size());
    for (JsonNode row : strikes.get("byStrike")) {
      assertThat(Math.abs(row.get("strike").asDouble() / 3990.56 - 1)).isLessThanOrEqualTo(0.05);
    }
    JsonNode wall = null;
    for (JsonNode row : doc.get("byStrike")) {
      if (row.get("strike").asDouble() == 4000.0) {
        wall = row;
      }
    }
    assertThat(strikes.get("byStrike")).contains(wall);
    assertThat(Http.json(http.get("/api/v1/gex/SPX/strikes")).get("byStrike")).isEqualTo(doc.get("byStrike"));

    JsonNode expiries = Http.json(http.get("/api/v1/gex/SPX/expiries"));
    assertThat(expiries.get("byExpiry")).isEqualTo(doc.get("byExpiry"));
    JsonNode heat = expiries.get("heatmap");
    assertThat(heat.get("expiries").size()).isEqualTo(doc.get("byExpiry").size());
    assertThat(heat.get("netGex").size()).isEqualTo(heat.get("expiries").size());
    assertThat(heat.get("netGex").get(0).size()).isEqualTo(heat.get("strikes").size()).isPositive();
  }

  @Test
  void badParametersAreProblemsNamingTheParameterAndValue() {
    assertProblem(http.get("/api/v1/gex/SPX?expiries=soon"), 400, "expiries", "soon");
    assertProblem(http.get("/api/v1/gex/SPX?iv=guess"), 400, "iv", "guess");
    assertProblem(http.get("/api/v1/gex/SPX/strikes?range=-3"), 400, "range", "-3");
    assertProblem(http.get("/api/v1/gex/NOPE"), 404, "symbol", "NOPE");
    assertProblem(http.get("/api/v1/gex/bad!symbol"), 400, "symbol", "bad!symbol");
    assertProblem(http.get("/api/v1/alerts?limit=0"), 400, "limit", "0");
    assertProblem(http.get("/api/v1/alerts?severity=URGENT"), 400, "severity", "URGENT");
    assertProblem(http.get("/api/v1/alerts?since=yesterday"), 400, "since", "yesterday");
    assertProblem(http.get("/api/v1/history/SPX?from=2022-13-01"), 400, "from", "2022-13-01");
    assertProblem(http.get("/api/v1/history/SPX?from=2022-12-12&to=2022-12-01"), 400, "to", "2022-12-01");
    HttpResponse<String> none = http.get("/api/v1/nothing-here");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(Http.json(none).get("detail").asText()).contains("/api/v1/nothing-here");
  }

  static JsonNode assertProblem(
      HttpResponse<String> r, int status, String parameter, @Nullable String value) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode p = Http.json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asText()).isEqualTo("about:blank");
    assertThat(p.get("parameter").asText()).isEqualTo(parameter);
    if (value != null) {
      assertThat(p.get("value").asText()).isEqualTo(value);
      assertThat(p.get("detail").asText()).contains(value);
    }
    return p;
  }

  @Test
  void alertsOfTheBundledSnapshotAreStoredAndFiltered() {
    JsonNode doc = analyzeDocument(SPX);
    JsonNode alerts = Http.json(http.get("/api/v1/alerts?symbol=SPX"));
    assertThat(alerts.size()).isEqualTo(doc.get("alerts").size()).isPositive();
    JsonNode first = alerts.get(0);
    assertThat(first.get("symbol").asText()).isEqualTo("SPX");
    assertThat(first.get("time").asText()).isEqualTo("2022-12-13T01:30:00Z");
    assertThat(first.get("message").asText()).isEqualTo(doc.get("alerts").get(0).get("message").asText());
    assertThat(first.get("severity").asText()).isEqualTo("MEDIUM");
    assertThat(Http.json(http.get("/api/v1/alerts?symbol=SPX&severity=high"))).isEmpty();
    assertThat(Http.json(http.get("/api/v1/alerts?symbol=SPX&severity=MEDIUM")).size()).isEqualTo(alerts.size());
    assertThat(Http.json(http.get("/api/v1/alerts?symbol=SPX&since=2022-12-14"))).isEmpty();
    assertThat(Http.json(http.get("/api/v1/alerts?symbol=SPX&limit=1"))).hasSize(1);
  }

  @Test
  void historyHoldsTheDayAndTheSnapshotsLevels() {
    JsonNode h = Http.json(http.get("/api/v1/history/SPX?from=2022-12-12&to=2022-12-12"));
    assertThat(h.get("daily")).hasSize(1);
    JsonNode day = h.get("daily").get(0);
    assertThat(day.get("date").asText()).isEqualTo("2022-12-12");
    assertThat(day.get("snapshots").asInt()).isEqualTo(1);
    assertThat(day.get("lastCallWall").asDouble()).isEqualTo(4000.0);
    assertThat(h.get("intraday")).hasSize(1);
    JsonNode row = h.get("intraday").get(0);
    assertThat(row.get("time").asText()).isEqualTo("2022-12-13T01:30:00Z");
    assertThat(row.get("putWall").asDouble()).isEqualTo(3950.0);
    assertThat(row.get("maxPain").asDouble()).isEqualTo(3975.0);
    assertThat(row.get("totalGex").asDouble() / 1e9).isCloseTo(-3.39, org.assertj.core.data.Offset.offset(0.005));
    assertThat(Http.json(http.get("/api/v1/history/SPX?from=2022-12-13&to=2022-12-20")).get("daily")).isEmpty();
  }

  @Test
  void aBadChainFileIsA400AndNothingIsStored() {
    String symbolsBefore = http.get("/api/v1/symbols").body();
    String alertsBefore = http.get("/api/v1/alerts").body();
    HttpResponse<String> r = http.post("/api/v1/chains", "this,is,not\na,chain,file\n".getBytes());
    JsonNode p = assertProblem(r, 400, "body", null);
    assertThat(p.get("detail").asText())
        .startsWith("the chain file cannot be read: cannot tell the format of the body from its content: ")
        .doesNotContain("gex-upload");
    assertProblem(http.post("/api/v1/chains", new byte[0]), 400, "body", null);
    assertProblem(http.post("/api/v1/chains?source=nope", "x".getBytes()), 400, "source", "nope");
    assertThat(http.get("/api/v1/symbols").body()).isEqualTo(symbolsBefore);
    assertThat(http.get("/api/v1/alerts").body()).isEqualTo(alertsBefore);
  }

  @Test
  void aPostedChainIsAnalysedStoredAndStreamed() throws Exception {
    CompletableFuture<HttpResponse<Stream<String>>> stream =
        http.client()
            .sendAsync(
                http.builder("/api/v1/stream/RUT").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> events = stream.get(30, TimeUnit.SECONDS);
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    CompletableFuture<String> firstAnalysis =
        CompletableFuture.supplyAsync(
            () -> {
              var it = events.body().iterator();
              boolean analysis = false;
              while (it.hasNext()) {
                String line = it.next();
                if (line.equals("event: analysis")) {
                  analysis = true;
                } else if (analysis && line.startsWith("data: ")) {
                  return line.substring(6);
                }
              }
              return "";
            });
    waitForClients(1);

    HttpResponse<String> posted = http.post("/api/v1/chains", Files.readAllBytes(RUT));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(posted.headers().firstValue("Location")).hasValue("/api/v1/gex/RUT");
    JsonNode expected = analyzeDocument(RUT);
    assertThat(Http.json(posted)).isEqualTo(expected);
    assertThat(Http.json(http.get("/api/v1/gex/RUT"))).isEqualTo(expected);

    JsonNode event = Http.MAPPER.readTree(firstAnalysis.get(30, TimeUnit.SECONDS));
    assertThat(event.get("symbol").asText()).isEqualTo("RUT");
    assertThat(event.get("spot").asDouble()).isEqualTo(expected.get("spot").asDouble());
    assertThat(event.get("totalGex").asDouble()).isEqualTo(expected.get("totalGex").asDouble());
    assertThat(event.get("time").asText()).isEqualTo(expected.get("valuationTime").asText());
    events.body().close();

    JsonNode symbols = Http.json(http.get("/api/v1/symbols"));
    assertThat(symbols.findValuesAsText("symbol")).containsExactly("RUT", "SPX");
    assertThat(Http.json(http.get("/api/v1/history/RUT?from=2022-12-12&to=2022-12-12")).get("intraday")).hasSize(1);
  }

  private static void waitForClients(int n) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (http.get("/metrics").body().contains("gex_sse_clients " + n + ".0")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no SSE client connected");
  }

  @Test
  void metricsArePrometheusTextWithGexNames() {
    http.get("/api/v1/gex/SPX");
    HttpResponse<String> r = http.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    String text = r.body();
    assertThat(text)
        .contains("gex_http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/gex/{symbol}\",status=\"200\"}")
        .contains("gex_http_server_requests_seconds_bucket{")
        .containsPattern("gex_analysis_seconds_count [1-9]")
        .contains("gex_live_analyses_total 1.0")
        .contains("gex_sse_clients ")
        .contains("gex_store_save_seconds_count")
        .contains("gex_cache_hits_total");
    for (String line : text.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        assertThat(line).startsWith("gex_");
      }
    }
  }

  @Test
  void healthSaysLiveAndReadyWithTheStoreAndCacheChecked() {
    HttpResponse<String> live = http.get("/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(Http.json(live).get("status").asText()).isEqualTo("UP");
    HttpResponse<String> ready = http.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonNode r = Http.json(ready);
    assertThat(r.get("status").asText()).isEqualTo("UP");
    assertThat(r.get("checks").get("store").get("name").asText()).isEqualTo("memory");
    assertThat(r.get("checks").get("cache").get("status").asText()).isEqualTo("UP");
    assertThat(r.get("failed")).isEmpty();
  }

  @Test
  void securityHeadersAndCors() {
    HttpResponse<String> r =
        http.send(http.builder("/api/v1/gex/SPX/profile").header("Origin", "http://example.test").GET().build());
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://example.test");
    HttpResponse<String> other =
        http.send(http.builder("/api/v1/gex/SPX/profile").header("Origin", "http://evil.test").GET().build());
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> preflight =
        http.send(
            http.builder("/api/v1/chains")
                .header("Origin", "http://example.test")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(v -> assertThat(v).contains("X-API-Key"));
  }

  @Test
  void theDashboardAndItsChartLibraryAreServedLocally() {
    HttpResponse<String> page = http.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("/assets/echarts.min.js").contains("/dashboard.js").doesNotContain("https://");
    HttpResponse<String> lib = http.get("/assets/echarts.min.js");
    assertThat(lib.statusCode()).isEqualTo(200);
    assertThat(lib.body().length()).isGreaterThan(500_000);
    assertThat(http.get("/dashboard.js").statusCode()).isEqualTo(200);
  }
}

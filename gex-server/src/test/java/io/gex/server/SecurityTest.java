package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** API keys and the per-key rate limit, configured as the environment would. */
class SecurityTest {

  static final String KEY = "k-3f9a1c";
  static final String OTHER_KEY = "k-77b2e0";

  static GexServer server;

  @BeforeAll
  static void start() {
    server =
        GexServer.builder()
            .environment(Map.of("GEX_API_KEYS", KEY + ", " + OTHER_KEY, "GEX_RATE_LIMIT", "3"))
            .host("127.0.0.1")
            .port(0)
            .files(List.of(GexServerTest.SPX))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyApiRouteNeedsAValidKey() {
    Http anonymous = new Http(server.url(), null);
    for (String path : List.of("/api/v1/gex/SPX", "/api/v1/alerts", "/api/v1/symbols", "/api/v1/stream/SPX")) {
      HttpResponse<String> r = anonymous.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      JsonNode p = Http.json(r);
      assertThat(p.get("parameter").asText()).isEqualTo("X-API-Key");
      assertThat(p.get("detail").asText()).contains("X-API-Key");
    }
    HttpResponse<String> wrong = new Http(server.url(), "not-a-key").get("/api/v1/gex/SPX");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("not-a-key");
    // Health, metrics and the dashboard page stay open.
    assertThat(anonymous.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/metrics").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
    HttpResponse<String> ok = new Http(server.url(), OTHER_KEY).get("/api/v1/gex/SPX/profile");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(Http.json(ok).get("symbol").asText()).isEqualTo("SPX");
  }

  @Test
  void eachKeyHasItsOwnRateLimit() {
    Http client = new Http(server.url(), KEY);
    int ok = 0;
    @org.jspecify.annotations.Nullable HttpResponse<String> limited = null;
    // 3 requests a second with a burst of 3: a fourth request in a row cannot pass unless a second went by;
    // twenty in a row without a 429 would need more than six seconds.
    for (int i = 0; i < 20 && limited == null; i++) {
      HttpResponse<String> r = client.get("/api/v1/symbols");
      if (r.statusCode() == 429) {
        limited = r;
      } else {
        assertThat(r.statusCode()).isEqualTo(200);
        ok++;
      }
    }
    assertThat(limited).as("no 429 after %d requests", ok).isNotNull();
    assertThat(ok).isGreaterThanOrEqualTo(3);
    HttpResponse<String> tooMany = java.util.Objects.requireNonNull(limited);
    assertThat(tooMany.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 1L));
    JsonNode p = Http.json(tooMany);
    assertThat(p.get("status").asInt()).isEqualTo(429);
    assertThat(p.get("detail").asText()).contains("3 requests per second");
  }

  @Test
  void theKeysAreNotInTheBannerNorTheMetrics() {
    assertThat(String.join("\n", server.describe())).contains("2 API key(s)").doesNotContain(KEY).doesNotContain(OTHER_KEY);
    assertThat(new Http(server.url(), null).get("/metrics").body()).doesNotContain(KEY);
  }

  @Test
  void keysAreKeptAsHashes() {
    assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}

package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document against the code: the same routes, and every query parameter it names is read. */
class OpenApiTest {

  static GexServer server;
  static Http http;
  static JsonNode spec;

  @BeforeAll
  static void start() {
    server = GexServer.builder().port(0).files(List.of(GexServerTest.SPX)).build().start();
    http = new Http(server.url(), null);
    HttpResponse<String> r = http.get("/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    spec = Http.json(r);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDocumentIsOpenApi31OfThisVersion() {
    assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(spec.get("info").get("version").asText()).doesNotContain("@").isNotBlank();
  }

  @Test
  void theDocumentedRoutesAreTheRoutesServed() {
    Set<String> documented = new TreeSet<>();
    spec.get("paths").fields().forEachRemaining(
        p -> p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    Set<String> served = new TreeSet<>();
    for (String route : server.routes()) {
      String path = route.substring(route.indexOf(' ') + 1);
      boolean api = path.startsWith("/api/") || path.startsWith("/health/") || path.equals("/metrics");
      if (api && (route.startsWith("GET ") || route.startsWith("POST "))) {
        served.add(route);
      }
    }
    assertThat(served).hasSize(12);
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void everyDocumentedQueryParameterIsCheckedByTheCode() {
    List<String> checked = new ArrayList<>();
    spec.get("paths").fields().forEachRemaining(
        p -> {
          JsonNode get = p.getValue().get("get");
          if (get == null || get.get("parameters") == null || p.getKey().contains("stream")) {
            return;
          }
          String path = p.getKey().replace("{symbol}", "SPX");
          for (JsonNode param : get.get("parameters")) {
            if (!param.get("in").asText().equals("query")) {
              continue;
            }
            String name = param.get("name").asText();
            String bad = "not valid!";
            HttpResponse<String> r =
                http.get(path + "?" + name + "=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            GexServerTest.assertProblem(r, 400, name, bad);
            checked.add(name);
          }
        });
    assertThat(checked).contains("expiries", "iv", "range", "symbol", "severity", "since", "limit", "from", "to");
  }

  @Test
  void swaggerUiIsServedFromTheJar() {
    HttpResponse<String> page = http.get("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/docs/swagger-ui-bundle.js").doesNotContain("https://");
    HttpResponse<String> bundle = http.get("/docs/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(1_000_000);
    assertThat(http.get("/docs/swagger-ui.css").statusCode()).isEqualTo(200);
    assertThat(http.get("/docs/docs.js").body()).contains("/openapi.json");
  }
}

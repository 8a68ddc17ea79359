package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gex.alerts.AlertEngine;
import io.gex.server.GexServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code gex serve}: its banner, and the service's analysis against {@code gex analyze --format json}. */
class GexCliServeTest {

  @Test
  void serveprintsTheUrlAndWhatItServes() {
    Cli.Result r = Cli.run("serve", "--port", "0", "--exit-after-start", Cli.SPX.toString(), Cli.NDX.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches("gex serve: http://127\\.0\\.0\\.1:\\d+/");
    assertThat(r.out())
        .contains("  dashboard  http://127.0.0.1:")
        .contains("/api/v1 (gex/{symbol}")
        .contains("/metrics")
        .contains("  symbols    SPX (1 snapshot), NDX (1 snapshot)")
        .contains("  storage    store memory, cache caffeine")
        .contains("  security   no API keys: listening on 127.0.0.1 only");
  }

  @Test
  void theReadmeShowsWhatServePrintsOnTheBundledData() throws Exception {
    Cli.Result r = Cli.run("serve", "--port", "0", "--exit-after-start");
    assertThat(r.exit()).as(r.err()).isZero();
    String printed =
        r.out()
            .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:8080")
            .replace("Stopping (--exit-after-start).", "Ctrl-C stops it.");
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("### The service and dashboard"));
    int start = section.indexOf("```text\n") + "```text\n".length();
    assertThat(section.substring(start, section.indexOf("```", start))).isEqualTo(printed);
  }

  @Test
  void aBadFileIsNamedAndNothingIsServed() {
    Cli.Result r = Cli.run("serve", "--port", "0", "--exit-after-start", "no-such-file.csv");
    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.err()).contains("no-such-file.csv");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theServedAnalysisIsTheAnalyzeDocument() throws Exception {
    Cli.Result analyzed = Cli.run("analyze", Cli.SPX.toString(), "--format", "json");
    assertThat(analyzed.exit()).isZero();
    CommonOptions options = new CommonOptions();
    AlertEngine alerts = AlertSetup.engine(options, new Properties(), Plugins.none(), null, Cli.CLOCK);
    try (GexServer server =
        GexServer.builder()
            .port(0)
            .engine(options.engine(Cli.CLOCK))
            .alertEngine(alerts)
            .files(List.of(Cli.SPX))
            .build()
            .start()) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/gex/SPX")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      ObjectMapper json = new ObjectMapper();
      JsonNode served = json.readTree(r.body());
      assertThat(served).isEqualTo(json.readTree(analyzed.out()));
      assertThat(served.get("alerts")).hasSize(1);
    }
  }
}

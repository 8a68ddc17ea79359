package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gex.server.GexServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogFormatTest {

  private static final String KEY = "test-api-key-7f3c9a51d2";

  @Test
  void json_everyLineIsOneObject_withTheRequestFields_andNoKey() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Level level = root.getLevel();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      LogFormat.apply("JSON");
      root.setLevel(Level.INFO);
      try (GexServer server = GexServer.builder().port(0).apiKeys(List.of(KEY)).build().start()) {
        HttpResponse<String> posted =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/chains"))
                        .header("X-API-Key", KEY)
                        .POST(HttpRequest.BodyPublishers.ofFile(Cli.SPX))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
      }
    } finally {
      System.setErr(stderr);
      root.setLevel(level);
      // Back to logback.xml for the other tests.
      context.reset();
      new ContextInitializer(context).autoConfig();
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).doesNotContain(KEY);
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : log.split("\\R")) {
      if (!line.isBlank()) {
        lines.add(mapper.readTree(line)); // throws if a line is not one JSON value
      }
    }
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l.isObject()).isTrue());
    JsonNode started =
        lines.stream()
            .filter(l -> l.path("formattedMessage").asText().contains("with 1 API key(s)"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no start line in " + log));
    assertThat(started.get("level").asText()).isEqualTo("INFO");
    assertThat(started.get("loggerName").asText()).isEqualTo("io.gex.server.GexServer");
    assertThat(started.get("timestamp").asLong()).isPositive();
    // The upload's alerts are logged while the request is handled: they carry its method and path.
    JsonNode alert =
        lines.stream()
            .filter(l -> l.path("loggerName").asText().equals("io.gex.alerts.LoggingAlertListener"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no alert line in " + log));
    assertThat(alert.get("mdc").get("http.method").asText()).isEqualTo("POST");
    assertThat(alert.get("mdc").get("http.path").asText()).isEqualTo("/api/v1/chains");
    assertThat(alert.get("formattedMessage").asText()).contains("SPX");
  }

  @Test
  void anUnknownFormatIsAUsageErrorNamingIt() {
    assertThatThrownBy(() -> LogFormat.apply("xml"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--log-format (or GEX_LOG_FORMAT) must be text or json, was 'xml'");
    Cli.Result r = Cli.run("serve", "--port", "0", "--exit-after-start", "--log-format", "xml", Cli.SPX.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("must be text or json, was 'xml'");
  }
}

package io.gex.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.examples.cli.GexCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook listener against a JDK HTTP server on 127.0.0.1 (an ephemeral port). */
class WebhookAlertListenerTest {

  /** What the server received: method, content type and body of each request. */
  record Received(String method, String contentType, String body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int status = 204;
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  static GexAlert alert() {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("spot", 3990.56);
    figures.put("zeroGamma", 4004.64);
    return new GexAlert(
        "gamma-flip-proximity",
        "gamma-flip-proximity",
        "zero-gamma",
        AlertSeverity.MEDIUM,
        "SPX",
        Instant.parse("2022-12-12T21:15:00Z"),
        "SPX spot 3,990.56 is 14.08 points (0.35%) below the zero-gamma level 4,004.64",
        figures);
  }

  @Test
  void onAlert_postsTheAlertAsJson() throws Exception {
    WebhookAlertListener listener = new WebhookAlertListener(url("/hook"), Duration.ofSeconds(10));

    listener.onAlert(alert());

    Received r = received.poll(30, TimeUnit.SECONDS);
    assertThat(r).isNotNull();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.contentType()).isEqualTo("application/json");
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertThat(body.get("ruleId").asText()).isEqualTo("gamma-flip-proximity");
    assertThat(body.get("type").asText()).isEqualTo("gamma-flip-proximity");
    assertThat(body.get("key").asText()).isEqualTo("zero-gamma");
    assertThat(body.get("severity").asText()).isEqualTo("MEDIUM");
    assertThat(body.get("symbol").asText()).isEqualTo("SPX");
    assertThat(body.get("instant").asText()).isEqualTo("2022-12-12T21:15:00Z");
    assertThat(body.get("message").asText()).contains("4,004.64");
    assertThat(body.get("figures").get("zeroGamma").asDouble()).isEqualTo(4004.64);
    assertThat(listener.awaitPending(Duration.ofSeconds(30))).isTrue();
    assertThat(listener.delivered()).isEqualTo(1);
    assertThat(listener.failed()).isZero();
  }

  @Test
  void post_serverError_completesFalseAndIsCounted() throws Exception {
    status = 500;
    WebhookAlertListener listener = new WebhookAlertListener(url("/hook"), Duration.ofSeconds(10));

    boolean ok = listener.post(alert()).get(30, TimeUnit.SECONDS);

    assertThat(ok).isFalse();
    assertThat(received).hasSize(1);
    assertThat(listener.failed()).isEqualTo(1);
    assertThat(listener.delivered()).isZero();
  }

  @Test
  void post_nothingListening_completesFalseWithoutThrowing() throws Exception {
    HttpServer closed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int port = closed.getAddress().getPort();
    closed.stop(0);
    WebhookAlertListener listener =
        new WebhookAlertListener(URI.create("http://127.0.0.1:" + port + "/hook"), Duration.ofSeconds(1));

    listener.onAlert(alert()); // never throws

    assertThat(listener.awaitPending(Duration.ofSeconds(30))).isTrue();
    assertThat(listener.failed()).isEqualTo(1);
  }

  @Test
  void post_slowEndpoint_timesOutAndCompletesFalse() throws Exception {
    WebhookAlertListener listener = new WebhookAlertListener(url("/slow"), Duration.ofMillis(200));

    boolean ok = listener.post(alert()).get(30, TimeUnit.SECONDS);

    assertThat(ok).isFalse();
    assertThat(listener.failed()).isEqualTo(1);
  }

  @Test
  void constructor_rejectsNonHttpUrlsAndNonPositiveTimeouts() {
    assertThatThrownBy(() -> new WebhookAlertListener(URI.create("ftp://host/x"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endpoint must be an absolute http(s) URL, was 'ftp://host/x'");
    assertThatThrownBy(() -> new WebhookAlertListener(URI.create("http://127.0.0.1/x"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be > 0, was PT0S");
  }

  @Test
  void cli_withWebhook_postsTheRaisedAlert() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new GexCli(Clock.systemUTC())
            .run(
                new String[] {
                  "analyze", "../data/cboe-spx-2022-12-12.csv", "--webhook", url("/hook").toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).as("stderr: %s", err).isZero();
    // The command waits for its posts before it returns.
    assertThat(received).hasSize(1);
    JsonNode body = new ObjectMapper().readTree(received.take().body());
    assertThat(body.get("type").asText()).isEqualTo("gamma-flip-proximity");
    assertThat(body.get("symbol").asText()).isEqualTo("SPX");
  }
}

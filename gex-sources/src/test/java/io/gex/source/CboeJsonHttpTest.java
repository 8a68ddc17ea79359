package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gex.ChainSourceException;
import io.gex.chain.OptionChain;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fetches over HTTP from the JDK's server on 127.0.0.1 (an ephemeral port): the stored RUT snapshot, a
 * 403, an answer slower than the timeout and a body shorter than its Content-Length.
 */
class CboeJsonHttpTest {

  private static final CboeJsonSource SOURCE = new CboeJsonSource();
  private static final InetAddress LOOPBACK = loopback();

  private static HttpServer server;
  private static ExecutorService executor;
  private static String base;
  private static byte[] rut;

  @BeforeAll
  static void start() throws IOException {
    rut = Files.readAllBytes(TestData.rutJson());
    server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    server.createContext("/ok/", e -> send(e, 200, rut, rut.length));
    server.createContext(
        "/forbidden/", e -> send(e, 403, "Access Denied".getBytes(StandardCharsets.UTF_8), -2));
    server.createContext(
        "/slow/",
        e -> {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          send(e, 200, rut, rut.length);
        });
    // Declares the whole length, sends half, and closes.
    server.createContext("/truncated/", e -> send(e, 200, rut, rut.length / 2));
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Sends {@code length} bytes of a body after declaring {@code body.length} (or chunked, when -2). */
  private static void send(HttpExchange e, int status, byte[] body, int length) throws IOException {
    e.getResponseHeaders().add("Content-Type", "application/json");
    e.sendResponseHeaders(status, length == -2 ? 0 : body.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(body, 0, length == -2 ? body.length : length);
      out.flush();
    } catch (IOException ignored) {
      // the client hung up: expected in the timeout and truncation cases
    } finally {
      e.close();
    }
  }

  /** 127.0.0.1 exactly (never another address). */
  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void cboeJsonHttp_symbolFromBaseUrl_fetchesUnderscoreFileAndParses() {
    OptionChain chain =
        SOURCE.load(SourceRequest.of("RUT").withParameter("baseUrl", base + "/ok"));

    assertThat(chain.underlying()).isEqualTo("RUT");
    assertThat(chain.spot()).isEqualTo(1806.1193);
    assertThat(chain.contracts()).hasSize(6_680);
  }

  @Test
  void cboeJsonHttp_url_fetchesAsIs() {
    OptionChain chain = SOURCE.load(SourceRequest.of(base + "/ok/_RUT.json"));

    assertThat(chain.contracts()).hasSize(6_680);
  }

  @Test
  void cboeJsonHttp_403_throwsWithStatusAndUrl() {
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(base + "/forbidden/_SPX.json")))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining(base + "/forbidden/_SPX.json")
        .hasMessageContaining("Access Denied");
  }

  @Test
  void cboeJsonHttp_slowServer_timesOut() {
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                SOURCE.load(
                    SourceRequest.of(base + "/slow/_RUT.json").withParameter("timeout", "300ms")))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("timeout")
        .hasMessageContaining("/slow/_RUT.json");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(4.5);
  }

  @Test
  void cboeJsonHttp_bodyShorterThanContentLength_throwsTruncated() {
    // The JDK server keeps the connection open after the short body: the body stalls, and the timeout
    // (which also bounds pauses in the body) ends the wait.
    assertThatThrownBy(
            () ->
                SOURCE.load(
                    SourceRequest.of(base + "/truncated/_RUT.json").withParameter("timeout", "500ms")))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("/truncated/_RUT.json")
        .hasMessageContaining("after " + rut.length / 2 + " bytes");
  }

  @Test
  void cboeJsonHttp_connectionClosedMidBody_throwsTruncated() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      Thread server =
          new Thread(
              () -> {
                try (Socket client = socket.accept()) {
                  client.getInputStream().read(new byte[4096]);
                  OutputStream out = client.getOutputStream();
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                              + rut.length
                              + "\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(rut, 0, 1000);
                  out.flush();
                } catch (IOException ignored) {
                  // the test fails on the client side if this goes wrong
                }
              });
      server.setDaemon(true);
      server.start();
      String url = "http://127.0.0.1:" + socket.getLocalPort() + "/_RUT.json";

      assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(url).withParameter("timeout", "5s")))
          .isInstanceOf(ChainSourceException.class)
          .hasMessageContaining("truncated")
          .hasMessageContaining(url);
      server.join(5_000);
    }
  }

  @Test
  void cboeJsonHttp_nothingListening_throwsCannotFetch() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, LOOPBACK)) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/_RUT.json";

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(url).withParameter("timeout", "2s")))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining(url);
  }
}

package io.gex.storage.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/** A store pointing at a local port where nothing listens. */
final class ClosedPort {

  private ClosedPort() {}

  static int port() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PostgresGexStore store() {
    return builder(RetryPolicy.NONE).build();
  }

  static PostgresGexStore.Builder builder(RetryPolicy retry) {
    return PostgresGexStore.builder()
        .jdbcUrl("jdbc:postgresql://127.0.0.1:" + port() + "/gex?connectTimeout=1")
        .user("nobody")
        .password("not-a-secret")
        .connectionTimeout(Duration.ofMillis(300))
        .retryPolicy(retry);
  }
}

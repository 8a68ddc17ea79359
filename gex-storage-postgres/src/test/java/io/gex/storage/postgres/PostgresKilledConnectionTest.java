package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.store.GexStorageException;
import io.gex.store.StoredSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A connection killed with pg_terminate_backend in the middle of a 20,000-contract save. */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresKilledConnectionTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final String SCHEMA = TestDatabase.newSchema("killed");
  private static final Instant AT = Instant.parse("2024-03-01T20:00:00Z");
  private static StoredSnapshot big;

  @BeforeAll
  static void setUp() {
    try (PostgresGexStore store = DB.store(SCHEMA).build()) {
      store.migrate();
    }
    big = Fixtures.snapshot("KILL", AT, 4000, 99, 20_000);
  }

  @AfterAll
  static void tearDown() throws Exception {
    DB.dropSchema(SCHEMA);
  }

  /** Terminates the writer's backend from another connection on the first attempt. */
  private static SaveHook killAt(SaveHook.Point where, List<Integer> killed) {
    return (point, attempt, pid) -> {
      if (point == where && attempt == 1) {
        try (Connection c = DB.admin();
            PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
          ps.setInt(1, pid);
          ps.execute();
        }
        killed.add(pid);
      }
    };
  }

  private static long rows(String table) throws SQLException {
    return DB.count("SELECT count(*) FROM " + SCHEMA + "." + table);
  }

  @ParameterizedTest
  @EnumSource(value = SaveHook.Point.class, names = "AFTER_COMMIT", mode = EnumSource.Mode.EXCLUDE)
  void save_backendTerminatedWithoutRetry_leavesNothingAndNextSaveSucceeds(SaveHook.Point where)
      throws Exception {
    List<Integer> killed = new ArrayList<>();
    try (PostgresGexStore store =
        DB.store(SCHEMA).retryPolicy(RetryPolicy.NONE).saveHook(killAt(where, killed)).build()) {
      assertThatThrownBy(() -> store.save(big))
          .isInstanceOf(
              where == SaveHook.Point.BEFORE_COMMIT
                  ? CommitOutcomeUnknownException.class
                  : GexStorageException.class)
          .hasCauseInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(RetryPolicy.isTransient(e)).isTrue())
          .satisfies(
              e ->
                  assertThat(e instanceof CommitOutcomeUnknownException)
                      .as("outcome unknown only when the connection broke at commit")
                      .isEqualTo(where == SaveHook.Point.BEFORE_COMMIT));
      assertThat(killed).hasSize(1);
      assertThat(rows("gex_snapshots")).isZero();
      assertThat(rows("option_data")).isZero();
      assertThat(rows("historical_gex_data")).isZero();
      assertThat(store.latest("KILL")).isEmpty();
    }
    try (PostgresGexStore store = DB.store(SCHEMA).build()) {
      store.save(big);
      assertThat(rows("option_data")).isEqualTo(20_000);
      store.purgeBefore(Instant.MAX);
      try (Connection c = DB.admin()) {
        c.createStatement().execute("DELETE FROM " + SCHEMA + ".historical_gex_data");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = SaveHook.Point.class, names = "AFTER_COMMIT", mode = EnumSource.Mode.EXCLUDE)
  void save_backendTerminatedWithRetry_storesTheWholeSnapshotOnce(SaveHook.Point where) throws Exception {
    List<Integer> killed = new ArrayList<>();
    List<java.time.Duration> waits = new ArrayList<>();
    try (PostgresGexStore store =
        DB.store(SCHEMA)
            .retryPolicy(RetryPolicy.DEFAULT.withSleeper(waits::add))
            .saveHook(killAt(where, killed))
            .build()) {
      store.save(big);

      assertThat(killed).hasSize(1);
      assertThat(waits).containsExactly(java.time.Duration.ofMillis(100));
      assertThat(rows("gex_snapshots")).isEqualTo(1);
      assertThat(rows("option_data")).isEqualTo(20_000);
      assertThat(store.latest("KILL")).contains(big);
      store.purgeBefore(Instant.MAX);
      try (Connection c = DB.admin()) {
        c.createStatement().execute("DELETE FROM " + SCHEMA + ".historical_gex_data");
      }
    }
  }
}

package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.store.AlertRecord;
import io.gex.store.GexStorageException;
import io.gex.store.StoredSnapshot;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Saves are idempotent; a save whose connection broke at commit says its outcome is unknown, and saving
 * it again leaves exactly one snapshot; only transient failures are retried.
 */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresCommitOutcomeTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final String SCHEMA = TestDatabase.newSchema("commit");
  private static final Instant AT = Instant.parse("2024-03-01T20:00:00Z");
  private static StoredSnapshot snapshot;

  @BeforeAll
  static void setUp() {
    try (PostgresGexStore store = DB.store(SCHEMA).build()) {
      store.migrate();
    }
    StoredSnapshot plain = Fixtures.snapshot("ONCE", AT, 4000, 7, 2_000);
    List<AlertRecord> alerts =
        List.of(
            Fixtures.alert("ONCE", AT, "FLIP", AlertRecord.Severity.HIGH, 4010),
            Fixtures.alert("ONCE", AT, "WALL", AlertRecord.Severity.LOW, 4100));
    snapshot = new StoredSnapshot(plain.analysis(), plain.chain(), alerts);
  }

  @AfterAll
  static void tearDown() throws Exception {
    DB.dropSchema(SCHEMA);
  }

  @AfterEach
  void empty() throws SQLException {
    try (Connection c = DB.admin()) {
      c.createStatement()
          .execute(
              "TRUNCATE " + SCHEMA + ".alert_history, " + SCHEMA + ".option_data, " + SCHEMA
                  + ".gex_snapshots, " + SCHEMA + ".historical_gex_data");
    }
  }

  private static long rows(String table) throws SQLException {
    return DB.count("SELECT count(*) FROM " + SCHEMA + "." + table);
  }

  /** Exactly one copy of the snapshot: one row, its contracts once, its alerts once, one day of history. */
  private static void assertStoredOnce(PostgresGexStore store) throws SQLException {
    assertThat(rows("gex_snapshots")).isEqualTo(1);
    assertThat(rows("option_data")).isEqualTo(2_000);
    assertThat(rows("alert_history")).isEqualTo(2);
    assertThat(rows("historical_gex_data")).isEqualTo(1);
    assertThat(store.dailyHistory("ONCE", AT.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
            AT.atZone(java.time.ZoneOffset.UTC).toLocalDate()))
        .singleElement()
        .satisfies(d -> assertThat(d.snapshots()).isEqualTo(1));
    assertThat(store.snapshot("ONCE", AT)).contains(snapshot);
  }

  /**
   * Terminates the writer's backend from another connection, at one point of the first attempt of the
   * first save (later saves through the same store are left alone).
   */
  private static SaveHook killAt(SaveHook.Point where, boolean thenLoseTheReply, List<Integer> killed) {
    return (point, attempt, pid) -> {
      if (point == where && attempt == 1 && killed.isEmpty()) {
        try (Connection c = DB.admin();
            PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
          ps.setInt(1, pid);
          ps.execute();
        }
        killed.add(pid);
        if (thenLoseTheReply) {
          // What the driver throws when the connection goes while it waits for COMMIT's reply.
          throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
        }
      }
    };
  }

  @Test
  void save_sameSnapshotTwice_leavesOneCopy() throws Exception {
    try (PostgresGexStore store = DB.store(SCHEMA).build()) {
      store.save(snapshot);
      store.save(snapshot);

      assertStoredOnce(store);
    }
  }

  @Test
  void save_backendKilledJustBeforeCommit_isOutcomeUnknown_andSavingAgainLeavesOneCopy() throws Exception {
    List<Integer> killed = new ArrayList<>();
    try (PostgresGexStore store =
        DB.store(SCHEMA)
            .retryPolicy(RetryPolicy.NONE)
            .saveHook(killAt(SaveHook.Point.BEFORE_COMMIT, false, killed))
            .build()) {
      assertThatThrownBy(() -> store.save(snapshot))
          .isInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("save snapshot ONCE at " + AT + " may or may not have been committed")
          .hasMessageContaining("saving it again is safe")
          .hasCauseInstanceOf(SQLException.class);
      assertThat(killed).hasSize(1);
      // Here the server had not committed; the caller could not know.
      assertThat(rows("gex_snapshots")).isZero();

      store.save(snapshot);

      assertStoredOnce(store);
    }
  }

  @Test
  void save_connectionLostAfterTheCommit_isOutcomeUnknownThoughStored_andSavingAgainLeavesOneCopy()
      throws Exception {
    List<Integer> killed = new ArrayList<>();
    try (PostgresGexStore store =
        DB.store(SCHEMA)
            .retryPolicy(RetryPolicy.NONE)
            .saveHook(killAt(SaveHook.Point.AFTER_COMMIT, true, killed))
            .build()) {
      assertThatThrownBy(() -> store.save(snapshot))
          .isInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("[SQLState 08006]")
          .cause()
          .hasMessage("An I/O error occurred while sending to the backend.");
      assertThat(killed).hasSize(1);
      // Reported as not known to be stored, and it is: exactly the case a caller must be told about.
      assertThat(rows("gex_snapshots")).isEqualTo(1);

      store.save(snapshot);

      assertStoredOnce(store);
    }
  }

  @Test
  void save_connectionLostAfterTheCommit_withRetry_succeedsWithOneCopy() throws Exception {
    List<Integer> killed = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    try (PostgresGexStore store =
        DB.store(SCHEMA)
            .retryPolicy(RetryPolicy.DEFAULT.withSleeper(waits::add))
            .saveHook(killAt(SaveHook.Point.AFTER_COMMIT, true, killed))
            .build()) {
      store.save(snapshot);

      assertThat(killed).hasSize(1);
      assertThat(waits).containsExactly(Duration.ofMillis(100));
      assertStoredOnce(store);
    }
  }

  /** A hook that fails every attempt after the snapshot row with this SQLState, counting the attempts. */
  private static SaveHook failingWith(String sqlState, AtomicInteger attempts) {
    return (point, attempt, pid) -> {
      if (point == SaveHook.Point.AFTER_SNAPSHOT_ROW) {
        attempts.incrementAndGet();
        throw new SQLException("injected failure " + sqlState, sqlState);
      }
    };
  }

  @ParameterizedTest
  @CsvSource({
    // transient: connection failures, serialization failure, deadlock, terminated backend
    "08006, 3", "08001, 3", "40001, 3", "40P01, 3", "57P01, 3",
    // not transient: constraint violations, syntax error, permission, bad value, undefined table
    "23505, 1", "23514, 1", "42601, 1", "42501, 1", "22P02, 1", "42P01, 1", "57014, 1"
  })
  void save_onlyTransientFailuresAreRetried(String sqlState, int expectedAttempts) throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (PostgresGexStore store =
        DB.store(SCHEMA)
            .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), d -> {}))
            .saveHook(failingWith(sqlState, attempts))
            .build()) {
      assertThatThrownBy(() -> store.save(snapshot))
          .isInstanceOf(GexStorageException.class)
          .isNotInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("[SQLState " + sqlState + "]");
      assertThat(attempts).hasValue(expectedAttempts);
      assertThat(rows("gex_snapshots")).isZero();
    }
  }

  /**
   * A pool that timed out because its one connection was busy (not because it could not connect) is
   * waited for again: failing fast on a refused connection must not fail saves that merely queue.
   */
  @Test
  void save_poolBusy_isWaitedForAgainNotFailed() throws Exception {
    java.util.concurrent.CountDownLatch secondWaited = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();
    List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
    StoredSnapshot later = Fixtures.snapshot("ONCE", AT.plusSeconds(60), 4000, 8, 50);
    java.util.concurrent.ExecutorService first = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (PostgresGexStore store =
        DB.store(SCHEMA)
            .maxPoolSize(1)
            .connectionTimeout(Duration.ofMillis(500))
            .retryPolicy(
                RetryPolicy.DEFAULT.withSleeper(
                    d -> {
                      waits.add(d);
                      secondWaited.countDown();
                    }))
            .saveHook(
                (point, attempt, pid) -> {
                  if (point == SaveHook.Point.AFTER_SNAPSHOT_ROW && holding.compareAndSet(false, true)) {
                    try {
                      // Hold the pool's only connection until the other save has timed out once.
                      secondWaited.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .build()) {
      java.util.concurrent.Future<?> holder = first.submit(() -> store.save(snapshot));
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!holding.get() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(holding).isTrue();

      store.save(later);
      holder.get(20, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(waits).isNotEmpty();
      assertThat(rows("gex_snapshots")).isEqualTo(2);
    } finally {
      first.shutdownNow();
    }
  }

  @Test
  void save_realNonTransientError_isTriedOnce() throws Exception {
    // A schema that was never migrated: the server answers 42P01 (undefined table).
    AtomicInteger connections = new AtomicInteger();
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(DB.url);
    pg.setUser(DB.user);
    if (DB.password != null) {
      pg.setPassword(DB.password);
    }
    DataSource counting =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getConnection")) {
                    connections.incrementAndGet();
                  }
                  try {
                    return method.invoke(pg, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try (PostgresGexStore store =
        PostgresGexStore.builder()
            .dataSource(counting)
            .schema(TestDatabase.newSchema("nothere"))
            .retryPolicy(RetryPolicy.DEFAULT.withSleeper(d -> {}))
            .build()) {
      assertThatThrownBy(() -> store.save(snapshot))
          .isInstanceOf(GexStorageException.class)
          .hasMessageContaining("[SQLState 42P01]")
          .hasMessageNotContaining("attempt(s)");
      assertThat(connections).hasValue(1);
    }
  }
}

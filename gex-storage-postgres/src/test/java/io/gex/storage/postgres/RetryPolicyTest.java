package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.chain.OptionChain;
import io.gex.store.GexStorageException;
import io.gex.store.GexStoreRecorder;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Which failures are retried, how long between attempts, and what the caller finally gets. */
class RetryPolicyTest {

  @Test
  void delayAfter_doublesFromBaseUpToMax() {
    RetryPolicy p = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500), d -> {});
    assertThat(List.of(p.delayAfter(1), p.delayAfter(2), p.delayAfter(3), p.delayAfter(4), p.delayAfter(30)))
        .containsExactly(
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500),
            Duration.ofMillis(500));
  }

  @Test
  void constructor_badArguments_nameTheArgument() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, d -> {}))
        .hasMessage("maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), d -> {}))
        .hasMessage("maxDelay must be >= baseDelay (PT2S), was PT1S");
  }

  @ParameterizedTest
  @CsvSource({
    "08006, true", "08001, true", "40001, true", "40P01, true", "57P01, true", "57P03, true",
    "23505, false", "23514, false", "42P01, false", "42501, false", "53300, false"
  })
  void isTransient_bySqlState(String state, boolean expected) {
    SQLException e = new SQLException("x", state);
    assertThat(RetryPolicy.isTransient(e)).isEqualTo(expected);
    assertThat(RetryPolicy.isTransient(new RuntimeException("wrapped", e))).isEqualTo(expected);
  }

  @Test
  void isTransient_poolTimeoutWithoutState_isTransient() {
    assertThat(RetryPolicy.isTransient(new SQLTransientConnectionException("pool timed out"))).isTrue();
    assertThat(RetryPolicy.isTransient(new IllegalStateException("no"))).isFalse();
  }

  @Test
  void isTransient_chainedNextException_isSeen() {
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("deadlock", "40P01"));
    assertThat(RetryPolicy.isTransient(batch)).isTrue();
  }

  /** A plain (unpooled) data source on a port where nothing listens: each connection is refused at once. */
  private static DataSource refusingDataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {ClosedPort.port()});
    ds.setDatabaseName("gex");
    ds.setUser("nobody");
    ds.setPassword("not-a-secret");
    ds.setConnectTimeout(1);
    return ds;
  }

  @Test
  void save_dataSourceRefusing_retriesBoundedThenThrowsGexStorageExceptionWithCause() {
    List<Duration> waits = new ArrayList<>();
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(80), waits::add);
    try (PostgresGexStore store =
        PostgresGexStore.builder().dataSource(refusingDataSource()).retryPolicy(policy).build()) {
      assertThatThrownBy(
              () -> store.save(Fixtures.snapshot("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 1, 5)))
          .isInstanceOf(GexStorageException.class)
          .isNotInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("failed after 3 attempt(s)")
          .hasMessageContaining("[SQLState 08001]")
          .hasCauseInstanceOf(SQLException.class)
          .hasMessageNotContaining("not-a-secret");
      assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(80));
    }
  }

  @Test
  void save_retryBudgetSpent_stopsRetrying() {
    List<Duration> waits = new ArrayList<>();
    RetryPolicy policy =
        new RetryPolicy(10, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(120), d -> {
          waits.add(d);
          Thread.sleep(d.toMillis());
        });
    try (PostgresGexStore store =
        PostgresGexStore.builder().dataSource(refusingDataSource()).retryPolicy(policy).build()) {
      assertThatThrownBy(
              () -> store.save(Fixtures.snapshot("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 1, 5)))
          .isInstanceOf(GexStorageException.class);
      // 50 ms waits within a 120 ms budget: at most two retries, however fast the refusals.
      assertThat(waits).hasSizeBetween(1, 2);
    }
    try (PostgresGexStore store =
        PostgresGexStore.builder()
            .dataSource(refusingDataSource())
            .retryPolicy(RetryPolicy.DEFAULT.withMaxElapsed(Duration.ZERO).withSleeper(waits::add))
            .build()) {
      waits.clear();
      assertThatThrownBy(
              () -> store.save(Fixtures.snapshot("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 1, 5)))
          .hasMessageContaining("failed after 1 attempt(s)");
      assertThat(waits).isEmpty();
    }
  }

  @Test
  void save_ownPoolCannotConnect_isNotRetriedAgain() {
    List<Duration> waits = new ArrayList<>();
    try (PostgresGexStore store = ClosedPort.builder(RetryPolicy.DEFAULT.withSleeper(waits::add)).build()) {
      assertThatThrownBy(
              () -> store.save(Fixtures.snapshot("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 1, 5)))
          .isInstanceOf(GexStorageException.class)
          .hasMessageContaining("failed after 1 attempt(s)")
          .hasCauseInstanceOf(SQLTransientConnectionException.class);
      assertThat(waits).isEmpty();
    }
  }

  /**
   * With every setting at its default, a server that refuses connections fails a save in about 2 s (the
   * pool's connection timeout), not 4 attempts of 10 s. The bound is generous: this is not a speed
   * measurement, it catches a default that waits tens of seconds.
   */
  @Test
  void save_closedPortWithDefaults_failsWithinAFewSeconds() {
    try (PostgresGexStore store =
        PostgresGexStore.builder()
            .jdbcUrl("jdbc:postgresql://127.0.0.1:" + ClosedPort.port() + "/gex")
            .user("nobody")
            .password("not-a-secret")
            .build()) {
      long t0 = System.nanoTime();
      assertThatThrownBy(
              () -> store.save(Fixtures.snapshot("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 1, 5)))
          .isInstanceOf(GexStorageException.class)
          .hasCauseInstanceOf(SQLException.class);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      System.out.println("save against a closed port with default settings failed after " + took.toMillis() + " ms");
      assertThat(took).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void mayRetry_countsAttemptsAndTheBudget() {
    RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1), d -> {});
    assertThat(p.mayRetry(1, Duration.ZERO, Duration.ofMillis(100))).isTrue();
    assertThat(p.mayRetry(3, Duration.ZERO, Duration.ofMillis(100))).isFalse();
    assertThat(p.mayRetry(1, Duration.ofMillis(900), Duration.ofMillis(100))).isTrue();
    assertThat(p.mayRetry(1, Duration.ofMillis(901), Duration.ofMillis(100))).isFalse();
    assertThat(RetryPolicy.DEFAULT.maxElapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> p.withMaxElapsed(Duration.ofMillis(-1)))
        .hasMessage("maxElapsed must be >= 0, was PT-0.001S");
  }

  @Test
  void recorder_storeDown_stillReturnsTheAnalysisWithTheFailure() {
    try (PostgresGexStore store = ClosedPort.store()) {
      OptionChain chain = Fixtures.chain("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 3, 200);
      GexStoreRecorder.Recorded r = new GexStoreRecorder(Fixtures.ENGINE, store).analyzeAndStore(chain);

      assertThat(r.analysis()).isEqualTo(Fixtures.ENGINE.analyze(chain));
      assertThat(r.analysis().coverage().contractsUsed()).isEqualTo(200);
      assertThat(r.stored()).isFalse();
      assertThat(r.storageFailure().orElseThrow())
          .isInstanceOf(GexStorageException.class)
          .hasCauseInstanceOf(SQLException.class);
    }
  }
}

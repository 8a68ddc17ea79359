package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexStorageException;
import io.gex.chain.OptionChain;
import io.gex.store.GexStoreRecorder;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void save_serverDown_retriesBoundedThenThrowsGexStorageExceptionWithCause() {
    List<Duration> waits = new ArrayList<>();
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(80), waits::add);
    try (PostgresGexStore store = ClosedPort.builder(policy).build()) {
      assertThatThrownBy(
              () -> store.save(Fixtures.snapshot("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 1, 5)))
          .isInstanceOf(GexStorageException.class)
          .hasMessageContaining("failed after 3 attempt(s)")
          .hasCauseInstanceOf(SQLException.class)
          .hasMessageNotContaining("not-a-secret");
      assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(80));
    }
  }

  @Test
  void recorder_storeDown_stillReturnsTheAnalysisWithTheFailure() {
    try (PostgresGexStore store = ClosedPort.store()) {
      OptionChain chain = Fixtures.chain("DOWN", Instant.parse("2024-03-01T20:00:00Z"), 4000, 3, 200);
      GexStoreRecorder.Recorded r = new GexStoreRecorder(Fixtures.ENGINE, store).analyzeAndStore(chain);

      assertThat(r.analysis()).isEqualTo(Fixtures.ENGINE.analyze(chain));
      assertThat(r.analysis().contractsUsed()).isEqualTo(200);
      assertThat(r.stored()).isFalse();
      assertThat(r.storageFailure().orElseThrow())
          .isInstanceOf(GexStorageException.class)
          .hasCauseInstanceOf(SQLException.class);
    }
  }
}

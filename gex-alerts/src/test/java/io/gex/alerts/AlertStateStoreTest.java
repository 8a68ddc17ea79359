package io.gex.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.gex.GexAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AlertStateStoreTest {

  private static final AlertKey KEY = new AlertKey("r", "SPX", "k");
  private static final Instant T = Instant.parse("2022-12-12T15:00:00Z");
  private static final Duration COOL = Duration.ofMinutes(15);
  private static final List<AlertSeverity> SEVERITIES =
      List.of(
          AlertSeverity.INFO,
          AlertSeverity.LOW,
          AlertSeverity.MEDIUM,
          AlertSeverity.HIGH,
          AlertSeverity.CRITICAL);

  @Test
  void tryRaise_firstRaises_repeatSuppressed_untilCooldownEnds() {
    AlertStateStore store = AlertStateStore.inMemory();
    assertThat(store.lastRaised(KEY)).isEmpty();
    assertThat(store.tryRaise(KEY, AlertSeverity.MEDIUM, T, COOL)).isTrue();
    assertThat(store.lastRaised(KEY))
        .contains(new AlertState(AlertSeverity.MEDIUM, T, T.plus(COOL)));
    assertThat(store.tryRaise(KEY, AlertSeverity.MEDIUM, T.plus(COOL).minusNanos(1), COOL)).isFalse();
    assertThat(store.tryRaise(KEY, AlertSeverity.LOW, T.plusSeconds(60), COOL)).isFalse();
    assertThat(store.tryRaise(KEY, AlertSeverity.MEDIUM, T.plus(COOL), COOL)).isTrue();
  }

  @Test
  void tryRaise_higherSeverity_raisesAndRestartsCooldown() {
    AlertStateStore store = AlertStateStore.inMemory();
    store.tryRaise(KEY, AlertSeverity.LOW, T, COOL);
    Instant later = T.plusSeconds(300);
    assertThat(store.tryRaise(KEY, AlertSeverity.HIGH, later, COOL)).isTrue();
    assertThat(store.lastRaised(KEY)).contains(new AlertState(AlertSeverity.HIGH, later, later.plus(COOL)));
    assertThat(store.tryRaise(KEY, AlertSeverity.MEDIUM, T.plus(COOL), COOL)).isFalse();
  }

  @Test
  void suppresses_untilTheCooldownEnds_unlessTheSeverityRises() {
    AlertState state = new AlertState(AlertSeverity.MEDIUM, T, T.plus(COOL));
    assertThat(state.suppresses(AlertSeverity.MEDIUM, T)).isTrue();
    assertThat(state.suppresses(AlertSeverity.LOW, T.plus(COOL).minusNanos(1))).isTrue();
    assertThat(state.suppresses(AlertSeverity.MEDIUM, T.plus(COOL))).isFalse();
    assertThat(state.suppresses(AlertSeverity.HIGH, T)).isFalse();
  }

  @Test
  void tryRaise_zeroCooldown_alwaysRaises() {
    AlertStateStore store = AlertStateStore.inMemory();
    assertThat(store.tryRaise(KEY, AlertSeverity.LOW, T, Duration.ZERO)).isTrue();
    assertThat(store.tryRaise(KEY, AlertSeverity.LOW, T, Duration.ZERO)).isTrue();
  }

  @Test
  void tryRaise_concurrentSameKey_exactlyOneRaises() throws Exception {
    AlertStateStore store = AlertStateStore.inMemory();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        Callable<Boolean> c = () -> {
          start.await();
          return store.tryRaise(KEY, AlertSeverity.HIGH, T, COOL);
        };
        results.add(pool.submit(c));
      }
      start.countDown();
      int raised = 0;
      for (Future<Boolean> f : results) {
        raised += f.get() ? 1 : 0;
      }
      assertThat(raised).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rememberAnalysis_keepsTheLatestValuationTimePerSymbol() {
    AlertStateStore store = AlertStateStore.inMemory();
    GexAnalysis t1 = AnalysisFixture.spot(4000).at(T.plusSeconds(60)).build();
    GexAnalysis t0 = AnalysisFixture.spot(3990).at(T).build();
    store.rememberAnalysis(t1);
    store.rememberAnalysis(t0);
    assertThat(store.latestAnalysis("SPX")).containsSame(t1);
    assertThat(store.latestAnalysis("NDX")).isEmpty();
  }

  /**
   * Against a reference model: a sequence of (minutes later, severity) attempts on one key; an attempt is
   * raised iff it is the first, or the cooldown since the last raise is over, or its severity is above the
   * last raised one.
   */
  @Test
  void tryRaise_matchesTheCooldownModel_forAnySequence() {
    qt().forAll(lists().of(integers().between(0, 40 * 5 + 4)).ofSizeBetween(1, 30))
        .checkAssert(
            steps -> {
              AlertStateStore store = AlertStateStore.inMemory();
              Instant now = T;
              Instant lastAt = null;
              AlertSeverity lastSeverity = AlertSeverity.INFO; // unused until the first raise
              for (int step : steps) {
                now = now.plus(Duration.ofMinutes(step / 5));
                AlertSeverity severity = SEVERITIES.get(step % 5);
                boolean expected =
                    lastAt == null
                        || !now.isBefore(lastAt.plus(COOL))
                        || severity.isHigherThan(lastSeverity);
                assertThat(store.tryRaise(KEY, severity, now, COOL)).isEqualTo(expected);
                if (expected) {
                  lastAt = now;
                  lastSeverity = severity;
                }
              }
            });
  }
}

package io.gex.alerts;

import static io.gex.alerts.TestRules.always;
import static io.gex.alerts.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The engine's threads: bounded when rules ignore interrupts, named, daemon, released by close(). */
class RuleThreadsTest {

  private final GexAnalysis spx = AnalysisFixture.spot(4000).totalGex(1e9).build();

  /** Live threads named like the engine's own that were not alive before. */
  private static List<Thread> newEngineThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("gex-alert-rule-") && !before.contains(t))
        .toList();
  }

  private static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /** A rule that ignores interrupts until stopped (it parks rather than spins, to spare the CPU). */
  private static AlertRule deaf(String id, AtomicBoolean stop) {
    return rule(id, (c, p, s) -> {
      while (!stop.get()) {
        Thread.interrupted(); // clears, and so ignores, the engine's interrupt
        LockSupport.parkNanos(1_000_000);
      }
      return List.of();
    });
  }

  private static AlertEngine.Builder pooled(AlertRule... rules) {
    AlertEngine.Builder b =
        AlertEngine.builder()
            .discoverRules(false)
            .discoverListeners(false)
            .logAlerts(false)
            .settings(AlertSettings.builder().ruleTimeout(Duration.ofMillis(100)).cooldown(Duration.ZERO).build());
    for (AlertRule r : rules) {
      b.rule(r);
    }
    return b;
  }

  @Test
  void ruleIgnoringInterrupts_overManyEvaluations_holdsOneThread_andIsReportedStuck() throws Exception {
    Set<Thread> before = liveThreads();
    AtomicBoolean stop = new AtomicBoolean();
    try (AlertEngine engine = pooled(deaf("deaf", stop)).build()) {
      AlertEvaluation first = engine.evaluate(spx);
      assertThat(first.failuresOf("deaf")).singleElement().extracting(AlertFailure::reason)
          .isEqualTo(AlertFailure.Reason.TIMED_OUT);
      for (int i = 0; i < 50; i++) {
        AlertEvaluation later = engine.evaluate(spx);
        assertThat(later.rulesEvaluated()).containsExactly("deaf");
        assertThat(later.failuresOf("deaf")).singleElement().satisfies(f -> {
          assertThat(f.reason()).isEqualTo(AlertFailure.Reason.STUCK);
          assertThat(f.message()).contains("overran its budget of 100.0 ms and has not returned though interrupted");
        });
      }
      List<Thread> threads = newEngineThreads(before);
      assertThat(threads).as("the one thread stuck in the deaf rule, not one per evaluation").hasSize(1);
      Thread stuck = threads.get(0);
      assertThat(stuck.isDaemon()).isTrue();
      assertThat(stuck.getName()).matches("gex-alert-rule-\\d+-1");

      stop.set(true); // the rule returns at last (its pool thread goes idle): it is run again
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      AlertEvaluation after = engine.evaluate(spx);
      while (!after.failures().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
        after = engine.evaluate(spx);
      }
      assertThat(after.failures()).isEmpty();
    } finally {
      stop.set(true);
    }
  }

  @Test
  void stuckRule_doesNotStopTheOthers() {
    AtomicBoolean stop = new AtomicBoolean();
    try (AlertEngine engine = pooled(deaf("deaf", stop), always("ok", AlertSeverity.LOW))
        .settings(AlertSettings.builder().ruleTimeout(Duration.ofSeconds(2)).cooldown(Duration.ZERO).build())
        .build()) {
      engine.evaluate(spx); // deaf times out after 2 s
      AlertEvaluation e = engine.evaluate(spx);
      assertThat(e.raisedBy("ok")).hasSize(1);
      assertThat(e.failures()).extracting(AlertFailure::source, AlertFailure::reason)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("deaf", AlertFailure.Reason.STUCK));
    } finally {
      stop.set(true);
    }
  }

  @Test
  void close_releasesThePool_isIdempotent_andEvaluateAfterwardsThrows() throws Exception {
    Set<Thread> before = liveThreads();
    AlertEngine engine = pooled(always("a", AlertSeverity.LOW)).build();
    assertThat(engine.evaluate(spx).raised()).hasSize(1);
    List<Thread> threads = newEngineThreads(before);
    assertThat(threads).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

    engine.close();
    engine.close();

    for (Thread t : threads) {
      t.join(10_000);
      assertThat(t.isAlive()).as("%s ended with the pool", t.getName()).isFalse();
    }
    assertThatThrownBy(() -> engine.evaluate(spx))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the alert engine is closed; build a new one to evaluate");
    assertThatThrownBy(() -> engine.evaluate(spx, java.util.Optional.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(engine.toString()).endsWith(", closed]");
  }

  @Test
  void close_interruptsARuleStillRunningOnThePool() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AlertRule waiting = rule("waiting", (c, p, s) -> {
      running.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return List.of();
    });
    AlertEngine engine = pooled(waiting)
        .settings(AlertSettings.builder().ruleTimeout(Duration.ofSeconds(30)).build())
        .build();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      var evaluation = caller.submit(() -> engine.evaluate(spx));
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      engine.close();
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("close interrupted the rule").isTrue();
      assertThat(evaluation.get(10, TimeUnit.SECONDS).raised()).isEmpty();
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void close_leavesAnExecutorGivenByTheCallerAlone() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      AlertEngine engine = pooled(always("a", AlertSeverity.LOW)).executor(pool).build();
      engine.evaluate(spx);
      engine.close();
      assertThat(pool.isShutdown()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }
}

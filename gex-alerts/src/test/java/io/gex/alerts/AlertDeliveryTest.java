package io.gex.alerts;

import static io.gex.alerts.TestRules.always;
import static io.gex.alerts.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.gex.GexAnalysis;
import io.gex.alerts.TestRules.MutableClock;
import io.gex.alerts.TestRules.Recording;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Listeners that fail: every failure is reported, and an alert not delivered is raised again. */
class AlertDeliveryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2022-12-12T15:00:00Z"));
  private final Recording first = new Recording("first");
  private final GexAnalysis spx = AnalysisFixture.spot(4000).totalGex(1e9).build();

  private AlertEngine.Builder isolated(AlertRule... rules) {
    AlertEngine.Builder b =
        AlertEngine.builder()
            .discoverRules(false)
            .discoverListeners(false)
            .logAlerts(false)
            .clock(clock)
            .executor(Runnable::run)
            .ticker(() -> 0L)
            .listener(first);
    for (AlertRule r : rules) {
      b.rule(r);
    }
    return b;
  }

  private static AlertListener listener(String id, Consumer<GexAlert> body) {
    return new AlertListener() {
      @Override
      public void onAlert(GexAlert alert) {
        body.accept(alert);
      }

      @Override
      public String id() {
        return id;
      }
    };
  }

  /** Throws a checked exception without declaring it, as Lombok's @SneakyThrows or a Kotlin listener do. */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void listenerThrowingAnErrorOrACheckedException_isReported_andLaterListenersStillTold() {
    Recording last = new Recording("last");
    AlertEngine engine =
        isolated(always("a", AlertSeverity.LOW))
            .listener(listener("error", a -> {
              throw new AssertionError("listener bug");
            }))
            .listener(listener("checked", a -> {
              throw sneaky(new IOException("socket closed"));
            }))
            .listener(last)
            .build();

    AlertEvaluation e = engine.evaluate(spx);

    assertThat(first.alerts).hasSize(1);
    assertThat(last.alerts).hasSize(1);
    assertThat(e.raised()).hasSize(1);
    assertThat(e.failures())
        .extracting(AlertFailure::source, AlertFailure::reason)
        .containsExactly(
            tuple("error", AlertFailure.Reason.LISTENER_FAILED),
            tuple("checked", AlertFailure.Reason.LISTENER_FAILED));
    assertThat(e.failuresOf("error").get(0).cause()).containsInstanceOf(AssertionError.class);
    assertThat(e.failuresOf("checked").get(0).exceptionMessage()).contains("socket closed");
  }

  @Test
  void alertAListenerFailedToTake_isRaisedAgainOnTheNextEvaluation_notSuppressed() {
    AtomicInteger calls = new AtomicInteger();
    AlertListener flaky = listener("flaky", a -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("webhook down");
      }
    });
    AlertEngine engine = isolated(always("a", AlertSeverity.MEDIUM)).listener(flaky).build();

    AlertEvaluation failed = engine.evaluate(spx);
    assertThat(failed.raised()).hasSize(1);
    assertThat(failed.failures()).singleElement().extracting(AlertFailure::reason)
        .isEqualTo(AlertFailure.Reason.LISTENER_FAILED);

    AlertEvaluation retried = engine.evaluate(spx); // same instant: within any cooldown
    assertThat(retried.raised()).as("not delivered, so no cooldown was started").hasSize(1);
    assertThat(retried.suppressed()).isEmpty();
    assertThat(retried.failures()).isEmpty();
    assertThat(calls).hasValue(2);

    AlertEvaluation repeat = engine.evaluate(spx);
    assertThat(repeat.raised()).as("delivered the second time: now in its cooldown").isEmpty();
    assertThat(repeat.suppressed()).hasSize(1);
    assertThat(first.alerts).hasSize(2);
  }

  @Test
  void undeliveredAlert_isListed_withTheFailureNamingIt_andLeavesNoCooldown() {
    AlertStateStore store = AlertStateStore.inMemory();
    AlertEngine engine =
        isolated(always("a", AlertSeverity.LOW), always("b", AlertSeverity.LOW))
            .stateStore(store)
            .listener(listener("picky", alert -> {
              if (alert.ruleId().equals("a")) {
                throw new IllegalStateException("no route for " + alert.ruleId());
              }
            }))
            .build();

    AlertEvaluation e = engine.evaluate(spx);

    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("a", "b");
    assertThat(e.undelivered()).extracting(GexAlert::ruleId).containsExactly("a");
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.source()).isEqualTo("picky");
      assertThat(f.alert()).contains(e.raised().get(0));
      assertThat(f.message()).isEqualTo("listener threw on alert a/SPX/k: java.lang.IllegalStateException: no route"
          + " for a; not delivered, so its cooldown is not started and the next evaluation raises it again");
    });
    assertThat(store.lastRaised(new AlertKey("a", "SPX", "k"))).isEmpty();
    assertThat(store.lastRaised(new AlertKey("b", "SPX", "k")))
        .contains(new AlertState(AlertSeverity.LOW, clock.instant(), clock.instant().plus(Duration.ofMinutes(15))));
  }

  @Test
  void escalationNotDelivered_keepsTheEarlierCooldown_andIsRaisedAgain() {
    TestRules.Dial dial = new TestRules.Dial();
    AtomicInteger highs = new AtomicInteger();
    AlertStateStore store = AlertStateStore.inMemory();
    AlertEngine engine = isolated(TestRules.dialled("d", dial))
        .stateStore(store)
        .listener(listener("pager", a -> {
          if (a.severity() == AlertSeverity.HIGH && highs.incrementAndGet() == 1) {
            throw new IllegalStateException("pager down");
          }
        }))
        .build();
    AlertKey key = new AlertKey("d", "SPX", "k");
    Instant t0 = clock.instant();
    dial.severity = AlertSeverity.LOW;
    assertThat(engine.evaluate(spx).undelivered()).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    dial.severity = AlertSeverity.HIGH;
    assertThat(engine.evaluate(spx).undelivered()).hasSize(1);
    assertThat(store.lastRaised(key)).get().extracting(AlertState::severity, AlertState::raisedAt)
        .containsExactly(AlertSeverity.LOW, t0);

    clock.advance(Duration.ofMinutes(1));
    AlertEvaluation retried = engine.evaluate(spx);
    assertThat(retried.raised()).extracting(GexAlert::severity).containsExactly(AlertSeverity.HIGH);
    assertThat(retried.undelivered()).isEmpty();
    assertThat(store.lastRaised(key)).get().extracting(AlertState::severity).isEqualTo(AlertSeverity.HIGH);
  }

  @Test
  void withNoListener_everyRaisedAlertIsDelivered_andStartsItsCooldown() {
    AlertEngine engine = AlertEngine.builder()
        .discoverRules(false)
        .discoverListeners(false)
        .logAlerts(false)
        .clock(clock)
        .executor(Runnable::run)
        .rule(always("a", AlertSeverity.LOW))
        .build();
    assertThat(engine.listeners()).isEmpty();
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.raised()).hasSize(1);
    assertThat(e.undelivered()).isEmpty();
    assertThat(engine.evaluate(spx).suppressed()).hasSize(1);
  }

  @Test
  void sameKeyTwiceInOneEvaluation_isRaisedOnce_unlessItsSeverityRises() {
    AlertRule twice = rule("twice", (c, p, s) -> List.of(
        GexAlert.builder("twice", c).key("k").severity(AlertSeverity.LOW).message("first").build(),
        GexAlert.builder("twice", c).key("k").severity(AlertSeverity.LOW).message("repeat").build(),
        GexAlert.builder("twice", c).key("k").severity(AlertSeverity.HIGH).message("worse").build()));
    AlertEvaluation e = isolated(twice).build().evaluate(spx);
    assertThat(e.raised()).extracting(GexAlert::message).containsExactly("first", "worse");
    assertThat(e.suppressed()).extracting(GexAlert::message).containsExactly("repeat");
  }

  @Test
  void listenerThrowingAVirtualMachineError_propagates_andTheAlertStartsNoCooldown() {
    AtomicInteger calls = new AtomicInteger();
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW))
        .listener(listener("oom", a -> {
          if (calls.incrementAndGet() == 1) {
            throw new OutOfMemoryError("test: Java heap space");
          }
        }))
        .build();
    assertThatThrownBy(() -> engine.evaluate(spx)).isInstanceOf(OutOfMemoryError.class);
    AlertEvaluation next = engine.evaluate(spx);
    assertThat(next.raised()).as("not delivered before the error: raised again").hasSize(1);
    assertThat(next.failures()).isEmpty();
  }

  @Test
  void ruleThrowingAVirtualMachineError_propagates() {
    AlertRule deep = rule("deep", (c, p, s) -> {
      throw new StackOverflowError("test");
    });
    assertThatThrownBy(() -> isolated(deep).build().evaluate(spx)).isInstanceOf(StackOverflowError.class);
  }

  @Test
  void listenerWhoseIdThrows_isReportedUnderItsClassName() {
    AtomicBoolean built = new AtomicBoolean();
    AlertListener nameless = new AlertListener() {
      @Override
      public void onAlert(GexAlert alert) {
        throw new IllegalStateException("down");
      }

      @Override
      public String id() {
        if (built.get()) {
          throw new LinkageError("id() broken too");
        }
        return "nameless";
      }
    };
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW)).listener(nameless).build();
    built.set(true);
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.failures()).singleElement().extracting(AlertFailure::source)
        .isEqualTo(nameless.getClass().getName());
  }

  /** A state store whose cooldown calls fail with whatever the test gives. */
  private static final class BrokenStore implements AlertStateStore {
    private final AlertStateStore inner = AlertStateStore.inMemory();
    volatile @Nullable Throwable onRead;
    volatile @Nullable Throwable onWrite;

    @Override
    public boolean tryRaise(AlertKey key, AlertSeverity severity, Instant now, Duration cooldown) {
      Throwable t = onWrite;
      if (t != null) {
        throw sneaky(t);
      }
      return inner.tryRaise(key, severity, now, cooldown);
    }

    @Override
    public Optional<AlertState> lastRaised(AlertKey key) {
      Throwable t = onRead;
      if (t != null) {
        throw sneaky(t);
      }
      return inner.lastRaised(key);
    }

    @Override
    public Optional<GexAnalysis> latestAnalysis(String symbol) {
      return inner.latestAnalysis(symbol);
    }

    @Override
    public void rememberAnalysis(GexAnalysis analysis) {
      inner.rememberAnalysis(analysis);
    }
  }

  @Test
  void stateStoreFailingToReadTheCooldown_raisesTheAlert_andReportsIt_evenForAnError() {
    BrokenStore store = new BrokenStore();
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW)).stateStore(store).build();
    engine.evaluate(spx); // raised and recorded
    store.onRead = new NoClassDefFoundError("org/postgresql/Driver");

    AlertEvaluation e = engine.evaluate(spx);

    assertThat(e.raised()).as("a repeat is preferred to a missed alert").hasSize(1);
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(AlertFailure.Reason.STATE_STORE_FAILED);
      assertThat(f.message()).contains("reading the cooldown of a/SPX/k (alert raised)").contains("org/postgresql");
      assertThat(f.alert()).contains(e.raised().get(0));
    });
  }

  @Test
  void stateStoreFailingToRecordADeliveredAlert_isReported_andTheAlertStaysDelivered() {
    BrokenStore store = new BrokenStore();
    store.onWrite = new IOException("connection reset");
    AlertEvaluation e = isolated(always("a", AlertSeverity.LOW)).stateStore(store).build().evaluate(spx);
    assertThat(first.alerts).hasSize(1);
    assertThat(e.undelivered()).isEmpty();
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(AlertFailure.Reason.STATE_STORE_FAILED);
      assertThat(f.message()).contains("recording the raise of a/SPX/k (alert delivered; it may be raised again)")
          .contains("connection reset");
    });
  }
}

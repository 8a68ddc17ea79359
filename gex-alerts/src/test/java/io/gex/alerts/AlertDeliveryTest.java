package io.gex.alerts;

import static io.gex.alerts.TestRules.always;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gex.GexAnalysis;
import io.gex.alerts.TestRules.MutableClock;
import io.gex.alerts.TestRules.Recording;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
}

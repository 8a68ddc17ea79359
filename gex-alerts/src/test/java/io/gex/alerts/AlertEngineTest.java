package io.gex.alerts;

import static io.gex.alerts.TestRules.always;
import static io.gex.alerts.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.alerts.TestRules.MutableClock;
import io.gex.alerts.TestRules.Recording;
import io.gex.alerts.rules.GammaFlipProximityRule;
import io.gex.alerts.rules.RegimeChangeRule;
import io.gex.settings.SignConvention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AlertEngineTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2022-12-12T15:00:00Z"));
  private final Recording recorder = new Recording("recorder");
  private final GexAnalysis spx = AnalysisFixture.spot(4000).totalGex(1e9).build();

  private AlertEngine.Builder isolated(AlertRule... rules) {
    AlertEngine.Builder b =
        AlertEngine.builder()
            .discoverRules(false)
            .discoverListeners(false)
            .logAlerts(false)
            .clock(clock)
            .executor(Runnable::run)
            .ticker(() -> 0L) // rules take no time, whatever the machine's load
            .listener(recorder);
    for (AlertRule r : rules) {
      b.rule(r);
    }
    return b;
  }

  @Test
  void evaluate_raisesAlertsOfEveryRule_andTellsListeners() {
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW), always("b", AlertSeverity.HIGH)).build();
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.rulesEvaluated()).containsExactly("a", "b");
    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("a", "b");
    assertThat(e.suppressed()).isEmpty();
    assertThat(e.failures()).isEmpty();
    assertThat(e.highestSeverity()).contains(AlertSeverity.HIGH);
    assertThat(e.evaluatedAt()).isEqualTo(clock.instant());
    assertThat(recorder.alerts).extracting(GexAlert::ruleId).containsExactly("a", "b");
  }

  @Test
  void cooldown_sameAlertWithinCooldown_isSuppressed_andRaisedAgainWhenItEnds() {
    AlertEngine engine = isolated(always("a", AlertSeverity.MEDIUM)).build();
    assertThat(engine.evaluate(spx).raised()).hasSize(1);

    clock.advance(Duration.ofMinutes(14).plusSeconds(59));
    AlertEvaluation within = engine.evaluate(spx);
    assertThat(within.raised()).isEmpty();
    assertThat(within.suppressed()).extracting(GexAlert::ruleId).containsExactly("a");

    clock.advance(Duration.ofSeconds(1)); // exactly 15 minutes after the raise
    assertThat(engine.evaluate(spx).raised()).hasSize(1);
    assertThat(recorder.alerts).hasSize(2);
  }

  @Test
  void cooldown_suppressedRepeatsDoNotExtendIt() {
    AlertEngine engine = isolated(always("a", AlertSeverity.MEDIUM)).build();
    engine.evaluate(spx);
    for (int i = 0; i < 14; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(engine.evaluate(spx).raised()).isEmpty();
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(engine.evaluate(spx).raised()).hasSize(1);
  }

  @Test
  void cooldown_higherSeverityEscalatesAtOnce_lowerStaysSuppressed() {
    TestRules.Dial dial = new TestRules.Dial();
    AlertEngine engine = isolated(TestRules.dialled("d", dial)).build();
    dial.severity = AlertSeverity.LOW;
    assertThat(engine.evaluate(spx).raised()).extracting(GexAlert::severity).containsExactly(AlertSeverity.LOW);

    clock.advance(Duration.ofMinutes(1));
    dial.severity = AlertSeverity.HIGH;
    assertThat(engine.evaluate(spx).raised()).extracting(GexAlert::severity).containsExactly(AlertSeverity.HIGH);

    clock.advance(Duration.ofMinutes(1));
    dial.severity = AlertSeverity.MEDIUM;
    assertThat(engine.evaluate(spx).suppressed()).extracting(GexAlert::severity)
        .containsExactly(AlertSeverity.MEDIUM);
    dial.severity = AlertSeverity.HIGH;
    assertThat(engine.evaluate(spx).suppressed()).hasSize(1);
    dial.severity = AlertSeverity.CRITICAL;
    assertThat(engine.evaluate(spx).raised()).hasSize(1);
  }

  @Test
  void cooldown_isPerSymbolAndPerRule_andPerRuleSettingOverridesGlobal() {
    AlertSettings settings =
        AlertSettings.builder().cooldown(Duration.ofHours(1)).cooldown("b", Duration.ofMinutes(5)).build();
    AlertEngine engine =
        isolated(always("a", AlertSeverity.LOW), always("b", AlertSeverity.LOW)).settings(settings).build();
    GexAnalysis ndx = AnalysisFixture.spot(11000).symbol("NDX").build();
    assertThat(engine.evaluate(spx).raised()).hasSize(2);
    assertThat(engine.evaluate(ndx).raised()).hasSize(2);
    clock.advance(Duration.ofMinutes(5));
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("b");
    assertThat(e.suppressed()).extracting(GexAlert::ruleId).containsExactly("a");
    assertThat(engine.ruleSettings("a").cooldown()).isEqualTo(Duration.ofHours(1));
    assertThat(engine.ruleSettings("b").cooldown()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void throwingRule_isReported_andOtherRulesStillRun() {
    AlertRule boom = rule("boom", (c, p, s) -> {
      throw new IllegalStateException("boom at " + c.spot());
    });
    AlertEngine engine = isolated(always("before", AlertSeverity.LOW), boom, always("after", AlertSeverity.LOW))
        .build();
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("before", "after");
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.source()).isEqualTo("boom");
      assertThat(f.reason()).isEqualTo(AlertFailure.Reason.THREW);
      assertThat(f.exceptionMessage()).contains("boom at 4000.0");
      assertThat(f.message()).isEqualTo("threw java.lang.IllegalStateException: boom at 4000.0");
    });
    assertThat(e.rulesEvaluated()).containsExactly("before", "boom", "after");
  }

  @Test
  void ruleThrowingAnError_isReportedToo() {
    AlertRule broken = rule("broken", (c, p, s) -> {
      throw new NoClassDefFoundError("com/acme/Missing");
    });
    AlertEvaluation e = isolated(broken, always("ok", AlertSeverity.LOW)).build().evaluate(spx);
    assertThat(e.failuresOf("broken")).singleElement().extracting(AlertFailure::reason)
        .isEqualTo(AlertFailure.Reason.THREW);
    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("ok");
  }

  @Test
  void garbageResults_areReportedAsInvalid_andAllTheRulesAlertsDropped() {
    AlertRule nullList = rule("null-list", (c, p, s) -> nullList());
    AlertRule nullElement = rule("null-element", (c, p, s) -> {
      List<GexAlert> l = new ArrayList<>();
      l.add(GexAlert.builder("null-element", c).message("ok").build());
      l.add(null);
      return l;
    });
    AlertRule otherSymbol = rule("other-symbol", (c, p, s) -> List.of(
        GexAlert.builder("other-symbol", AnalysisFixture.spot(100).symbol("NDX").build()).message("x").build()));
    AlertRule otherRule = rule("impostor", (c, p, s) -> List.of(
        GexAlert.builder("regime-change", c).message("x").build()));
    AlertRule nanFigure = rule("nan", (c, p, s) -> List.of(
        GexAlert.builder("nan", c).message("x").figure("ratio", Double.NaN).build()));
    AlertRule flood = rule("flood", (c, p, s) -> Collections.nCopies(4,
        GexAlert.builder("flood", c).message("x").build()));
    AlertEngine engine = isolated(nullList, nullElement, otherSymbol, otherRule, nanFigure, flood,
        always("fine", AlertSeverity.INFO))
        .settings(AlertSettings.builder().maxAlertsPerRule(3).build())
        .build();

    AlertEvaluation e = engine.evaluate(spx);

    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("fine");
    assertThat(e.failures()).extracting(AlertFailure::source, AlertFailure::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("null-list", AlertFailure.Reason.INVALID_RESULT),
        org.assertj.core.groups.Tuple.tuple("null-element", AlertFailure.Reason.INVALID_RESULT),
        org.assertj.core.groups.Tuple.tuple("other-symbol", AlertFailure.Reason.INVALID_RESULT),
        org.assertj.core.groups.Tuple.tuple("impostor", AlertFailure.Reason.INVALID_RESULT),
        org.assertj.core.groups.Tuple.tuple("nan", AlertFailure.Reason.THREW),
        org.assertj.core.groups.Tuple.tuple("flood", AlertFailure.Reason.INVALID_RESULT));
    assertThat(e.failuresOf("null-list").get(0).message()).startsWith("returned null instead of a list");
    assertThat(e.failuresOf("null-element").get(0).message()).startsWith("returned a null alert at index 1");
    assertThat(e.failuresOf("other-symbol").get(0).message())
        .startsWith("returned an alert at index 0 about symbol NDX, not SPX");
    assertThat(e.failuresOf("impostor").get(0).message())
        .startsWith("returned an alert at index 0 with ruleId 'regime-change', not its own id 'impostor'");
    assertThat(e.failuresOf("nan").get(0).message()).contains("figure 'ratio' must be a finite number, was NaN");
    assertThat(e.failuresOf("flood").get(0).message()).startsWith("returned 4 alerts, more than the 3 allowed");
    assertThat(recorder.alerts).extracting(GexAlert::ruleId).containsExactly("fine");
  }

  /** What a broken plugin written without nullness checking might return. */
  @SuppressWarnings("NullAway")
  private static List<GexAlert> nullList() {
    return null;
  }

  @Test
  void slowRule_onDirectExecutor_isReportedTimedOutByTheTicker() {
    AtomicLong nanos = new AtomicLong();
    AlertRule slow = rule("slow", (c, p, s) -> {
      nanos.addAndGet(Duration.ofMillis(251).toNanos()); // "takes" 251 ms on the fake ticker
      return List.of(GexAlert.builder("slow", c).message("late").build());
    });
    AlertRule onTime = rule("on-time", (c, p, s) -> {
      nanos.addAndGet(Duration.ofMillis(250).toNanos()); // exactly the budget: fine
      return List.of(GexAlert.builder("on-time", c).message("in time").build());
    });
    AlertEngine engine = isolated(slow, onTime).ticker(nanos::get).build();
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("on-time");
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.source()).isEqualTo("slow");
      assertThat(f.reason()).isEqualTo(AlertFailure.Reason.TIMED_OUT);
      assertThat(f.message()).isEqualTo("took 251.0 ms, over its budget of 250.0 ms; its alerts are dropped");
    });
  }

  @Test
  void hangingRule_onPool_isInterruptedAndReported_othersRun() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    AlertRule hang = rule("hang", (c, p, s) -> {
      try {
        never.await();
      } catch (InterruptedException ie) {
        interrupted.countDown();
        Thread.currentThread().interrupt();
      }
      return List.of();
    });
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      AlertEngine engine = isolated(hang, always("ok", AlertSeverity.LOW))
          .executor(pool)
          .settings(AlertSettings.builder().ruleTimeout(Duration.ofSeconds(2)).build())
          .build();
      AlertEvaluation e = engine.evaluate(spx);
      assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("ok");
      assertThat(e.failures()).singleElement().satisfies(f -> {
        assertThat(f.source()).isEqualTo("hang");
        assertThat(f.reason()).isEqualTo(AlertFailure.Reason.TIMED_OUT);
        assertThat(f.message()).isEqualTo(
            "did not finish within its budget of 2000.0 ms; interrupted and its alerts dropped");
      });
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the hanging rule was interrupted").isTrue();
    } finally {
      never.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void rejectedByExecutor_isReportedNotRun() {
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW))
        .executor(r -> {
          throw new java.util.concurrent.RejectedExecutionException("pool closed");
        })
        .build();
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.raised()).isEmpty();
    assertThat(e.failures()).singleElement().extracting(AlertFailure::reason)
        .isEqualTo(AlertFailure.Reason.NOT_RUN);
  }

  @Test
  void throwingListener_isReported_andOtherListenersStillTold() {
    Recording second = new Recording("second");
    AlertListener bad = new AlertListener() {
      @Override
      public void onAlert(GexAlert alert) {
        throw new IllegalStateException("webhook down");
      }

      @Override
      public String id() {
        return "bad";
      }
    };
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW)).listener(bad).listener(second).build();
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.raised()).hasSize(1);
    assertThat(recorder.alerts).hasSize(1);
    assertThat(second.alerts).hasSize(1);
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.source()).isEqualTo("bad");
      assertThat(f.reason()).isEqualTo(AlertFailure.Reason.LISTENER_FAILED);
      assertThat(f.exceptionMessage()).contains("webhook down");
    });
  }

  @Test
  void failingStateStore_raisesTheAlertAnyway_andReportsIt() {
    AlertStateStore down = new AlertStateStore() {
      @Override
      public boolean tryRaise(AlertKey key, AlertSeverity severity, Instant now, Duration cooldown) {
        throw new IllegalStateException("connection refused");
      }

      @Override
      public Optional<AlertState> lastRaised(AlertKey key) {
        return Optional.empty();
      }

      @Override
      public Optional<GexAnalysis> latestAnalysis(String symbol) {
        return Optional.empty();
      }

      @Override
      public void rememberAnalysis(GexAnalysis analysis) {}
    };
    AlertEvaluation e = isolated(always("a", AlertSeverity.LOW)).stateStore(down).build().evaluate(spx);
    assertThat(e.raised()).hasSize(1);
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo(AlertFailure.Reason.STATE_STORE_FAILED);
      assertThat(f.message()).contains("a/SPX/k").contains("connection refused");
    });
  }

  @Test
  void evaluateWithoutPrevious_usesTheRememberedLatestAnalysisOfTheSymbol() {
    AlertEngine engine = isolated(new RegimeChangeRule()).build();
    GexAnalysis t0 = AnalysisFixture.spot(4000).totalGex(2e9).build();
    GexAnalysis t1 = AnalysisFixture.spot(3990).totalGex(-1e9).at(AnalysisFixture.T0.plusSeconds(60)).build();
    GexAnalysis ndx = AnalysisFixture.spot(11000).symbol("NDX").totalGex(-5e9).build();

    AlertEvaluation first = engine.evaluate(t0);
    assertThat(first.previousValuationTime()).isEmpty();
    assertThat(first.raised()).isEmpty();
    engine.evaluate(ndx); // another symbol does not count as SPX's previous
    AlertEvaluation second = engine.evaluate(t1);
    assertThat(second.previousValuationTime()).contains(AnalysisFixture.T0);
    assertThat(second.raised()).singleElement().satisfies(a -> {
      assertThat(a.key()).isEqualTo("to:NEGATIVE");
      assertThat(a.figure("previousTotalGex")).isEqualTo(2e9);
    });
  }

  @Test
  void evaluateWithoutPrevious_olderAnalysisAfterNewer_getsNoPrevious() {
    AlertEngine engine = isolated(new RegimeChangeRule()).build();
    GexAnalysis later = AnalysisFixture.spot(3990).totalGex(-1e9).at(AnalysisFixture.T0.plusSeconds(60)).build();
    GexAnalysis earlier = AnalysisFixture.spot(4000).totalGex(2e9).build();
    engine.evaluate(later);
    AlertEvaluation e = engine.evaluate(earlier);
    assertThat(e.previousValuationTime()).isEmpty();
    assertThat(e.raised()).isEmpty();
    // and the later analysis stays the remembered one
    GexAnalysis latest = AnalysisFixture.spot(3980).totalGex(3e9).at(AnalysisFixture.T0.plusSeconds(120)).build();
    assertThat(engine.evaluate(latest).previousValuationTime()).contains(AnalysisFixture.T0.plusSeconds(60));
  }

  @Test
  void evaluateWithPrevious_usesTheGivenOne_andChecksIt() {
    AlertEngine engine = isolated(new RegimeChangeRule()).build();
    GexAnalysis before = AnalysisFixture.spot(4000).totalGex(-2e9).build();
    GexAnalysis now = AnalysisFixture.spot(4050).totalGex(1e9).at(AnalysisFixture.T0.plusSeconds(60)).build();
    assertThat(engine.evaluate(now, Optional.of(before)).raised()).extracting(GexAlert::severity)
        .containsExactly(AlertSeverity.MEDIUM);
    assertThat(engine.evaluate(now, Optional.empty()).raised()).isEmpty();

    GexAnalysis ndx = AnalysisFixture.spot(11000).symbol("NDX").build();
    assertThatThrownBy(() -> engine.evaluate(now, Optional.of(ndx)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("previous must be of the same symbol SPX, was NDX");
    assertThatThrownBy(() -> engine.evaluate(before, Optional.of(now)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("previous must not be later than current (2022-12-12T15:00:00Z), was 2022-12-12T15:01:00Z");
  }

  @Test
  void previousUnderAnotherSignConvention_isNotPassedToRules() {
    AlertEngine engine = isolated(new RegimeChangeRule()).build();
    GexAnalysis before = AnalysisFixture.spot(4000).totalGex(2e9)
        .convention(SignConvention.DEALER_SHORT_CALLS_LONG_PUTS).build();
    GexAnalysis now = AnalysisFixture.spot(4000).totalGex(-2e9).build();
    AlertEvaluation e = engine.evaluate(now, Optional.of(before));
    assertThat(e.previousValuationTime()).isEmpty();
    assertThat(e.raised()).isEmpty();
  }

  @Test
  void disabledRule_doesNotRun() {
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW), always("b", AlertSeverity.LOW))
        .settings(AlertSettings.builder().enabled("a", false).build())
        .build();
    assertThat(engine.rules()).hasSize(2);
    assertThat(engine.activeRuleIds()).containsExactly("b");
    AlertEvaluation e = engine.evaluate(spx);
    assertThat(e.rulesEvaluated()).containsExactly("b");
    assertThat(e.raised()).extracting(GexAlert::ruleId).containsExactly("b");
  }

  @Test
  void build_settingsForUnknownRuleOrParameter_orBadValue_rejectedNamingKeyAndValue() {
    AlertSettings unknownRule = AlertSettings.builder().set("flip-proximty", "percent", 1.0).build();
    assertThatThrownBy(() -> isolated(new GammaFlipProximityRule()).settings(unknownRule).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gex.alerts.flip-proximty.*: no rule with id 'flip-proximty' is registered or"
            + " discovered; the rules are [gamma-flip-proximity]");

    AlertSettings unknownName = AlertSettings.builder().set("gamma-flip-proximity", "pct", "1").build();
    assertThatThrownBy(() -> isolated(new GammaFlipProximityRule()).settings(unknownName).build())
        .hasMessageContaining("gex.alerts.gamma-flip-proximity.pct=1: rule 'gamma-flip-proximity' has no"
            + " setting 'pct'; its settings are [enabled, cooldown, percent, medium-percent, high-percent]");

    AlertSettings badValue = AlertSettings.builder().set("gamma-flip-proximity", "percent", "one").build();
    assertThatThrownBy(() -> isolated(new GammaFlipProximityRule()).settings(badValue).build())
        .hasMessageContaining("gex.alerts.gamma-flip-proximity.percent=one: expected a decimal number, was 'one'");
  }

  @Test
  void build_explicitRulesSharingAnId_rejected() {
    assertThatThrownBy(() -> isolated(always("x", AlertSeverity.LOW), always("x", AlertSeverity.HIGH)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two rules registered explicitly share the id 'x'");
  }

  @Test
  void build_explicitRuleWithInvalidId_rejected() {
    assertThatThrownBy(() -> isolated(always("has space", AlertSeverity.LOW)).build())
        .hasMessageContaining("rule id 'has space'");
  }

  @Test
  void ruleSettings_unknownRule_throws() {
    AlertEngine engine = isolated(always("a", AlertSeverity.LOW)).build();
    assertThatThrownBy(() -> engine.ruleSettings("b")).hasMessage("no rule with id 'b'; the rules are [a]");
  }

  @Test
  void ruleReadsItsSettingsThroughTheEngine() {
    List<Double> seen = new ArrayList<>();
    AlertRule reader = new AlertRule() {
      @Override
      public List<GexAlert> evaluate(GexAnalysis c, Optional<GexAnalysis> p, RuleSettings s) {
        seen.add(s.getDouble("level"));
        return List.of();
      }

      @Override
      public String id() {
        return "reader";
      }

      @Override
      public List<RuleParameter> parameters() {
        return List.of(RuleParameter.decimal("level", 2.5, 0, 10, "a level"));
      }
    };
    isolated(reader).build().evaluate(spx);
    isolated(reader).settings(AlertSettings.builder().set("reader", "level", 7.25).build()).build().evaluate(spx);
    assertThat(seen).containsExactly(2.5, 7.25);
  }
}

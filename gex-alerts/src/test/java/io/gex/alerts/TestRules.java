package io.gex.alerts;

import io.gex.GexAnalysis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small rules, listeners and a settable clock for engine tests. */
public final class TestRules {
  private TestRules() {}

  /** The body of a test rule. */
  @FunctionalInterface
  public interface Body {
    List<GexAlert> evaluate(GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings);
  }

  /** A rule with an id and a body. */
  public static AlertRule rule(String id, Body body) {
    return new AlertRule() {
      @Override
      public List<GexAlert> evaluate(
          GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
        return body.evaluate(current, previous, settings);
      }

      @Override
      public String id() {
        return id;
      }

      @Override
      public String toString() {
        return "TestRule[" + id + "]";
      }
    };
  }

  /** A rule that always raises one alert of the given severity with key "k". */
  public static AlertRule always(String id, AlertSeverity severity) {
    return rule(
        id,
        (c, p, s) ->
            List.of(GexAlert.builder(id, c).key("k").severity(severity).message(id + " fired").build()));
  }

  /** A rule whose severity is read from a holder each time (for escalation tests). */
  public static final class Dial {
    public volatile AlertSeverity severity = AlertSeverity.LOW;
  }

  public static AlertRule dialled(String id, Dial dial) {
    return rule(
        id,
        (c, p, s) ->
            List.of(
                GexAlert.builder(id, c).key("k").severity(dial.severity).message(id + " at " + dial.severity)
                    .build()));
  }

  /** A listener that records what it is told. */
  public static final class Recording implements AlertListener {
    public final List<GexAlert> alerts = new CopyOnWriteArrayList<>();
    private final String id;

    public Recording(String id) {
      this.id = id;
    }

    @Override
    public void onAlert(GexAlert alert) {
      alerts.add(alert);
    }

    @Override
    public String id() {
      return id;
    }
  }

  /** A clock that stands still until moved. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
      now = start;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

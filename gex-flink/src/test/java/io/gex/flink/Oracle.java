package io.gex.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.chain.OptionChain;
import io.gex.flink.internal.EventClock;
import io.gex.live.LiveChain;
import io.gex.live.MarketEvent;
import io.gex.server.AnalysisJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The single-process engine the job must equal: each underlying's chain and events replayed through one
 * {@link LiveChain} in one thread, with {@code gex live}'s emission rule written out again here (one analysis
 * per distinct time, or per window of D aligned on midnight UTC), and alerts against the previous analysis.
 */
final class Oracle {
  static final ObjectMapper JSON = new ObjectMapper();

  private Oracle() {}

  /** Per underlying, its analyses' JSON trees in time order. */
  static Map<String, List<JsonNode>> of(SyntheticMarket market, GexJobSettings settings) {
    Map<String, List<JsonNode>> all = new LinkedHashMap<>();
    for (int u = 0; u < market.underlyings(); u++) {
      OptionChain chain = market.chain(u);
      all.put(chain.underlying(), replay(chain, market.session(u, chain), settings));
    }
    return all;
  }

  static List<JsonNode> replay(OptionChain start, List<MarketEvent> events, GexJobSettings settings) {
    GexEngine engine = settings.engine();
    EventClock clock = new EventClock(start.valuationTime());
    List<JsonNode> out = new ArrayList<>();
    try (AlertEngine alerts = settings.alerts(clock)) {
      LiveChain live = LiveChain.of(start, engine);
      Instant last = start.valuationTime();
      GexAnalysis[] previous = new GexAnalysis[1];
      for (MarketEvent e : events) {
        if (!window(e.time(), settings.every()).equals(window(last, settings.every()))) {
          out.add(analyse(live, last, alerts, clock, previous));
        }
        live.apply(e);
        last = e.time();
      }
      out.add(analyse(live, last, alerts, clock, previous));
    }
    return out;
  }

  private static JsonNode analyse(
      LiveChain live, Instant at, AlertEngine alerts, EventClock clock, GexAnalysis[] previous) {
    if (!live.valuationTime().equals(at)) {
      live.apply(new MarketEvent.Clock(at));
    }
    GexAnalysis a = live.analysis();
    clock.set(at);
    AlertEvaluation ev = alerts.evaluate(a, Optional.ofNullable(previous[0]));
    previous[0] = a;
    return tree(AnalysisJson.writeLine(a, ev.raised()));
  }

  /** Replay's window number: every distinct instant without D; else (UTC day, window in the day). */
  private static Object window(Instant t, @Nullable Duration every) {
    if (every == null) {
      return t;
    }
    long day = Math.floorDiv(t.getEpochSecond(), 86_400);
    long inDay = Duration.between(t.truncatedTo(ChronoUnit.DAYS), t).toNanos() / every.toNanos();
    return day * 1_000_000_000L + inDay;
  }

  /**
   * Asserts that two lists of analyses are equal, tree by tree, naming the first differing key (AssertJ
   * would print whole documents of several hundred kilobytes).
   */
  static void assertSame(String what, List<JsonNode> actual, @Nullable List<JsonNode> expected) {
    List<JsonNode> exp = java.util.Objects.requireNonNull(expected, what);
    org.assertj.core.api.Assertions.assertThat(actual.size()).as(what + ": analyses").isEqualTo(exp.size());
    for (int i = 0; i < actual.size(); i++) {
      String d = diff("", actual.get(i), exp.get(i));
      org.assertj.core.api.Assertions.assertThat(d).as(what + " analysis " + i).isNull();
    }
  }

  /** The path of the first difference of two trees and both values there, or null if they are equal. */
  static @Nullable String diff(String path, JsonNode a, JsonNode b) {
    if (a.equals(b)) {
      return null;
    }
    if (a.isObject() && b.isObject()) {
      var names = new java.util.TreeSet<String>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        JsonNode x = a.get(n);
        JsonNode y = b.get(n);
        if (x == null || y == null) {
          return path + "/" + n + ": " + x + " vs " + y;
        }
        String d = diff(path + "/" + n, x, y);
        if (d != null) {
          return d;
        }
      }
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        String d = diff(path + "[" + i + "]", a.get(i), b.get(i));
        if (d != null) {
          return d;
        }
      }
    }
    String x = a.toString();
    String y = b.toString();
    return path + ": " + x.substring(0, Math.min(200, x.length())) + " vs " + y.substring(0, Math.min(200, y.length()));
  }

  static JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}

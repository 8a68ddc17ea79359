package io.gex.flink;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.NoUsableContractsException;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertFailure;
import io.gex.alerts.GexAlert;
import io.gex.chain.OptionChain;
import io.gex.flink.internal.EventClock;
import io.gex.flink.internal.KeyedAlertStateStore;
import io.gex.flink.internal.Windows;
import io.gex.live.LiveChain;
import io.gex.live.MarketEvent;
import io.gex.server.AnalysisJson;
import io.gex.store.AlertRecord;
import io.gex.store.StoredSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of the job: per underlying (the key), the live chain in keyed state, the events applied in
 * arrival order, and an analysis emitted when a conflation window closes.
 *
 * <p><b>State per key.</b> {@code chain}: the chain as of the last analysis or snapshot ({@link
 * ChainSerializer}); {@code pending}: the events applied since ({@link GexEventSerializer}); {@code
 * lastTime}: the time of the last event; {@code windowEnd}: the end of the window that has events not yet
 * analysed (absent when there is none). The {@link LiveChain} itself, with its cached resolve, lives in a
 * task-local map and is rebuilt from {@code chain} and {@code pending} after a restore, so a checkpoint never
 * holds a mutable object and a restored key analyses exactly as before.
 *
 * <p><b>Alert state per key</b> ({@link KeyedAlertStateStore}, the alert engine's state store): {@code
 * alertCooldowns}, the last raise of each alert key (those whose cooldown is over are dropped when a new key
 * is raised), and {@code previousAnalysis}, the key's latest analysis, which the next one's alert rules
 * compare with (its gex-json form, deflated: about 0.2 MB for SPX). Both are checkpointed with the rest, so
 * after a restore an alert raised before the checkpoint is not raised again within its cooldown, and the
 * rules compare with the analysis before the failure, as in a run without one.
 *
 * <p><b>Emission</b> ({@code gex live}'s rule): an event of a later window than the open one first emits the
 * open window's analysis; the window's event-time timer emits it when the watermark passes the window's
 * end. Before an analysis the clock moves to the time of the last event ({@link MarketEvent.Clock}). The
 * analysis is written as {@link AnalysisJson#writeLine} does, with the alerts raised against the key's
 * previous analysis; alert cooldowns are measured in event time (the time of the analysis).
 *
 * <p>Events of a key before its first snapshot have no chain to apply to: they are counted (metric {@code
 * eventsBeforeSnapshot}) and dropped; events naming a contract the chain does not hold are counted ({@code
 * ignoredEvents}); a state with no usable contract yields no analysis and is counted ({@code
 * unanalysable}) and logged, and the job goes on.
 */
public final class LiveChainFunction extends KeyedProcessFunction<String, GexEvent, GexResult> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LiveChainFunction.class);

  private final GexJobSettings settings;

  private transient @Nullable GexEngine engine;
  private transient @Nullable AlertEngine alerts;
  private transient @Nullable EventClock clock;
  private transient @Nullable Map<String, LiveChain> live;

  private transient @Nullable ValueState<OptionChain> chainState;
  private transient @Nullable ListState<GexEvent> pendingState;
  private transient @Nullable ValueState<Instant> lastTimeState;
  private transient @Nullable ValueState<Instant> windowEndState;

  private transient @Nullable Counter eventsBeforeSnapshot;
  private transient @Nullable Counter ignoredEvents;
  private transient @Nullable Counter unanalysable;
  private transient @Nullable Counter analyses;

  /** An operator of these settings. */
  public LiveChainFunction(GexJobSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void open(OpenContext openContext) {
    engine = settings.engine();
    clock = new EventClock(Instant.EPOCH);
    alerts = settings.alerts(clock, new KeyedAlertStateStore(getRuntimeContext()));
    for (AlertFailure f : alerts.setupProblems()) {
      LOG.warn("alert setup: {}", f);
    }
    live = new HashMap<>();
    chainState =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("chain", ChainSerializer.INSTANCE));
    pendingState =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("pending", GexEventSerializer.INSTANCE));
    lastTimeState = getRuntimeContext().getState(new ValueStateDescriptor<>("lastTime", Types.INSTANT));
    windowEndState = getRuntimeContext().getState(new ValueStateDescriptor<>("windowEnd", Types.INSTANT));
    var group = getRuntimeContext().getMetricGroup();
    eventsBeforeSnapshot = group.counter("eventsBeforeSnapshot");
    ignoredEvents = group.counter("ignoredEvents");
    unanalysable = group.counter("unanalysable");
    analyses = group.counter("analyses");
  }

  @Override
  public void close() throws Exception {
    AlertEngine a = alerts;
    if (a != null) {
      a.close();
    }
  }

  @Override
  public void processElement(GexEvent event, Context ctx, Collector<GexResult> out) throws Exception {
    String key = ctx.getCurrentKey();
    LiveChain chain = current(key);
    if (chain == null && !event.isSnapshot()) {
      Objects.requireNonNull(eventsBeforeSnapshot).inc();
      return;
    }
    ValueState<Instant> windowEnd = Objects.requireNonNull(windowEndState);
    Instant end = Windows.end(event.time(), settings.every());
    Instant open = windowEnd.value();
    if (open != null && !open.equals(end)) {
      emit(key, out);
    }
    OptionChain snapshot = event.snapshot();
    if (snapshot != null) {
      // A snapshot replaces the whole state.
      Objects.requireNonNull(live).put(key, LiveChain.of(snapshot, Objects.requireNonNull(engine)));
      Objects.requireNonNull(chainState).update(snapshot);
      Objects.requireNonNull(pendingState).clear();
    } else if (Objects.requireNonNull(chain).apply(Objects.requireNonNull(event.event()))) {
      Objects.requireNonNull(pendingState).add(event);
    } else {
      Objects.requireNonNull(ignoredEvents).inc();
    }
    Objects.requireNonNull(lastTimeState).update(event.time());
    windowEnd.update(end);
    ctx.timerService().registerEventTimeTimer(Windows.timer(event.time(), settings.every()));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<GexResult> out) throws Exception {
    Instant last = Objects.requireNonNull(lastTimeState).value();
    if (Objects.requireNonNull(windowEndState).value() != null
        && last != null
        && Windows.timer(last, settings.every()) == timestamp) {
      emit(ctx.getCurrentKey(), out);
    }
  }

  /** The key's live chain: the task's, or rebuilt from state after a restore; null before a snapshot. */
  private @Nullable LiveChain current(String key) throws Exception {
    Map<String, LiveChain> map = Objects.requireNonNull(live);
    LiveChain chain = map.get(key);
    if (chain != null) {
      return chain;
    }
    OptionChain saved = Objects.requireNonNull(chainState).value();
    if (saved == null) {
      return null;
    }
    chain = LiveChain.of(saved, Objects.requireNonNull(engine));
    Iterable<GexEvent> pending = Objects.requireNonNull(pendingState).get();
    if (pending != null) {
      for (GexEvent e : pending) {
        chain.apply(Objects.requireNonNull(e.event()));
      }
    }
    map.put(key, chain);
    return chain;
  }

  private void emit(String key, Collector<GexResult> out) throws Exception {
    LiveChain chain = Objects.requireNonNull(current(key));
    Instant at = Objects.requireNonNull(Objects.requireNonNull(lastTimeState).value());
    if (!chain.valuationTime().equals(at)) {
      chain.apply(new MarketEvent.Clock(at));
    }
    Objects.requireNonNull(windowEndState).clear();
    OptionChain state = chain.chain();
    Objects.requireNonNull(chainState).update(state);
    Objects.requireNonNull(pendingState).clear();
    GexAnalysis analysis;
    try {
      analysis = chain.analysis();
    } catch (NoUsableContractsException e) {
      Objects.requireNonNull(unanalysable).inc();
      LOG.warn("{} at {}: no contract can be analysed: {}", key, at, e.getMessage());
      return;
    }
    Objects.requireNonNull(clock).set(at);
    // against the key's previous analysis in keyed state, which it then replaces
    AlertEvaluation evaluation = Objects.requireNonNull(alerts).evaluate(analysis);
    for (AlertFailure f : evaluation.failures()) {
      LOG.warn("alert rule failed on {} at {}: {}", key, at, f);
    }
    List<GexAlert> raised = evaluation.raised();
    StoredSnapshot stored =
        settings.storeSnapshots() ? new StoredSnapshot(analysis, state, records(raised)) : null;
    Objects.requireNonNull(analyses).inc();
    out.collect(new GexResult(key, at, AnalysisJson.writeLine(analysis, raised), stored));
  }

  private static List<AlertRecord> records(List<GexAlert> alerts) {
    List<AlertRecord> records = new ArrayList<>(alerts.size());
    for (GexAlert a : alerts) {
      records.add(
          new AlertRecord(
              a.ruleId(),
              a.type(),
              AlertRecord.Severity.valueOf(a.severity().name()),
              a.symbol(),
              a.instant(),
              a.message(),
              a.figures()));
    }
    return records;
  }
}

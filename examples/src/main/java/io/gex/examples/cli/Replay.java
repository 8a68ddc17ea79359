package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.NoUsableContractsException;
import io.gex.chain.OptionChain;
import io.gex.live.LiveChain;
import io.gex.live.MarketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The replay of {@code gex live}: snapshots and market events merged in time order, applied to a {@link
 * LiveChain}, with an analysis taken at the moments the emission rule says.
 *
 * <ul>
 *   <li>Items are ordered by time, stably: at equal times, in the order of the inputs, then of the rows.
 *   <li>The first snapshot creates the live chain; a later snapshot starts it anew from that snapshot (the
 *       whole state is replaced, which is what a snapshot says). Events before the first snapshot have
 *       no chain to apply to and are counted ({@link #eventsBeforeFirstSnapshot}).
 *   <li>Before each analysis the clock is moved ({@link MarketEvent.Clock}) to the time of the last item
 *       applied, unless it is there already.
 *   <li>Without a conflation interval: one analysis per distinct item time (a snapshot counts at its
 *       valuation time), after the last item of that time. With one ({@code --every D}): windows of D
 *       aligned on midnight UTC (1m windows start on the minute), and one analysis of the last state of
 *       each window that holds an item; the last one is the state at the end.
 * </ul>
 *
 * <p>Not thread-safe: one replay, one thread.
 */
final class Replay {

  /** Something to replay at a time. */
  sealed interface Item permits Snapshot, Tick {
    /** When. */
    Instant time();

    /** Where it comes from, for messages: a file, or a file and line. */
    String where();
  }

  /** A whole chain, at its valuation time. */
  record Snapshot(OptionChain chain, String where) implements Item {
    @Override
    public Instant time() {
      return chain.valuationTime();
    }
  }

  /** One market event. */
  record Tick(MarketEvent event, String where) implements Item {
    @Override
    public Instant time() {
      return event.time();
    }
  }

  private static final long DAY_NANOS = 86_400_000_000_000L;

  private final GexEngine engine;
  private final @Nullable Duration every;

  private @Nullable LiveChain live;
  private @Nullable Instant lastTime;
  private long window;
  private boolean dirty;
  private long eventsBeforeFirstSnapshot;
  private long ignored;
  private @Nullable String firstIgnored;
  private long analyses;

  /**
   * @param engine the engine of every analysis
   * @param every the conflation interval, or null for one analysis per distinct time
   */
  Replay(GexEngine engine, @Nullable Duration every) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.every = every;
  }

  /** The inputs' items merged in time order, stably (input order, then item order, at equal times). */
  static List<Item> merge(List<List<Item>> inputs) {
    List<Item> all = new ArrayList<>();
    inputs.forEach(all::addAll);
    all.sort(Comparator.comparing(Item::time)); // List.sort is stable
    return all;
  }

  /**
   * Replays the items (in time order) and hands each analysis to the sink.
   *
   * @throws DataException if a later snapshot is of another underlying than the first, or a state has no
   *     usable contract (naming the time and where its last item came from)
   */
  void run(List<Item> items, Consumer<GexAnalysis> sink) {
    String lastWhere = "";
    for (Item item : items) {
      if (live == null && item instanceof Tick) {
        eventsBeforeFirstSnapshot++;
        continue;
      }
      if (dirty && closesWindow(item.time())) {
        emit(sink, lastWhere);
      }
      apply(item);
      lastWhere = item.where();
      lastTime = item.time();
      window = window(item.time());
      dirty = true;
    }
    if (dirty) {
      emit(sink, lastWhere);
    }
  }

  private boolean closesWindow(Instant next) {
    return every == null ? !next.equals(lastTime) : window(next) != window;
  }

  private long window(Instant t) {
    if (every == null) {
      return 0;
    }
    // (UTC day, window within the day) as one number: windows restart at midnight UTC.
    long nanos = every.toNanos();
    long perDay = (DAY_NANOS - 1) / nanos + 1;
    long day = Math.floorDiv(t.getEpochSecond(), 86_400);
    long inDay = Duration.between(t.truncatedTo(ChronoUnit.DAYS), t).toNanos() / nanos;
    return day * perDay + inDay;
  }

  private void apply(Item item) {
    if (item instanceof Snapshot s) {
      LiveChain current = live;
      if (current != null && !current.underlying().equals(s.chain().underlying())) {
        throw new DataException(
            s.where() + ": a snapshot of " + s.chain().underlying() + ", but the replay is of "
                + current.underlying() + " (one underlying per replay)");
      }
      live = LiveChain.of(s.chain(), engine);
      return;
    }
    MarketEvent event = ((Tick) item).event();
    if (!Objects.requireNonNull(live).apply(event)) {
      ignored++;
      if (firstIgnored == null) {
        firstIgnored = item.where() + " (" + describe(event) + ")";
      }
    }
  }

  private void emit(Consumer<GexAnalysis> sink, String where) {
    LiveChain chain = Objects.requireNonNull(live);
    Instant at = Objects.requireNonNull(lastTime);
    if (!chain.valuationTime().equals(at)) {
      chain.apply(new MarketEvent.Clock(at));
    }
    GexAnalysis analysis;
    try {
      analysis = chain.analysis();
    } catch (NoUsableContractsException e) {
      throw new DataException(
          where + ": at " + at + " no contract of " + chain.underlying() + " can be analysed: "
              + e.getMessage(), e);
    }
    analyses++;
    dirty = false;
    sink.accept(analysis);
  }

  private static String describe(MarketEvent event) {
    if (event instanceof MarketEvent.ContractField f) {
      return f.field().id() + " of " + f.contract();
    }
    if (event instanceof MarketEvent.Delisted d) {
      return "delisting of " + d.contract();
    }
    return event.getClass().getSimpleName();
  }

  /** Events met before the first snapshot, not applied. */
  long eventsBeforeFirstSnapshot() {
    return eventsBeforeFirstSnapshot;
  }

  /** Events naming a contract the chain did not hold, ignored. */
  long ignoredEvents() {
    return ignored;
  }

  /** Where the first ignored event came from and what it was, or null. */
  @Nullable String firstIgnored() {
    return firstIgnored;
  }

  /** Analyses handed to the sink. */
  long analyses() {
    return analyses;
  }
}

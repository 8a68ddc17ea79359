package io.gex.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertFailure;
import io.gex.alerts.GexAlert;
import io.gex.chain.OptionChain;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every new analysis goes, from the feed and from uploaded chains: its alerts are evaluated against
 * the symbol's previous analysis, it is recorded with them in the store, it becomes the symbol's latest
 * (unless an analysis of a later valuation time is already there) and it is sent, with each alert, to the
 * symbol's Server-Sent Events clients. Thread-safe: analyses of one symbol are handled one at a time.
 *
 * <p>With several instances on one store and one shared cache, an instance that publishes a newer analysis
 * announces it through the cache ({@link ServerStorage#announceNewest}); the others drop their older latest
 * entry and read the newer one from the store on the next request (and keep it). After announcements may
 * have been missed, every kept entry is read again from the store once.
 */
final class AnalysisHub {

  private static final Logger LOG = LoggerFactory.getLogger(AnalysisHub.class);
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = io.gex.json.GexJson.newMapper();

  private final GexEngine engine;
  private final AlertEngine alerts;
  private final ServerStorage storage;
  private final ServerMetrics metrics;
  private final ConcurrentHashMap<String, Entry> latest = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
  private final java.util.concurrent.ExecutorService refresher =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gex-announced-analyses");
            t.setDaemon(true);
            return t;
          });

  AnalysisHub(GexEngine engine, AlertEngine alerts, ServerStorage storage, ServerMetrics metrics) {
    this.engine = engine;
    this.alerts = alerts;
    this.storage = storage;
    this.metrics = metrics;
    storage.onAnnouncements(this::newerElsewhere, this::maybeMissedAnnouncements);
  }

  /**
   * Another instance published an analysis of {@code newest}: an older kept entry is stale, and the
   * symbol's event-stream clients here are sent the newer one's headline (read from the store off the
   * cache's event thread).
   */
  private void newerElsewhere(String symbol, java.time.Instant newest) {
    latest.computeIfPresent(
        symbol, (s, e) -> e.latest().analysis().valuationTime().isBefore(newest) ? e.stale() : e);
    Set<SseClient> set = clients.get(symbol);
    if (set == null || set.isEmpty()) {
      return;
    }
    try {
      refresher.execute(
          () -> {
            try {
              latest(symbol)
                  .map(e -> e.latest().analysis())
                  .filter(a -> !a.valuationTime().isBefore(newest))
                  .ifPresent(a -> broadcast(symbol, "analysis", ServerStorage.headline(a).toString()));
            } catch (RuntimeException e) {
              LOG.warn("The newer analysis of {} announced by another instance was not read: {}", symbol, e.toString());
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  /** Stops reading announced analyses for the event streams (at shutdown). */
  void close() {
    refresher.shutdownNow();
  }

  private void maybeMissedAnnouncements() {
    latest.replaceAll((s, e) -> e.stale());
  }

  GexEngine engine() {
    return engine;
  }

  /** Analyses a chain with the server's engine and publishes the result. */
  Entry analyzeAndPublish(OptionChain chain) {
    long t0 = System.nanoTime();
    GexAnalysis analysis = engine.analyze(chain);
    metrics.analysis(System.nanoTime() - t0);
    return publish(analysis, chain);
  }

  /**
   * Evaluates, records, keeps and broadcasts an analysis.
   *
   * @return the entry of this analysis (with its alerts)
   */
  Entry publish(GexAnalysis analysis, OptionChain chain) {
    String symbol = analysis.symbol();
    synchronized (locks.computeIfAbsent(symbol, s -> new Object())) {
      Entry previous = latest.get(symbol);
      AlertEvaluation evaluation =
          alerts.evaluate(
              analysis, previous == null ? Optional.empty() : Optional.of(previous.latest().analysis()));
      for (AlertFailure f : evaluation.failures()) {
        LOG.warn("Alert evaluation of {}: {}", symbol, f);
      }
      List<GexAlert> raised = evaluation.raised();
      metrics.alerts(raised.size());
      try {
        storage.record(analysis, chain, raised);
      } catch (RuntimeException e) {
        LOG.warn("The analysis of {} at {} was not stored: {}", symbol, analysis.valuationTime(), e.toString());
      }
      Entry entry = new Entry(new ServerStorage.Latest(analysis, chain, raised));
      if (previous == null
          || !analysis.valuationTime().isBefore(previous.latest().analysis().valuationTime())) {
        latest.put(symbol, entry);
        storage.announceNewest(symbol, analysis.valuationTime());
      }
      broadcast(symbol, "analysis", ServerStorage.headline(analysis).toString());
      for (GexAlert a : raised) {
        broadcast(symbol, "alert", ServerStorage.alertJson(ServerStorage.record(a)).toString());
      }
      return entry;
    }
  }

  /**
   * The latest entry of a symbol: kept here, else (after a restart, or once another instance announced a
   * newer one) read from the store and kept.
   */
  Optional<Entry> latest(String symbol) {
    Entry e = latest.get(symbol);
    if (e != null && !e.isStale()) {
      return Optional.of(e);
    }
    Optional<Entry> stored;
    try {
      stored = ServerStorage.reading(() -> storage.latest(symbol)).map(Entry::new);
    } catch (ApiProblem storeDown) {
      if (e == null) {
        throw storeDown;
      }
      return Optional.of(e); // the store failed: the stale entry is better than none
    }
    if (stored.isEmpty()) {
      return Optional.ofNullable(e);
    }
    Entry read = stored.get();
    // The later of the two is kept, and no longer stale: a publish of this instance may have got there
    // first, or the store may hold an older analysis than announced (its save failed).
    Entry kept =
        latest.merge(
            symbol,
            read,
            (old, fresh) ->
                old.latest().analysis().valuationTime().isAfter(fresh.latest().analysis().valuationTime())
                    ? old.current()
                    : fresh);
    return Optional.of(kept);
  }

  /** The symbols with an analysis, sorted. */
  Set<String> symbols() {
    return new TreeSet<>(latest.keySet());
  }

  Map<String, Entry> entries() {
    return Map.copyOf(latest);
  }

  void subscribe(String symbol, SseClient client) {
    Set<SseClient> set = clients.computeIfAbsent(symbol, s -> new CopyOnWriteArraySet<>());
    set.add(client);
    metrics.sseClients().incrementAndGet();
    client.onClose(
        () -> {
          if (set.remove(client)) {
            metrics.sseClients().decrementAndGet();
          }
        });
  }

  /** Closes every event stream (at shutdown), telling the clients with a last {@code bye} event. */
  void closeStreams() {
    for (Set<SseClient> set : clients.values()) {
      for (SseClient c : set) {
        try {
          synchronized (c) {
            c.sendEvent("bye", "{\"reason\":\"server stopping\"}");
          }
          c.close();
        } catch (RuntimeException e) {
          LOG.debug("Closing an event stream: {}", e.toString());
        }
      }
      set.clear();
    }
  }

  private void broadcast(String symbol, String event, String data) {
    Set<SseClient> set = clients.get(symbol);
    if (set == null) {
      return;
    }
    for (SseClient c : set) {
      try {
        synchronized (c) {
          if (c.terminated()) {
            if (set.remove(c)) {
              metrics.sseClients().decrementAndGet();
            }
            continue;
          }
          c.sendEvent(event, data);
        }
      } catch (RuntimeException e) {
        if (set.remove(c)) {
          metrics.sseClients().decrementAndGet();
        }
      }
    }
  }

  /** A symbol's latest analysis and, made on first use, its JSON document. */
  static final class Entry {
    private final ServerStorage.Latest latest;
    private final boolean stale;
    private volatile @Nullable ObjectNode document;
    private final ConcurrentHashMap<String, Rendered> rendered = new ConcurrentHashMap<>();

    Entry(ServerStorage.Latest latest) {
      this(latest, false);
    }

    private Entry(ServerStorage.Latest latest, boolean stale) {
      this.latest = Objects.requireNonNull(latest, "latest");
      this.stale = stale;
    }

    /** This entry, not stale. */
    Entry current() {
      return stale ? new Entry(latest, false) : this;
    }

    /** This entry marked stale: served only until the store is read again. */
    Entry stale() {
      return stale ? this : new Entry(latest, true);
    }

    /** Whether another instance announced a newer analysis (or announcements may have been missed). */
    boolean isStale() {
      return stale;
    }

    ServerStorage.Latest latest() {
      return latest;
    }

    /**
     * A view of this entry (such as the whole document, or the profiles) as JSON bytes and their gzip,
     * written once and then served as they are: the latest analysis does not change, so a route that serves
     * it unchanged neither writes its JSON nor compresses it again for every request (the SPX document is
     * about 250 KB of JSON, 80 KB gzipped; writing it took most of a request's time, and compressing it
     * per request cut the throughput by 25).
     *
     * @param view the name of the view, one per route
     * @param make the tree of the view, called once
     */
    Rendered rendered(String view, java.util.function.Function<Entry, ? extends com.fasterxml.jackson.databind.JsonNode> make) {
      return rendered.computeIfAbsent(
          view,
          v -> {
            try {
              return Rendered.of(MAPPER.writeValueAsBytes(make.apply(this)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
              throw new io.gex.GexException("cannot write JSON", e);
            }
          });
    }

    /** The document of {@code analyze --format json} (shared: do not modify). */
    ObjectNode document() {
      ObjectNode d = document;
      if (d == null) {
        d = AnalysisJson.toTree(latest.analysis(), latest.alerts());
        document = d;
      }
      return d;
    }
  }

  /** JSON bytes and their gzip (the arrays are shared: do not modify). */
  record Rendered(byte[] json, byte[] gzip) {
    static Rendered of(byte[] json) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length / 3 + 64);
      try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out, 8192)) {
        zip.write(json);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // in-memory streams do not fail
      }
      return new Rendered(json, out.toByteArray());
    }
  }
}

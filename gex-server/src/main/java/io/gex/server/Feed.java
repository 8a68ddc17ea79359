package io.gex.server;

import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.chain.OptionChain;
import io.gex.live.LiveChain;
import io.gex.live.MarketEvent;
import io.gex.source.SyntheticChainSource;
import io.gex.source.SyntheticSession;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What feeds the service at start: snapshot files, each symbol's replayed in valuation-time order through
 * a {@link LiveChain} (a snapshot replaces the whole state), and optionally a seeded synthetic session
 * whose market events are applied to a live chain as time passes, {@code speed} seconds of session per
 * second, with one analysis per {@value #TICK_MILLIS} ms in which events arrived. Snapshots are read and
 * analysed in {@link #start}; the synthetic session runs on its own thread until it ends or {@link #close}.
 */
final class Feed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Feed.class);

  static final long TICK_MILLIS = 250;

  /** A synthetic session: symbol, events, seed, start, session seconds per wall-clock second. */
  record Synthetic(String symbol, int events, long seed, Instant start, double speed) {
    Synthetic {
      if (symbol.isBlank()) {
        throw new IllegalArgumentException("the synthetic symbol must not be blank");
      }
      if (events < 1) {
        throw new IllegalArgumentException("events must be >= 1, was " + events);
      }
      if (!(speed > 0) || Double.isInfinite(speed)) {
        throw new IllegalArgumentException("speed must be > 0, was " + speed);
      }
    }
  }

  private final List<Path> files;
  private final @Nullable Synthetic synthetic;
  private final AnalysisHub hub;
  private final ServerMetrics metrics;
  private final ChainSources sources;
  private final List<String> fed = new ArrayList<>();
  private @Nullable ScheduledExecutorService executor;

  Feed(
      List<Path> files,
      @Nullable Synthetic synthetic,
      ChainSources sources,
      AnalysisHub hub,
      ServerMetrics metrics) {
    this.files = List.copyOf(files);
    this.synthetic = synthetic;
    this.sources = sources;
    this.hub = hub;
    this.metrics = metrics;
  }

  /**
   * Reads and replays the snapshots, and starts the synthetic session.
   *
   * @throws GexException naming the file if a snapshot cannot be read or analysed
   */
  void start() {
    List<OptionChain> chains = new ArrayList<>();
    for (Path file : files) {
      try {
        chains.add(sources.load(SourceRequest.of(file)));
      } catch (RuntimeException e) {
        throw new GexException(file + ": " + e.getMessage(), e);
      }
    }
    chains.sort(Comparator.comparing(OptionChain::valuationTime));
    java.util.Map<String, LiveChain> live = new java.util.LinkedHashMap<>();
    for (OptionChain chain : chains) {
      // A snapshot is the whole state of its symbol at its time: the live chain starts anew from it.
      LiveChain lc = LiveChain.of(chain, hub.engine());
      live.put(chain.underlying(), lc);
      publish(lc);
    }
    live.forEach(
        (symbol, lc) -> {
          long n = countOf(chains, symbol);
          fed.add(symbol + " (" + n + (n == 1 ? " snapshot)" : " snapshots)"));
        });
    Synthetic s = synthetic;
    if (s != null) {
      startSynthetic(s);
    }
  }

  private static long countOf(List<OptionChain> chains, String symbol) {
    return chains.stream().filter(c -> c.underlying().equals(symbol)).count();
  }

  private void publish(LiveChain lc) {
    long t0 = System.nanoTime();
    GexAnalysis analysis = lc.analysis();
    metrics.analysis(System.nanoTime() - t0);
    metrics.liveAnalysis();
    hub.publish(analysis, lc.chain());
  }

  private void startSynthetic(Synthetic s) {
    SourceRequest request =
        SourceRequest.of(s.symbol().strip())
            .withValuationTime(s.start())
            .withParameter("seed", Long.toString(s.seed()));
    OptionChain chain = new SyntheticChainSource(Clock.systemUTC()).load(request);
    SyntheticSession session = SyntheticSession.builder(chain).events(s.events()).seed(s.seed()).build();
    List<MarketEvent> events = session.events();
    LiveChain lc = LiveChain.of(chain, hub.engine());
    publish(lc);
    metrics.liveChains().incrementAndGet();
    fed.add(
        chain.underlying() + " (synthetic session of " + events.size() + " events from " + s.start()
            + ", " + java.math.BigDecimal.valueOf(s.speed()).stripTrailingZeros().toPlainString() + "x)");
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gex-feed-" + chain.underlying());
              t.setDaemon(true);
              return t;
            });
    executor = ex;
    long wallStart = System.nanoTime();
    int[] next = {0};
    ex.scheduleAtFixedRate(
        () -> {
          try {
            double elapsed = (System.nanoTime() - wallStart) / 1e9 * s.speed();
            Instant now = s.start().plus(Duration.ofMillis((long) (elapsed * 1000)));
            int applied = 0;
            while (next[0] < events.size() && !events.get(next[0]).time().isAfter(now)) {
              lc.apply(events.get(next[0]++));
              applied++;
            }
            if (applied > 0) {
              metrics.liveEvents(applied);
              publish(lc);
            }
            if (next[0] >= events.size()) {
              LOG.info("The synthetic session of {} ended", chain.underlying());
              metrics.liveChains().decrementAndGet();
              ex.shutdown();
            }
          } catch (RuntimeException e) {
            LOG.warn("The synthetic session of {} stopped: {}", chain.underlying(), e.toString());
            metrics.liveChains().decrementAndGet();
            ex.shutdown();
          }
        },
        TICK_MILLIS,
        TICK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** What is fed, one line per symbol, for the start banner. */
  List<String> describe() {
    return List.copyOf(fed);
  }

  @Override
  public void close() {
    ScheduledExecutorService ex = executor;
    if (ex != null) {
      ex.shutdownNow();
      try {
        ex.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

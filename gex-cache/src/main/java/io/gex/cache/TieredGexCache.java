package io.gex.cache;

import io.gex.GexAnalysis;
import io.gex.spi.Providers;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two cache levels and a computation: the first level (in-process, by default a {@link
 * CaffeineGexCache}), then an optional second level shared between instances (such as Redis), then the
 * computation; what is computed is stored in both levels, what the second level answers is copied into the
 * first.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>Single flight.</b> Concurrent {@link #get(GexCacheKey, Supplier)} calls for one key in this
 *       instance compute once; the others wait for that result (or its exception).
 *   <li><b>Never older than the newest.</b> For each symbol this instance keeps the newest valuation instant
 *       it has been asked for, computed, read from the second level, or been told of by the second level's
 *       invalidation broadcast. A request for an older instant is computed and answered, but never
 *       answered from nor stored in a cache ({@link TieredCacheStats#staleRejections()}). When the newest
 *       instant advances, the first level drops the symbol's older entries; when this instance computes
 *       a newer instant, both levels drop them and a shared second level tells the other instances.
 *   <li><b>Failures of a level are not the caller's.</b> A level that throws is counted as an error and
 *       skipped; only the computation's own exception reaches the caller.
 * </ul>
 *
 * <p>The tiered cache owns its levels: {@link #close()} closes them.
 *
 * <p>This class is thread-safe.
 */
public final class TieredGexCache implements GexCache {

  /** The system property naming the second-level provider to select when several are found. */
  public static final String SYSTEM_PROPERTY = "gex.cache";

  private static final Logger LOG = LoggerFactory.getLogger(TieredGexCache.class);

  private final GexCache first;
  private final @Nullable GexCache second;
  private final LongSupplier ticker;
  private final ConcurrentHashMap<String, Instant> newest = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> published = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<GexCacheKey, CompletableFuture<GexAnalysis>> inFlight =
      new ConcurrentHashMap<>();

  private final StatsCounter overall = new StatsCounter();
  private final LongAdder firstHits = new LongAdder();
  private final LongAdder secondHits = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder loadFailures = new LongAdder();
  private final LongAdder loadNanos = new LongAdder();
  private final LongAdder stale = new LongAdder();
  private final LongAdder coalesced = new LongAdder();

  private TieredGexCache(GexCache first, @Nullable GexCache second, LongSupplier ticker) {
    this.first = first;
    this.second = second;
    this.ticker = ticker;
    if (second != null) {
      second.addInvalidationListener(
          new InvalidationListener() {
            @Override
            public void invalidatedOlder(String symbol, Instant newestInstant) {
              onRemoteInvalidation(symbol, newestInstant);
            }

            @Override
            public void invalidatedAll() {
              LOG.debug("The second level may have missed invalidations; dropping the first level");
              first.invalidateAll();
            }
          });
    }
  }

  /** A builder: a default {@link CaffeineGexCache} first level and no second level. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A default {@link CaffeineGexCache} first level and the second level found by {@link
   * #discoverSecondLevel()}, if any.
   */
  public static TieredGexCache discover() {
    return builder().discoverSecondLevel().build();
  }

  /**
   * Looks up second-level providers: {@link java.util.ServiceLoader} providers of {@link GexCache}, or the
   * one named by the {@value #SYSTEM_PROPERTY} system property when several are found. Providers that
   * fail to load (for example a Redis cache with no configured address) are reported and left out.
   */
  public static Providers.Report<GexCache> discoverSecondLevel() {
    return Providers.lookup(GexCache.class, GexCache::id).systemProperty(SYSTEM_PROPERTY).discover();
  }

  /**
   * The analysis for a key: from the first level, else the second, else computed (once per key however
   * many threads ask at the same time) and stored in both.
   *
   * @param key the key of the analysis, normally {@link GexCacheKey#of}
   * @param compute computes the analysis on a miss; its symbol and valuation instant must be the key's
   *     for it to be stored
   * @return the analysis
   * @throws NullPointerException if an argument is null, or compute returns null
   * @throws RuntimeException whatever compute throws (also thrown to the threads that waited for it)
   */
  public GexAnalysis get(GexCacheKey key, Supplier<GexAnalysis> compute) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(compute, "compute");
    long t0 = ticker.getAsLong();
    try {
      seen(key.symbol(), key.valuationTime());
      if (isStale(key)) {
        stale.increment();
        overall.miss();
        return load(key, compute);
      }
      Optional<GexAnalysis> local = firstGet(key);
      if (local.isPresent()) {
        firstHits.increment();
        overall.hit();
        return local.get();
      }
      CompletableFuture<GexAnalysis> mine = new CompletableFuture<>();
      CompletableFuture<GexAnalysis> running = inFlight.putIfAbsent(key, mine);
      if (running != null) {
        coalesced.increment();
        return await(running);
      }
      try {
        GexAnalysis result = lookupOrLoad(key, compute);
        mine.complete(result);
        return result;
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        inFlight.remove(key, mine);
      }
    } finally {
      overall.latency(ticker.getAsLong() - t0);
    }
  }

  private GexAnalysis lookupOrLoad(GexCacheKey key, Supplier<GexAnalysis> compute) {
    // Another thread may have stored it between our first look and taking the flight.
    Optional<GexAnalysis> local = firstGet(key);
    if (local.isPresent()) {
      firstHits.increment();
      overall.hit();
      return local.get();
    }
    Optional<GexAnalysis> shared = secondGet(key);
    if (shared.isPresent() && !isStale(key)) {
      secondHits.increment();
      overall.hit();
      firstPut(key, shared.get());
      return shared.get();
    }
    overall.miss();
    GexAnalysis result = load(key, compute);
    store(key, result);
    return result;
  }

  private GexAnalysis load(GexCacheKey key, Supplier<GexAnalysis> compute) {
    long t0 = ticker.getAsLong();
    try {
      GexAnalysis result = Objects.requireNonNull(compute.get(), "compute returned null for " + key);
      loads.increment();
      return result;
    } catch (RuntimeException | Error e) {
      loadFailures.increment();
      throw e;
    } finally {
      loadNanos.add(Math.max(0, ticker.getAsLong() - t0));
    }
  }

  private static GexAnalysis await(CompletableFuture<GexAnalysis> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }

  /** The answer of the first level, then the second, without computing; never older than the newest. */
  @Override
  public Optional<GexAnalysis> get(GexCacheKey key) {
    Objects.requireNonNull(key, "key");
    long t0 = ticker.getAsLong();
    try {
      if (isStale(key)) {
        stale.increment();
        overall.miss();
        return Optional.empty();
      }
      Optional<GexAnalysis> local = firstGet(key);
      if (local.isPresent()) {
        firstHits.increment();
        overall.hit();
        return local;
      }
      Optional<GexAnalysis> shared = secondGet(key);
      if (shared.isPresent() && !isStale(key)) {
        secondHits.increment();
        overall.hit();
        firstPut(key, shared.get());
        return shared;
      }
      overall.miss();
      return Optional.empty();
    } finally {
      overall.latency(ticker.getAsLong() - t0);
    }
  }

  /**
   * Stores an analysis in both levels, first invalidating the symbol's older entries in both (and, through
   * a shared level, in other instances) if its valuation instant is the newest yet; an analysis older
   * than the newest known is not stored.
   *
   * @throws IllegalArgumentException if the analysis's symbol or valuation instant differ from the key's
   */
  @Override
  public void put(GexCacheKey key, GexAnalysis analysis) {
    CaffeineGexCache.checkMatches(key, analysis);
    seen(key.symbol(), key.valuationTime());
    store(key, analysis);
  }

  private void store(GexCacheKey key, GexAnalysis analysis) {
    if (!key.symbol().equals(analysis.symbol())
        || !key.valuationTime().equals(analysis.valuationTime())) {
      LOG.warn("Not caching an analysis of {}@{} computed for key {}", analysis.symbol(),
          analysis.valuationTime(), key);
      return;
    }
    if (advance(published, key.symbol(), key.valuationTime())) {
      if (second != null) {
        secondInvalidate(key.symbol(), key.valuationTime());
      }
    }
    if (isStale(key)) {
      // A newer instant arrived while this one was computed.
      stale.increment();
      return;
    }
    firstPut(key, analysis);
    if (second != null) {
      secondPut(key, analysis);
    }
    overall.put();
  }

  /**
   * Drops the symbol's entries older than {@code newest} in both levels (telling other instances through a
   * shared level) and refuses older ones from now on in this instance.
   */
  @Override
  public void invalidateOlder(String symbol, Instant newestInstant) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(newestInstant, "newest");
    seen(symbol, newestInstant);
    advance(published, symbol, newestInstant);
    if (second != null) {
      secondInvalidate(symbol, newestInstant);
    }
  }

  /** Drops every first-level entry and asks the second level to do the same for this instance. */
  @Override
  public void invalidateAll() {
    first.invalidateAll();
    if (second != null) {
      try {
        second.invalidateAll();
      } catch (RuntimeException e) {
        levelError("invalidateAll", e);
      }
    }
  }

  /** The newest valuation instant this instance knows of for a symbol. */
  public Optional<Instant> newest(String symbol) {
    return Optional.ofNullable(newest.get(Objects.requireNonNull(symbol, "symbol")));
  }

  /** The tiered cache's own counters: a hit was answered by either level, a miss was computed. */
  @Override
  public CacheStats stats() {
    return overall.snapshot();
  }

  /** Every counter: the tiered cache's, each level's, and its computations'. */
  public TieredCacheStats tieredStats() {
    return new TieredCacheStats(
        overall.snapshot(),
        first.stats(),
        second == null ? CacheStats.EMPTY : second.stats(),
        firstHits.sum(),
        secondHits.sum(),
        loads.sum(),
        loadFailures.sum(),
        loadNanos.sum(),
        stale.sum(),
        coalesced.sum());
  }

  /** The first level. */
  public GexCache firstLevel() {
    return first;
  }

  /** The second level, if any. */
  public Optional<GexCache> secondLevel() {
    return Optional.ofNullable(second);
  }

  @Override
  public String id() {
    return "tiered(" + first.id() + (second == null ? "" : ", " + second.id()) + ")";
  }

  /** Closes both levels; failures are logged. */
  @Override
  public void close() {
    closeQuietly(first);
    if (second != null) {
      closeQuietly(second);
    }
  }

  @Override
  public String toString() {
    return "TieredGexCache[" + id() + "]";
  }

  private void onRemoteInvalidation(String symbol, Instant instant) {
    advance(published, symbol, instant);
    seen(symbol, instant);
  }

  /** Records that an instant of a symbol exists; if it is the newest, drops older first-level entries. */
  private void seen(String symbol, Instant instant) {
    if (advance(newest, symbol, instant)) {
      first.invalidateOlder(symbol, instant);
    }
  }

  private boolean isStale(GexCacheKey key) {
    Instant known = newest.get(key.symbol());
    return known != null && key.valuationTime().isBefore(known);
  }

  private static boolean advance(ConcurrentHashMap<String, Instant> map, String symbol, Instant instant) {
    Instant current = map.get(symbol);
    if (current != null && !instant.isAfter(current)) {
      return false;
    }
    boolean[] advanced = {false};
    map.compute(
        symbol,
        (s, cur) -> {
          if (cur == null || instant.isAfter(cur)) {
            advanced[0] = true;
            return instant;
          }
          return cur;
        });
    return advanced[0];
  }

  private Optional<GexAnalysis> firstGet(GexCacheKey key) {
    try {
      return first.get(key);
    } catch (RuntimeException e) {
      levelError("first-level get", e);
      return Optional.empty();
    }
  }

  private void firstPut(GexCacheKey key, GexAnalysis analysis) {
    try {
      first.put(key, analysis);
    } catch (RuntimeException e) {
      levelError("first-level put", e);
    }
  }

  private Optional<GexAnalysis> secondGet(GexCacheKey key) {
    if (second == null) {
      return Optional.empty();
    }
    try {
      Optional<GexAnalysis> found = second.get(key);
      if (found.isPresent()
          && !(found.get().symbol().equals(key.symbol())
              && found.get().valuationTime().equals(key.valuationTime()))) {
        levelError("second-level get", new IllegalStateException("answered another key's analysis"));
        return Optional.empty();
      }
      if (found.isPresent()) {
        // A newer instant read from the shared level is news to this instance.
        seen(key.symbol(), key.valuationTime());
      }
      return found;
    } catch (RuntimeException e) {
      levelError("second-level get", e);
      return Optional.empty();
    }
  }

  private void secondPut(GexCacheKey key, GexAnalysis analysis) {
    try {
      Objects.requireNonNull(second).put(key, analysis);
    } catch (RuntimeException e) {
      levelError("second-level put", e);
    }
  }

  private void secondInvalidate(String symbol, Instant instant) {
    try {
      Objects.requireNonNull(second).invalidateOlder(symbol, instant);
    } catch (RuntimeException e) {
      levelError("second-level invalidate", e);
    }
  }

  private void levelError(String what, RuntimeException e) {
    overall.error();
    LOG.debug("Cache {} failed; carrying on without it", what, e);
  }

  private static void closeQuietly(GexCache cache) {
    try {
      cache.close();
    } catch (Exception e) {
      LOG.warn("Closing cache level {} failed", cache.id(), e);
    }
  }

  /** Builds a {@link TieredGexCache}; not thread-safe. */
  public static final class Builder {
    private @Nullable GexCache first;
    private @Nullable GexCache second;
    private LongSupplier ticker = System::nanoTime;

    private Builder() {}

    /** The first level (default a new {@link CaffeineGexCache#create()}). */
    public Builder firstLevel(GexCache value) {
      first = Objects.requireNonNull(value, "firstLevel");
      return this;
    }

    /** The second level, registered explicitly (default none). */
    public Builder secondLevel(GexCache value) {
      second = Objects.requireNonNull(value, "secondLevel");
      return this;
    }

    /**
     * Uses the second level selected by {@link TieredGexCache#discoverSecondLevel()}, unless one was
     * registered explicitly; no provider found leaves no second level.
     */
    public Builder discoverSecondLevel() {
      if (second == null) {
        Providers.Report<GexCache> report = TieredGexCache.discoverSecondLevel();
        report.selected().ifPresent(c -> second = c);
        LOG.info(
            "Second cache level: {} ({})",
            report.selected().map(GexCache::id).orElse("none"),
            report.selection());
      }
      return this;
    }

    /** The nanosecond ticker that times calls and computations (default {@link System#nanoTime()}). */
    public Builder ticker(LongSupplier value) {
      ticker = Objects.requireNonNull(value, "ticker");
      return this;
    }

    /** Builds the cache. */
    public TieredGexCache build() {
      return new TieredGexCache(first != null ? first : CaffeineGexCache.create(), second, ticker);
    }
  }
}

package io.gex.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.alerts.GexAlert;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.cache.CachingGexEngine;
import io.gex.cache.GexCache;
import io.gex.cache.GexCacheKey;
import io.gex.cache.TieredCacheStats;
import io.gex.cache.TieredGexCache;
import io.gex.chain.OptionChain;
import io.gex.store.AlertQuery;
import io.gex.store.AlertRecord;
import io.gex.store.DailyHistory;
import io.gex.store.GexStore;
import io.gex.spi.Providers;
import io.gex.store.StoreHealth;
import io.gex.store.StoredSnapshot;
import io.gex.store.InMemoryGexStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the service records its analyses and alerts and reads them back: a {@link GexStore} (in memory by
 * default, PostgreSQL when {@code GEX_PG_URL} is set and the {@code gex-storage-postgres} module is on the
 * class or module path) and a {@link TieredGexCache} (Caffeine, with Redis as its second level when {@code
 * GEX_REDIS_URL} is set and {@code gex-cache-redis} is present). Both are found with the library's
 * ServiceLoader discovery; the server depends on neither module.
 *
 * <p>This is the one class of the server that uses the storage and cache types. It owns what it was given:
 * {@link #close()} closes the store and the cache. Thread-safe.
 */
public final class ServerStorage implements AutoCloseable {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final GexStore store;
  private final TieredGexCache cache;
  private @Nullable Timer saveTimer;
  /** Incremented by the analyses of every symbol, which may run at once. */
  private final AtomicLong saveFailures = new AtomicLong();

  private ServerStorage(GexStore store, TieredGexCache cache) {
    this.store = Objects.requireNonNull(store, "store");
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /** The in-memory store and an in-process Caffeine cache: no server, nothing kept across restarts. */
  public static ServerStorage inMemory() {
    return new ServerStorage(new InMemoryGexStore(), TieredGexCache.builder().build());
  }

  /**
   * A store and a cache of your own; the storage owns them from now on.
   *
   * @param store the store to record analyses and alerts in
   * @param cache the cache of per-request analyses
   */
  public static ServerStorage of(GexStore store, TieredGexCache cache) {
    return new ServerStorage(store, cache);
  }

  /**
   * The storage the environment asks for: with {@code GEX_PG_URL} set, the store found by {@link
   * GexStore#discover()} (PostgreSQL); with {@code GEX_REDIS_URL} set, the second cache level found by
   * {@link TieredGexCache#discover()} (Redis). Without them, {@link #inMemory()}.
   *
   * @param env the environment, such as {@link System#getenv()}
   * @throws IllegalStateException if a variable is set but no provider of that kind could be built (the
   *     module is missing, or it failed: the message says which)
   */
  public static ServerStorage fromEnvironment(Map<String, String> env) {
    GexStore store;
    if (isSet(env.get("GEX_PG_URL"))) {
      Providers.Report<GexStore> report = GexStore.discover();
      store = report.require();
      if (store instanceof InMemoryGexStore) {
        throw new IllegalStateException(
            "GEX_PG_URL is set but no database store could be built (is gex-storage-postgres on the class"
                + " path?): " + report.failures());
      }
    } else {
      store = new InMemoryGexStore();
    }
    TieredGexCache cache;
    if (isSet(env.get("GEX_REDIS_URL"))) {
      Providers.Report<GexCache> report = TieredGexCache.discoverSecondLevel();
      Optional<GexCache> second = report.selected();
      if (second.isEmpty()) {
        store.close();
        throw new IllegalStateException(
            "GEX_REDIS_URL is set but no shared cache could be built (is gex-cache-redis on the class"
                + " path?): " + report.failures());
      }
      cache = TieredGexCache.builder().secondLevel(second.get()).build();
    } else {
      cache = TieredGexCache.builder().build();
    }
    return new ServerStorage(store, cache);
  }

  private static boolean isSet(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  /** The engine wrapped so that its analyses are cached (for requests that re-analyse a chain). */
  GexEngine cached(GexEngine engine) {
    return CachingGexEngine.wrap(engine, cache);
  }

  /** What this storage is, for the start banner: such as {@code store memory, cache caffeine}. */
  String describe() {
    return "store " + store.id() + ", cache " + cache.firstLevel().id()
        + cache.secondLevel().map(s -> " + " + s.id()).orElse("");
  }

  /** Registers the store and cache meters ({@code gex_store_*}, {@code gex_cache_*}). */
  void bindMetrics(MeterRegistry registry) {
    saveTimer =
        Timer.builder("gex.store.save")
            .description("time to record one analysis in the store")
            .publishPercentileHistogram()
            .register(registry);
    FunctionCounter.builder("gex.store.failures", this, s -> s.saveFailures.get())
        .description("analyses the store failed to record")
        .register(registry);
    cacheCounter(registry, "gex.cache.hits", "cache hits, either level", s -> s.overall().hits());
    cacheCounter(registry, "gex.cache.misses", "cache misses (computed)", s -> s.overall().misses());
    cacheCounter(registry, "gex.cache.errors", "cache level errors", s -> s.overall().errors());
  }

  private void cacheCounter(
      MeterRegistry registry, String name, String help, Function<TieredCacheStats, Long> value) {
    FunctionCounter.builder(name, cache, c -> value.apply(c.tieredStats()))
        .description(help)
        .register(registry);
  }

  /**
   * Records an analysis, its chain and the alerts it raised.
   *
   * @throws RuntimeException whatever the store throws (counted as a failure)
   */
  void record(GexAnalysis analysis, OptionChain chain, List<GexAlert> alerts) {
    List<AlertRecord> records = new ArrayList<>(alerts.size());
    for (GexAlert a : alerts) {
      records.add(record(a));
    }
    long t0 = System.nanoTime();
    try {
      store.save(new StoredSnapshot(analysis, chain, records));
    } catch (RuntimeException e) {
      saveFailures.incrementAndGet();
      throw e;
    } finally {
      Timer timer = saveTimer;
      if (timer != null) {
        timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * Tells the other instances (through the shared cache level, if there is one) that a symbol's newest
   * analysis is now of this valuation time: their older copies, cached or kept as the latest, are stale. A
   * failure of the cache is counted there, never thrown.
   */
  void announceNewest(String symbol, Instant valuationTime) {
    cache.invalidateOlder(symbol, valuationTime);
  }

  /**
   * Registers what to do when another instance announces a newer analysis of a symbol ({@code older}: the
   * symbol and its newest valuation time), or when announcements may have been missed ({@code all}: after
   * the shared level reconnected). Without a shared level nothing is ever announced. The callbacks run on
   * the cache's event thread: they must be fast and must not throw.
   */
  void onAnnouncements(java.util.function.BiConsumer<String, Instant> older, Runnable all) {
    cache
        .secondLevel()
        .ifPresent(
            level ->
                level.addInvalidationListener(
                    new GexCache.InvalidationListener() {
                      @Override
                      public void invalidatedOlder(String symbol, Instant newest) {
                        older.accept(symbol, newest);
                      }

                      @Override
                      public void invalidatedAll() {
                        all.run();
                      }
                    }));
  }

  /** The latest stored analysis and chain of a symbol (after a restart on a database store). */
  Optional<Latest> latest(String symbol) {
    return store.latest(symbol).map(s -> new Latest(s.analysis(), s.chain(), List.of()));
  }

  /**
   * Stored alerts as JSON objects ({@code symbol, time, severity, type, ruleId, message, figures}), newest
   * first, at most {@code limit}.
   *
   * @param symbols the symbols to read
   * @param minSeverity the least severity, or null for all (one of INFO, LOW, MEDIUM, HIGH, CRITICAL)
   * @param since the earliest instant, inclusive
   */
  ArrayNode alerts(Collection<String> symbols, @Nullable String minSeverity, Instant since, int limit) {
    List<AlertRecord> all = new ArrayList<>();
    for (String symbol : symbols) {
      AlertQuery query = AlertQuery.of(symbol, since, Instant.MAX).withLimit(limit);
      if (minSeverity != null) {
        query = query.withMinSeverity(AlertRecord.Severity.valueOf(minSeverity));
      }
      all.addAll(store.alerts(query));
    }
    all.sort(Comparator.comparing(AlertRecord::instant).reversed());
    ArrayNode array = JSON.arrayNode();
    for (AlertRecord a : all.subList(0, Math.min(limit, all.size()))) {
      array.add(alertJson(a));
    }
    return array;
  }

  /** An alert as the store keeps it. */
  static AlertRecord record(GexAlert a) {
    return new AlertRecord(
        a.ruleId(), a.type(), AlertRecord.Severity.valueOf(a.severity().name()), a.symbol(), a.instant(),
        a.message(), a.figures());
  }

  /** An alert as the API and the event stream show it. */
  static ObjectNode alertJson(AlertRecord a) {
    ObjectNode node = JSON.objectNode();
    node.put("symbol", a.symbol());
    node.put("time", a.instant().toString());
    node.put("severity", a.severity().name());
    node.put("type", a.type());
    node.put("ruleId", a.ruleId());
    node.put("message", a.message());
    ObjectNode figures = node.putObject("figures");
    a.figures().forEach(figures::put);
    return node;
  }

  /** The severities a query may name, least first. */
  static List<String> severities() {
    List<String> names = new ArrayList<>();
    for (AlertRecord.Severity s : AlertRecord.Severity.values()) {
      names.add(s.name());
    }
    return names;
  }

  /**
   * The daily history and the intraday snapshots' headline levels of a symbol between two trading days
   * (inclusive), as {@code {symbol, from, to, daily: [...], intraday: [...]}}.
   */
  ObjectNode history(String symbol, LocalDate from, LocalDate to) {
    ObjectNode root = JSON.objectNode();
    root.put("symbol", symbol);
    root.put("from", from.toString());
    root.put("to", to.toString());
    ArrayNode daily = root.putArray("daily");
    for (DailyHistory d : store.dailyHistory(symbol, from, to)) {
      ObjectNode row = daily.addObject();
      row.put("date", d.tradingDate().toString());
      row.put("openTotalGex", d.openTotalGex());
      row.put("highTotalGex", d.highTotalGex());
      row.put("lowTotalGex", d.lowTotalGex());
      row.put("closeTotalGex", d.closeTotalGex());
      level(row, "openZeroGamma", d.openZeroGamma());
      level(row, "closeZeroGamma", d.closeZeroGamma());
      level(row, "lastCallWall", d.lastCallWall());
      level(row, "lastPutWall", d.lastPutWall());
      row.put("snapshots", d.snapshots());
      row.put("firstValuationTime", d.firstValuationTime().toString());
      row.put("lastValuationTime", d.lastValuationTime().toString());
    }
    Instant start = from.atStartOfDay(DailyHistory.TRADING_ZONE).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(DailyHistory.TRADING_ZONE).toInstant();
    ArrayNode intraday = root.putArray("intraday");
    for (GexAnalysis a : store.analyses(symbol, start, end)) {
      intraday.add(headline(a));
    }
    return root;
  }

  /** The trading day of an instant: its date in New York, as the store's daily history counts days. */
  static LocalDate tradingDate(Instant instant) {
    return DailyHistory.tradingDate(instant);
  }

  /** The headline levels of an analysis: time, spot, total GEX, zero gamma, walls, max pain. */
  static ObjectNode headline(GexAnalysis a) {
    ObjectNode row = JSON.objectNode();
    row.put("symbol", a.symbol());
    row.put("time", a.valuationTime().toString());
    row.put("spot", a.spot());
    row.put("totalGex", a.totalGex());
    row.put("callGex", a.exposures().callGex());
    row.put("putGex", a.exposures().putGex());
    level(row, "zeroGamma", a.zeroGamma());
    level(row, "callWall", a.callWall());
    level(row, "putWall", a.putWall());
    List<ExpiryPinRisk> expiries = a.pinRisk().expiries();
    if (expiries.isEmpty()) {
      row.putNull("maxPain");
    } else {
      row.put("maxPain", expiries.get(0).maxPain());
    }
    row.put("regime", a.regime().name());
    return row;
  }

  private static void level(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(key, value.getAsDouble());
    } else {
      node.putNull(key);
    }
  }

  /** The store's health: up or down, with a detail. */
  Health storeHealth() {
    StoreHealth h = store.health();
    return new Health(h.healthy(), h.store(), h.detail(), h.latency());
  }

  /**
   * The cache's health: the first level is in process and always up; a second level is asked for a key
   * and is down if that throws or counts an error.
   */
  Health cacheHealth() {
    Optional<GexCache> second = cache.secondLevel();
    if (second.isEmpty()) {
      return new Health(true, cache.firstLevel().id(), "in process", Duration.ZERO);
    }
    GexCache level = second.get();
    long t0 = System.nanoTime();
    long errorsBefore = level.stats().errors();
    try {
      level.get(
          new GexCacheKey(
              "GEX-HEALTH", Instant.EPOCH, "0".repeat(32), "0".repeat(32)));
      boolean ok = level.stats().errors() == errorsBefore;
      return new Health(
          ok, level.id(), ok ? "answered" : "the read failed", Duration.ofNanos(System.nanoTime() - t0));
    } catch (RuntimeException e) {
      return new Health(
          false, level.id(), String.valueOf(e.getMessage()), Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /** Runs work that reads the store, turning its failures into a 503 problem. */
  static <T> T reading(Supplier<T> work) {
    try {
      return work.get();
    } catch (io.gex.store.GexStorageException e) {
      throw ApiProblem.of(503, "Service Unavailable", "the store failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      cache.close();
    } finally {
      store.close();
    }
  }

  /** The health of one dependency. */
  record Health(boolean up, String name, String detail, Duration latency) {}

  /** A symbol's latest analysis, the chain it was made from and the alerts it raised. */
  record Latest(GexAnalysis analysis, OptionChain chain, List<GexAlert> alerts) {}
}

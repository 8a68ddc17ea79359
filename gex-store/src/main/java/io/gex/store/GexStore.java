package io.gex.store;

import io.gex.GexAnalysis;
import io.gex.spi.Providers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the history of analyses, so that users can compare against it, chart it over time and audit the
 * alerts it raised: each snapshot (analysis, chain and alerts), and one {@link DailyHistory} row per symbol
 * and trading day, updated with every save.
 *
 * <p>A snapshot is identified by its symbol and valuation instant. {@link #save} is atomic: a reader sees
 * all of a snapshot (its contracts, its alerts and the day's updated history) or nothing of it; saving a
 * snapshot again with the same identity replaces it. Times are instants; ranges are half-open {@code
 * [from, to)}; trading days are dates in {@link DailyHistory#TRADING_ZONE}.
 *
 * <p>Implementations: {@link InMemoryGexStore} (the embedded default) and the PostgreSQL store of the
 * {@code gex-storage-postgres} module. Find one with {@link #discover()}, or construct one and use it
 * directly. Every operation may throw {@link GexStorageException} when the backing store fails; a store
 * never throws a driver's exception. Implementations must be thread-safe.
 */
public interface GexStore extends AutoCloseable {

  /** The system property that names the store to use when several are found: {@value}. */
  String SYSTEM_PROPERTY = "gex.store";

  /** A short id naming this kind of store, such as {@code memory} or {@code postgres}. */
  String id();

  /**
   * Stores a snapshot with its chain and alerts, and updates the day's history, atomically. A snapshot
   * with the same symbol and valuation instant is replaced.
   *
   * @throws GexStorageException if the store fails (after its retries); nothing of the snapshot is kept
   * @throws NullPointerException if snapshot is null
   */
  void save(StoredSnapshot snapshot);

  /**
   * The latest snapshot of a symbol (greatest valuation instant), with its chain and alerts.
   *
   * @throws GexStorageException if the store fails
   */
  Optional<StoredSnapshot> latest(String symbol);

  /**
   * The analysis of the latest snapshot of a symbol, without reading its chain. The default reads the
   * whole snapshot; stores override it when they can do less.
   *
   * @throws GexStorageException if the store fails
   */
  default Optional<GexAnalysis> latestAnalysis(String symbol) {
    return latest(symbol).map(StoredSnapshot::analysis);
  }

  /**
   * The snapshot of a symbol at exactly this valuation instant, with its chain and alerts.
   *
   * @throws GexStorageException if the store fails
   */
  Optional<StoredSnapshot> snapshot(String symbol, Instant valuationTime);

  /**
   * The analyses of a symbol's snapshots with valuation instants in {@code [from, to)}, oldest first
   * (chains are not read; fetch one with {@link #snapshot}).
   *
   * @throws GexStorageException if the store fails
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  List<GexAnalysis> analyses(String symbol, Instant from, Instant to);

  /**
   * The stored alerts that match a query, newest first.
   *
   * @throws GexStorageException if the store fails
   */
  List<AlertRecord> alerts(AlertQuery query);

  /**
   * The daily history of a symbol for trading days {@code from} to {@code to}, both inclusive, oldest
   * first; days without snapshots have no row.
   *
   * @throws GexStorageException if the store fails
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  List<DailyHistory> dailyHistory(String symbol, LocalDate from, LocalDate to);

  /**
   * Deletes the snapshots valued before {@code cutoff} (with their contracts) and the alerts raised before
   * it. Daily history is the long-term record and is kept. Stores purge in batches so that readers are
   * not locked out; a failure part-way leaves whole snapshots deleted or kept, never half of one.
   *
   * @return what was deleted
   * @throws GexStorageException if the store fails
   */
  PurgeResult purgeBefore(Instant cutoff);

  /** Checks whether the store can serve requests now; never throws for a store that is down. */
  StoreHealth health();

  /** Releases what the store holds (connections, pools it created). The default does nothing. */
  @Override
  default void close() {}

  /**
   * Finds the store to use with {@link Providers}: a store registered explicitly wins (none here); then
   * the one named by the {@value #SYSTEM_PROPERTY} system property; then the first found by {@link
   * java.util.ServiceLoader}; if none, a new {@link InMemoryGexStore}. Providers that fail to construct
   * (for example a database store without configuration) are left out and listed in the report.
   *
   * @return what was found; {@link Providers.Report#require()} gives the store
   */
  static Providers.Report<GexStore> discover() {
    return Providers.lookup(GexStore.class, GexStore::id)
        .systemProperty(SYSTEM_PROPERTY)
        .fallback(InMemoryGexStore::new)
        .discover();
  }
}

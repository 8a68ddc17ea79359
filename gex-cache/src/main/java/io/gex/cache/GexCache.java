package io.gex.cache;

import io.gex.GexAnalysis;
import java.time.Instant;
import java.util.Optional;

/**
 * One level of an analysis cache: the in-process {@link CaffeineGexCache}, or a shared level such as the
 * Redis cache of module {@code gex-cache-redis}. {@link TieredGexCache} stacks levels and computes on a
 * miss; {@link CachingGexEngine} puts that in front of an engine.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>No method throws because the level failed (a timeout, a lost connection, an entry that does not
 *       decode): {@link #get} answers empty, {@link #put} and {@link #invalidateOlder} do nothing, and the
 *       failure is counted in {@link #stats()} {@linkplain CacheStats#errors() errors}. An entry that does
 *       not decode is deleted. Only misuse (a null argument) throws.
 *   <li>{@link #get} answers only an analysis stored under an equal key.
 *   <li>After {@link #invalidateOlder(String, Instant)}, no entry of that symbol with a valuation instant
 *       before the given one is answered, and a level may refuse later {@link #put}s of such entries.
 *   <li>Implementations are thread-safe.
 * </ul>
 *
 * <p>Providers are found by {@link TieredGexCache#discoverSecondLevel()} through {@link
 * java.util.ServiceLoader} ({@code provides io.gex.cache.GexCache with ...} and {@code
 * META-INF/services/io.gex.cache.GexCache}), or registered explicitly on {@link TieredGexCache#builder()}.
 */
public interface GexCache extends AutoCloseable {

  /**
   * The analysis stored under a key.
   *
   * @param key the key
   * @return the analysis, or empty on a miss, an expired or invalidated entry, or a failure of the level
   * @throws NullPointerException if key is null
   */
  Optional<GexAnalysis> get(GexCacheKey key);

  /**
   * Stores an analysis under a key, replacing any entry for that key, until the level's time to live
   * passes. A failure of the level is counted, not thrown.
   *
   * @param key the key; its symbol and valuation instant are those of the analysis
   * @param analysis the analysis
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the analysis's symbol or valuation instant differ from the key's
   */
  void put(GexCacheKey key, GexAnalysis analysis);

  /**
   * Drops every entry of a symbol whose valuation instant is before {@code newest}; levels shared between
   * instances also tell the other instances (see {@link #addInvalidationListener}). Entries at {@code
   * newest} or later stay. A failure of the level is counted, not thrown.
   *
   * @param symbol the underlying symbol
   * @param newest the newest valuation instant of that symbol
   * @throws NullPointerException if an argument is null
   */
  void invalidateOlder(String symbol, Instant newest);

  /** Drops every entry this level holds for this instance (a shared level may keep shared entries). */
  default void invalidateAll() {}

  /**
   * Registers a listener told of invalidations this level learns from other instances (a shared level's
   * broadcast). Levels that are not shared ignore it (the default).
   *
   * @param listener the listener; it must be fast and must not throw
   */
  default void addInvalidationListener(InvalidationListener listener) {}

  /** A snapshot of this level's counters; by default all zero. */
  default CacheStats stats() {
    return CacheStats.EMPTY;
  }

  /** A short name for reports and for selection by the {@code gex.cache} system property. */
  default String id() {
    return getClass().getName();
  }

  /** Releases connections and threads; idempotent. By default does nothing. */
  @Override
  default void close() {}

  /**
   * Told of invalidations that happened in another instance. Implementations must be thread-safe, fast,
   * and must not throw.
   */
  interface InvalidationListener {

    /**
     * Entries of {@code symbol} older than {@code newest} must no longer be served.
     *
     * @param symbol the underlying symbol
     * @param newest the newest valuation instant of that symbol
     */
    void invalidatedOlder(String symbol, Instant newest);

    /**
     * The level may have missed invalidations (for example while its connection was lost), so every
     * local copy should be dropped. By default does nothing.
     */
    default void invalidatedAll() {}
  }
}

package io.gex.cache;

import io.gex.GexAnalysis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a shared second level in this module's tests: instances built on one {@link Store} share entries
 * and broadcast invalidations to each other's listeners, as the Redis level does through pub/sub.
 */
final class SharedMapCache implements GexCache {

  /** What the instances share: the entries and the subscribers. */
  static final class Store {
    final Map<GexCacheKey, GexAnalysis> entries = new ConcurrentHashMap<>();
    final List<SharedMapCache> members = new CopyOnWriteArrayList<>();
  }

  private final Store store;
  private final List<InvalidationListener> listeners = new CopyOnWriteArrayList<>();
  private final StatsCounter stats = new StatsCounter();
  volatile boolean failing;

  SharedMapCache(Store store) {
    this.store = store;
    store.members.add(this);
  }

  @Override
  public Optional<GexAnalysis> get(GexCacheKey key) {
    if (failing) {
      throw new IllegalStateException("shared level down");
    }
    GexAnalysis a = store.entries.get(key);
    if (a == null) {
      stats.miss();
    } else {
      stats.hit();
    }
    return Optional.ofNullable(a);
  }

  @Override
  public void put(GexCacheKey key, GexAnalysis analysis) {
    if (failing) {
      throw new IllegalStateException("shared level down");
    }
    store.entries.put(key, analysis);
    stats.put();
  }

  @Override
  public void invalidateOlder(String symbol, Instant newest) {
    if (failing) {
      throw new IllegalStateException("shared level down");
    }
    store.entries.keySet()
        .removeIf(k -> k.symbol().equals(symbol) && k.valuationTime().isBefore(newest));
    for (SharedMapCache member : store.members) {
      if (member != this) {
        member.listeners.forEach(l -> l.invalidatedOlder(symbol, newest));
      }
    }
  }

  void broadcastAll() {
    listeners.forEach(InvalidationListener::invalidatedAll);
  }

  @Override
  public void addInvalidationListener(InvalidationListener listener) {
    listeners.add(listener);
  }

  @Override
  public CacheStats stats() {
    return stats.snapshot();
  }

  @Override
  public String id() {
    return "shared-map";
  }
}

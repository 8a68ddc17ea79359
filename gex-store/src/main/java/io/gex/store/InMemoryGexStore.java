package io.gex.store;

import io.gex.GexAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link GexStore} in the heap: the embedded default when no other store is configured. It follows the
 * same rules as the database stores (replace on equal identity, {@link DailyHistory#of} recomputed for the
 * day on each save, daily history kept by purges), so tests and small applications can use it in their
 * place. Everything is lost when the store is dropped; nothing bounds its size but {@link #purgeBefore}.
 *
 * <p>This class is thread-safe: one read-write lock guards all state, so every save is atomic to readers.
 */
public final class InMemoryGexStore implements GexStore {

  /** The id of this store: {@value}. */
  public static final String ID = "memory";

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, NavigableMap<Instant, StoredSnapshot>> snapshots = new HashMap<>();
  private final Map<String, List<AlertRecord>> alerts = new HashMap<>();
  private final Map<String, NavigableMap<LocalDate, DailyHistory>> history = new HashMap<>();

  /** An empty store. */
  public InMemoryGexStore() {}

  @Override
  public String id() {
    return ID;
  }

  /** {@inheritDoc} Never throws {@link GexStorageException}. */
  @Override
  public void save(StoredSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    String symbol = snapshot.symbol();
    lock.writeLock().lock();
    try {
      NavigableMap<Instant, StoredSnapshot> bySymbol =
          snapshots.computeIfAbsent(symbol, k -> new TreeMap<>());
      StoredSnapshot replaced = bySymbol.put(snapshot.valuationTime(), snapshot);
      List<AlertRecord> symbolAlerts = alerts.computeIfAbsent(symbol, k -> new ArrayList<>());
      if (replaced != null) {
        // The replaced snapshot's alerts go with it (one instance each, like the rows linked to it).
        for (AlertRecord old : replaced.alerts()) {
          symbolAlerts.remove(old);
        }
      }
      symbolAlerts.addAll(snapshot.alerts());
      LocalDate day = snapshot.tradingDate();
      List<GexAnalysis> dayAnalyses = new ArrayList<>();
      for (StoredSnapshot s : bySymbol.values()) {
        if (s.tradingDate().equals(day)) {
          dayAnalyses.add(s.analysis());
        }
      }
      history.computeIfAbsent(symbol, k -> new TreeMap<>()).put(day, DailyHistory.of(dayAnalyses));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<StoredSnapshot> latest(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    lock.readLock().lock();
    try {
      NavigableMap<Instant, StoredSnapshot> bySymbol = snapshots.get(symbol);
      return bySymbol == null || bySymbol.isEmpty()
          ? Optional.empty()
          : Optional.of(bySymbol.lastEntry().getValue());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<StoredSnapshot> snapshot(String symbol, Instant valuationTime) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(valuationTime, "valuationTime");
    lock.readLock().lock();
    try {
      NavigableMap<Instant, StoredSnapshot> bySymbol = snapshots.get(symbol);
      return bySymbol == null ? Optional.empty() : Optional.ofNullable(bySymbol.get(valuationTime));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<GexAnalysis> analyses(String symbol, Instant from, Instant to) {
    Objects.requireNonNull(symbol, "symbol");
    checkRange(from, to);
    lock.readLock().lock();
    try {
      NavigableMap<Instant, StoredSnapshot> bySymbol = snapshots.get(symbol);
      if (bySymbol == null) {
        return List.of();
      }
      List<GexAnalysis> out = new ArrayList<>();
      for (StoredSnapshot s : bySymbol.subMap(from, true, to, false).values()) {
        out.add(s.analysis());
      }
      return List.copyOf(out);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<AlertRecord> alerts(AlertQuery query) {
    Objects.requireNonNull(query, "query");
    lock.readLock().lock();
    try {
      List<AlertRecord> out = new ArrayList<>();
      for (AlertRecord a : alerts.getOrDefault(query.symbol(), List.of())) {
        if (query.matches(a)) {
          out.add(a);
        }
      }
      out.sort(Comparator.comparing(AlertRecord::instant).reversed());
      return List.copyOf(out.subList(0, Math.min(out.size(), query.limit())));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<DailyHistory> dailyHistory(String symbol, LocalDate from, LocalDate to) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from (" + from + "), was " + to);
    }
    lock.readLock().lock();
    try {
      NavigableMap<LocalDate, DailyHistory> bySymbol = history.get(symbol);
      return bySymbol == null ? List.of() : List.copyOf(bySymbol.subMap(from, true, to, true).values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public PurgeResult purgeBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    long snapshotCount = 0;
    long contractCount = 0;
    long alertCount = 0;
    lock.writeLock().lock();
    try {
      for (NavigableMap<Instant, StoredSnapshot> bySymbol : snapshots.values()) {
        NavigableMap<Instant, StoredSnapshot> old = bySymbol.headMap(cutoff, false);
        for (StoredSnapshot s : old.values()) {
          snapshotCount++;
          contractCount += s.chain().contracts().size();
        }
        old.clear();
      }
      for (List<AlertRecord> symbolAlerts : alerts.values()) {
        for (Iterator<AlertRecord> it = symbolAlerts.iterator(); it.hasNext(); ) {
          if (it.next().instant().isBefore(cutoff)) {
            it.remove();
            alertCount++;
          }
        }
      }
      return new PurgeResult(snapshotCount, contractCount, alertCount);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Always healthy, with the number of snapshots held. */
  @Override
  public StoreHealth health() {
    lock.readLock().lock();
    try {
      int count = 0;
      for (NavigableMap<Instant, StoredSnapshot> bySymbol : snapshots.values()) {
        count += bySymbol.size();
      }
      return StoreHealth.up(ID, "in memory, " + count + " snapshots", Duration.ZERO);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void checkRange(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from (" + from + "), was " + to);
    }
  }

  @Override
  public String toString() {
    return "InMemoryGexStore";
  }
}

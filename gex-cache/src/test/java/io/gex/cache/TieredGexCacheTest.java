package io.gex.cache;

import static io.gex.cache.CacheFixtures.analysisAt;
import static io.gex.cache.CacheFixtures.keyAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.spi.Providers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TieredGexCacheTest {

  private static Supplier<GexAnalysis> counting(AtomicInteger calls, int minutes) {
    return () -> {
      calls.incrementAndGet();
      return analysisAt(minutes);
    };
  }

  private static TieredGexCache tiered(SharedMapCache.Store store) {
    return TieredGexCache.builder()
        .firstLevel(CaffeineGexCache.builder().executor(Runnable::run).build())
        .secondLevel(new SharedMapCache(store))
        .build();
  }

  @Test
  void get_secondCallForOneKey_isAFirstLevelHitAndComputesOnce() {
    TieredGexCache cache = TieredGexCache.builder().build();
    AtomicInteger calls = new AtomicInteger();

    GexAnalysis first = cache.get(keyAt(0), counting(calls, 0));
    GexAnalysis second = cache.get(keyAt(0), counting(calls, 0));

    assertThat(second).isSameAs(first);
    assertThat(calls).hasValue(1);
    TieredCacheStats stats = cache.tieredStats();
    assertThat(stats.loads()).isEqualTo(1);
    assertThat(stats.firstLevelHits()).isEqualTo(1);
    assertThat(stats.overall().hits()).isEqualTo(1);
    assertThat(stats.overall().misses()).isEqualTo(1);
  }

  @Test
  void get_entryComputedByAnotherInstance_isASecondLevelHitCopiedToTheFirst() {
    SharedMapCache.Store store = new SharedMapCache.Store();
    TieredGexCache a = tiered(store);
    TieredGexCache b = tiered(store);
    AtomicInteger calls = new AtomicInteger();

    GexAnalysis computed = a.get(keyAt(0), counting(calls, 0));
    GexAnalysis shared = b.get(keyAt(0), counting(calls, 0));
    GexAnalysis local = b.get(keyAt(0), counting(calls, 0));

    assertThat(calls).hasValue(1);
    assertThat(shared).isSameAs(computed);
    assertThat(local).isSameAs(computed);
    assertThat(b.tieredStats().secondLevelHits()).isEqualTo(1);
    assertThat(b.tieredStats().firstLevelHits()).isEqualTo(1);
  }

  @Test
  void get_olderInstantAfterANewerWasComputed_isComputedAndNeverServedFromCache() {
    TieredGexCache cache = TieredGexCache.builder().build();
    AtomicInteger calls = new AtomicInteger();
    cache.get(keyAt(0), counting(calls, 0));
    cache.get(keyAt(5), counting(calls, 5));

    GexAnalysis old1 = cache.get(keyAt(0), counting(calls, 0));
    GexAnalysis old2 = cache.get(keyAt(0), counting(calls, 0));

    assertThat(calls).hasValue(4);
    assertThat(old1.valuationTime()).isEqualTo(keyAt(0).valuationTime());
    assertThat(old2).isNotSameAs(old1);
    assertThat(cache.get(keyAt(0))).isEmpty();
    assertThat(cache.tieredStats().staleRejections()).isEqualTo(3);
    assertThat(cache.newest("SPX")).contains(keyAt(5).valuationTime());
  }

  @Test
  void get_newerInstantComputedElsewhere_dropsOlderFirstLevelCopiesHere() {
    SharedMapCache.Store store = new SharedMapCache.Store();
    TieredGexCache a = tiered(store);
    TieredGexCache b = tiered(store);
    AtomicInteger calls = new AtomicInteger();
    a.get(keyAt(0), counting(calls, 0));
    b.get(keyAt(0), counting(calls, 0)); // now in b's first level

    a.get(keyAt(1), counting(calls, 1)); // broadcast: older than minute 1

    assertThat(b.firstLevel().get(keyAt(0))).isEmpty();
    assertThat(b.get(keyAt(0))).isEmpty();
    assertThat(b.newest("SPX")).contains(keyAt(1).valuationTime());
    assertThat(store.entries.keySet()).containsExactly(keyAt(1));
  }

  @Test
  void invalidatedAll_fromTheSecondLevel_emptiesTheFirstLevel() {
    SharedMapCache.Store store = new SharedMapCache.Store();
    SharedMapCache shared = new SharedMapCache(store);
    TieredGexCache cache = TieredGexCache.builder().secondLevel(shared).build();
    cache.get(keyAt(0), counting(new AtomicInteger(), 0));

    shared.broadcastAll();

    assertThat(cache.firstLevel().get(keyAt(0))).isEmpty();
  }

  @Test
  void get_secondLevelThrows_computesAndCountsErrors() {
    SharedMapCache.Store store = new SharedMapCache.Store();
    SharedMapCache shared = new SharedMapCache(store);
    shared.failing = true;
    TieredGexCache cache = TieredGexCache.builder().secondLevel(shared).build();
    AtomicInteger calls = new AtomicInteger();

    GexAnalysis a = cache.get(keyAt(0), counting(calls, 0));

    assertThat(a.totalGex()).isEqualTo(analysisAt(0).totalGex());
    assertThat(calls).hasValue(1);
    // get, invalidate (first instant of the symbol) and put each failed
    assertThat(cache.stats().errors()).isEqualTo(3);
    assertThat(cache.get(keyAt(0), counting(calls, 0))).isSameAs(a);
  }

  @Test
  void get_concurrentReadersOfOneKey_computeOnce() throws Exception {
    TieredGexCache cache = TieredGexCache.builder().build();
    AtomicInteger calls = new AtomicInteger();
    int readers = 8;
    Supplier<GexAnalysis> slow =
        () -> {
          calls.incrementAndGet();
          // Hold the flight until every other reader is waiting on it (bounded: 10 s).
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (cache.tieredStats().coalescedWaits() < readers - 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
          }
          return analysisAt(0);
        };
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      List<Future<GexAnalysis>> results = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        results.add(pool.submit(() -> cache.get(keyAt(0), slow)));
      }
      GexAnalysis first = results.get(0).get(20, TimeUnit.SECONDS);
      for (Future<GexAnalysis> f : results) {
        assertThat(f.get(20, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(calls).hasValue(1);
    assertThat(cache.tieredStats().loads()).isEqualTo(1);
    assertThat(cache.tieredStats().coalescedWaits()).isEqualTo(readers - 1);
  }

  @Test
  void get_computationThrows_throwsTheSameToTheCallerAndCachesNothing() {
    TieredGexCache cache = TieredGexCache.builder().build();
    io.gex.GexException failure = new io.gex.GexException("no usable contract in SPX");

    assertThatThrownBy(() -> cache.get(keyAt(0), () -> { throw failure; })).isSameAs(failure);
    assertThat(cache.get(keyAt(0))).isEmpty();
    assertThat(cache.tieredStats().loadFailures()).isEqualTo(1);
  }

  @Test
  void discoverSecondLevel_noProviderInCore_selectsNone() {
    Providers.Report<GexCache> report = TieredGexCache.discoverSecondLevel();

    assertThat(report.selection()).isEqualTo(Providers.Selection.NONE);
    assertThat(TieredGexCache.discover().secondLevel()).isEmpty();
  }
}

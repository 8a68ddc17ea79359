package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.cache.TieredGexCache;
import io.gex.chain.OptionChain;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The storage's own accounting, under the concurrency of a server that analyses several symbols at once. */
class ServerStorageTest {

  @Test
  void countsEveryFailedSaveWhenSymbolsRecordAtOnce() throws Exception {
    OptionChain chain = ChainSources.discover().load(SourceRequest.of(GexServerTest.SPX));
    GexAnalysis analysis = GexEngine.builder().build().analyze(chain);
    ServerStorage storage =
        ServerStorage.of(new LifecycleTest.DownStore(true), TieredGexCache.builder().build());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    storage.bindMetrics(registry);
    assertThatThrownBy(() -> storage.record(analysis, chain, List.of()))
        .hasMessage("connection refused");

    // Analyses of different symbols record from different threads (the feed, uploads): every failure
    // counts, none is lost to a race between two threads incrementing at once.
    int threads = 4;
    int perThread = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    try {
                      storage.record(analysis, chain, List.of());
                    } catch (RuntimeException expected) {
                      // the store refuses every save
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(registry.get("gex.store.failures").functionCounter().count())
        .isEqualTo(1 + (double) threads * perThread);
  }
}

package io.gex.cache.redis;

import static io.gex.cache.redis.RedisTestSupport.await;
import static io.gex.cache.redis.RedisTestSupport.chainAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.cache.CachingGexEngine;
import io.gex.cache.CaffeineGexCache;
import io.gex.cache.TieredCacheStats;
import io.gex.cache.TieredGexCache;
import io.gex.chain.OptionChain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped and restarted in the middle of a run. Always on its own embedded Redis, never the shared
 * server.
 */
class RedisOutageTest {

  /** An instance of the application: its engine, its tiered cache and its Redis level. */
  private static final class Instance implements AutoCloseable {
    final RedisGexCache redis;
    final TieredGexCache cache;
    final CachingGexEngine engine;

    Instance(String url, String prefix) {
      redis =
          new RedisGexCache(
              RedisCacheConfig.builder(url)
                  .keyPrefix(prefix)
                  // generous for a loaded 2-core CI machine; the slow-Redis test below uses the default
                  .commandTimeout(Duration.ofMillis(500))
                  .connectTimeout(Duration.ofSeconds(2))
                  .openInterval(Duration.ofMillis(200))
                  .reconnectDelayMax(Duration.ofMillis(200))
                  .build());
      cache =
          TieredGexCache.builder()
              .firstLevel(CaffeineGexCache.builder().executor(Runnable::run).build())
              .secondLevel(redis)
              .build();
      engine = CachingGexEngine.wrap(RedisTestSupport.ENGINE, cache);
    }

    /** Analyses and checks that what came back is this chain's and never older than asked before. */
    GexAnalysis analyze(OptionChain chain) {
      GexAnalysis a = engine.analyze(chain);
      assertThat(a.valuationTime()).isEqualTo(chain.valuationTime());
      assertThat(a.coverage().contractsUsed()).isEqualTo(chain.contracts().size());
      return a;
    }

    TieredCacheStats stats() {
      return cache.tieredStats();
    }

    @Override
    public void close() {
      cache.close();
    }
  }

  @Test
  void redisStoppedAndRestarted_runCompletesWithoutStaleAnalysesAndRedisHitsResume() {
    String prefix = RedisTestSupport.newPrefix("outage");
    try (EmbeddedRedis server = EmbeddedRedis.start();
        Instance a = new Instance(server.url(), prefix);
        Instance b = new Instance(server.url(), prefix)) {
      assertThat(await(() -> a.redis.isConnected() && b.redis.isSubscribed())).isTrue();

      // Phase 1: Redis up. a computes, b is served by Redis.
      a.analyze(chainAt(0, 300));
      a.analyze(chainAt(1, 300));
      GexAnalysis shared = b.analyze(chainAt(1, 300));
      assertThat(shared).isEqualTo(a.analyze(chainAt(1, 300)));
      assertThat(b.stats().secondLevelHits()).isEqualTo(1);
      assertThat(b.stats().loads()).isZero();

      // Phase 2: Redis stops. Both keep going on their first level and computing.
      server.stop();
      assertThat(await(() -> a.redis.circuitState() == CircuitBreaker.State.OPEN)).isTrue();
      long loadsBefore = a.stats().loads();
      a.analyze(chainAt(2, 300));
      a.analyze(chainAt(3, 300));
      GexAnalysis local = a.analyze(chainAt(3, 300));
      assertThat(a.stats().loads()).isEqualTo(loadsBefore + 2);
      assertThat(a.cache.firstLevel().get(io.gex.cache.GexCacheKey.of(chainAt(3, 300),
          RedisTestSupport.ENGINE.settings()))).containsSame(local);
      // An older chain is computed again, never served from a cache.
      long staleBefore = a.stats().staleRejections();
      a.analyze(chainAt(1, 300));
      assertThat(a.stats().staleRejections()).isEqualTo(staleBefore + 1);
      assertThat(a.redis.stats().errors()).isPositive();
      assertThat(a.redis.breakerOpenings()).isPositive();
      assertThat(a.redis.pendingInvalidations()).containsExactly("SPX");
      assertThat(b.analyze(chainAt(1, 300))).isSameAs(shared); // b's own first level still answers

      // Phase 3: Redis back on the same port (empty: it saves nothing).
      server.restart();
      try (RedisTestSupport.Raw raw = RedisTestSupport.raw(server.url())) {
        assertThat(
                await(
                    () ->
                        raw.commands().pubsubNumsub(prefix + ":invalidate").getOrDefault(prefix + ":invalidate", 0L)
                            == 2L))
            .as("both instances subscribed again")
            .isTrue();
      }
      assertThat(
              await(
                  () -> {
                    a.cache.get(io.gex.cache.GexCacheKey.of(chainAt(4, 300),
                        RedisTestSupport.ENGINE.settings()));
                    return a.redis.isConnected()
                        && a.redis.circuitState() == CircuitBreaker.State.CLOSED
                        && a.redis.pendingInvalidations().isEmpty();
                  }))
          .as("a reconnected and replayed its invalidation")
          .isTrue();
      // The replayed invalidation (newest minute 3) reached b, which drops its minute-1 copy.
      assertThat(await(() -> b.cache.newest("SPX").filter(chainAt(3, 300).valuationTime()::equals).isPresent()))
          .isTrue();
      assertThat(b.cache.get(io.gex.cache.GexCacheKey.of(chainAt(1, 300),
          RedisTestSupport.ENGINE.settings()))).isEmpty();

      a.analyze(chainAt(5, 300));
      long bLoads = b.stats().loads();
      long bRedisHits = b.stats().secondLevelHits();
      GexAnalysis fromRedis = b.analyze(chainAt(5, 300));
      assertThat(fromRedis.valuationTime()).isEqualTo(chainAt(5, 300).valuationTime());
      assertThat(b.stats().secondLevelHits()).isEqualTo(bRedisHits + 1);
      assertThat(b.stats().loads()).isEqualTo(bLoads);
      assertThat(a.redis.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void slowRedis_commandsTimeOutAsMissesAndTheBreakerStopsCalling() throws Exception {
    String prefix = RedisTestSupport.newPrefix("slow");
    try (EmbeddedRedis server = EmbeddedRedis.start();
        RedisGexCache cache =
            new RedisGexCache(
                RedisCacheConfig.builder(server.url())
                    .keyPrefix(prefix)
                    .connectTimeout(Duration.ofSeconds(2))
                    .openInterval(Duration.ofSeconds(30))
                    .build());
        RedisTestSupport.Raw raw = RedisTestSupport.raw(server.url())) {
      assertThat(await(cache::isConnected)).isTrue();
      assertThat(cache.config().commandTimeout()).isEqualTo(Duration.ofMillis(50));
      io.gex.cache.GexCacheKey key =
          io.gex.cache.GexCacheKey.of(chainAt(0, 300), RedisTestSupport.ENGINE.settings());
      assertThat(cache.get(key)).isEmpty();
      long errorsBefore = cache.stats().errors();

      // The server stops answering for 3 s: each call gives up after the 50 ms timeout, and after three
      // in a row the breaker opens and calls are refused without reaching Redis.
      java.util.concurrent.CompletableFuture<String> sleeping = raw.debugSleepLater(3);
      try {
        Thread.sleep(300); // let the server enter its sleep
        int calls = 0;
        while (cache.circuitState() != CircuitBreaker.State.OPEN && calls < 20) {
          assertThat(cache.get(key)).isEmpty();
          calls++;
        }
        assertThat(cache.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(cache.stats().errors() - errorsBefore).isEqualTo(calls).isGreaterThanOrEqualTo(3);
        long errorsWhenOpened = cache.stats().errors();
        cache.put(key, RedisTestSupport.ENGINE.analyze(chainAt(0, 300)));
        assertThat(cache.get(key)).isEmpty();
        // a put and a get refused by the open breaker
        assertThat(cache.stats().errors() - errorsWhenOpened).isEqualTo(2);
      } finally {
        sleeping.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }

      assertThat(cache.stats().puts()).isZero();
      assertThat(cache.breakerOpenings()).isEqualTo(1);
    }
  }
}

package io.gex.cache.redis;

import static io.gex.cache.redis.RedisTestSupport.analysisAt;
import static io.gex.cache.redis.RedisTestSupport.await;
import static io.gex.cache.redis.RedisTestSupport.chainAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.cache.CacheStats;
import io.gex.cache.CachingGexEngine;
import io.gex.cache.CaffeineGexCache;
import io.gex.cache.GexCacheKey;
import io.gex.cache.TieredGexCache;
import io.gex.settings.GexSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class RedisGexCacheTest {

  private String prefix = "";
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private RedisTestSupport.Raw raw = RedisTestSupport.raw(RedisTestSupport.url());

  @BeforeEach
  void prefix(TestInfo info) {
    prefix = RedisTestSupport.newPrefix(info.getTestMethod().orElseThrow().getName());
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    raw.deletePrefix(prefix);
    raw.close();
  }

  private RedisGexCache redis(RedisCacheConfig config) {
    RedisGexCache cache = new RedisGexCache(config);
    toClose.add(cache);
    assertThat(await(cache::isConnected)).as("connected to %s", config.maskedUrl()).isTrue();
    return cache;
  }

  private RedisGexCache redis() {
    return redis(RedisTestSupport.config(prefix).build());
  }

  private TieredGexCache tiered(RedisGexCache second) {
    TieredGexCache t =
        TieredGexCache.builder()
            .firstLevel(CaffeineGexCache.builder().executor(Runnable::run).build())
            .secondLevel(second)
            .build();
    return t;
  }

  private static GexCacheKey keyAt(int minutes) {
    return GexCacheKey.of(chainAt(minutes, 200), GexSettings.DEFAULT);
  }

  @Test
  void get_afterPut_roundTripsAnEqualAnalysis() {
    RedisGexCache cache = redis();
    GexAnalysis analysis = analysisAt(0);

    cache.put(keyAt(0), analysis);
    GexAnalysis read = cache.get(keyAt(0)).orElseThrow();

    assertThat(read).isEqualTo(analysis);
    assertThat(read.totalGex()).isEqualTo(analysis.totalGex()).isNotZero();
    assertThat(read.exposures().byStrike().strikes().size()).isEqualTo(analysis.exposures().byStrike().strikes().size());
    assertThat(cache.get(keyAt(1))).isEmpty();
    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.puts()).isEqualTo(1);
    assertThat(stats.errors()).isZero();
    assertThat(stats.latencyCount()).isEqualTo(3);
    assertThat(raw.keys(prefix))
        .containsExactlyInAnyOrder(
            cache.entryKey(keyAt(0)), prefix + ":v1:i:{SPX}");
  }

  @Test
  void get_gzippedEntry_roundTripsAndIsSmallerThanLz4() {
    RedisGexCache lz4 = redis();
    RedisGexCache zipped = redis(RedisTestSupport.config(prefix + "z").gzip(true).build());
    GexAnalysis analysis = analysisAt(0);

    lz4.put(keyAt(0), analysis);
    zipped.put(keyAt(0), analysis);

    assertThat(zipped.get(keyAt(0))).contains(analysis);
    assertThat(lz4.get(keyAt(0))).contains(analysis);
    long lz4Bytes = raw.commands().strlen(lz4.entryKey(keyAt(0)));
    long zippedBytes = raw.commands().strlen(zipped.entryKey(keyAt(0)));
    long plainBytes = AnalysisCodec.encode(analysis, AnalysisCodec.Compression.NONE).length;
    assertThat(zippedBytes).isPositive().isLessThan(lz4Bytes);
    assertThat(lz4Bytes).isLessThan(plainBytes * 2 / 3);
    raw.deletePrefix(prefix + "z");
  }

  @Test
  void get_afterTheTtl_misses() {
    RedisGexCache cache = redis(RedisTestSupport.config(prefix).ttl(Duration.ofMillis(400)).build());
    cache.put(keyAt(0), analysisAt(0));

    Long pttl = raw.commands().pttl(cache.entryKey(keyAt(0)));
    assertThat(pttl).isBetween(1L, 400L);
    assertThat(await(() -> cache.get(keyAt(0)).isEmpty())).isTrue();
    assertThat(raw.commands().exists(cache.entryKey(keyAt(0)))).isZero();
  }

  @Test
  void put_defaultTtl_isFiveMinutes() {
    RedisGexCache cache = redis();
    cache.put(keyAt(0), analysisAt(0));

    assertThat(raw.commands().pttl(cache.entryKey(keyAt(0))))
        .isBetween(Duration.ofMinutes(5).minusSeconds(30).toMillis(), Duration.ofMinutes(5).toMillis());
  }

  @Test
  void invalidateOlder_isSeenByASecondInstanceWhichDropsItsLocalCopy() {
    TieredGexCache a = tiered(redis());
    RedisGexCache bRedis = redis();
    TieredGexCache b = tiered(bRedis);
    await(bRedis::isSubscribed);
    AtomicInteger computed = new AtomicInteger();
    Supplier<GexAnalysis> t0 = () -> {
      computed.incrementAndGet();
      return analysisAt(0);
    };

    a.get(keyAt(0), t0);
    GexAnalysis seenByB = b.get(keyAt(0), t0);
    assertThat(computed).hasValue(1);
    assertThat(b.tieredStats().secondLevelHits()).isEqualTo(1);
    assertThat(b.firstLevel().get(keyAt(0))).contains(seenByB);

    a.get(keyAt(1), () -> analysisAt(1));

    assertThat(await(() -> b.newest("SPX").filter(keyAt(1).valuationTime()::equals).isPresent()))
        .as("b heard of minute 1")
        .isTrue();
    assertThat(b.firstLevel().get(keyAt(0))).isEmpty();
    assertThat(b.get(keyAt(0))).isEmpty();
    assertThat(raw.commands().exists(bRedis.entryKey(keyAt(0)))).isZero();
    assertThat(b.get(keyAt(1))).isPresent();
  }

  @Test
  void put_olderThanTheNewestInRedis_isRefused() {
    RedisGexCache cache = redis();
    cache.invalidateOlder("SPX", keyAt(1).valuationTime());

    cache.put(keyAt(0), analysisAt(0));
    cache.put(keyAt(1), analysisAt(1));

    assertThat(cache.refusedStale()).isEqualTo(1);
    assertThat(raw.commands().exists(cache.entryKey(keyAt(0)))).isZero();
    assertThat(cache.get(keyAt(1))).isPresent();
  }

  @Test
  void get_corruptEntry_isAMissCountedAsAnErrorAndDeleted() {
    RedisGexCache cache = redis();
    String key = cache.entryKey(keyAt(0));

    raw.commands().set(key, "not an analysis".getBytes(StandardCharsets.UTF_8));
    assertThat(cache.get(keyAt(0))).isEmpty();
    assertThat(raw.commands().exists(key)).isZero();

    raw.commands().set(key, new byte[] {'g', 'x', AnalysisCodec.VERSION, 0, '{', '"', 's'});
    assertThat(cache.get(keyAt(0))).isEmpty();
    assertThat(raw.commands().exists(key)).isZero();

    // A valid analysis of another instant under this key is wrong too.
    raw.commands().set(key, AnalysisCodec.encode(analysisAt(7), AnalysisCodec.Compression.LZ4));
    assertThat(cache.get(keyAt(0))).isEmpty();
    assertThat(raw.commands().exists(key)).isZero();

    CacheStats stats = cache.stats();
    assertThat(stats.errors()).isEqualTo(3);
    assertThat(stats.misses()).isEqualTo(3);
    assertThat(stats.hits()).isZero();
    // and the next computation is stored and served again
    cache.put(keyAt(0), analysisAt(0));
    assertThat(cache.get(keyAt(0))).contains(analysisAt(0));
  }

  @Test
  void get_entryOfAnotherFormatVersion_isAPlainMissAndDeleted() {
    RedisGexCache cache = redis();
    String key = cache.entryKey(keyAt(0));
    // Version 1 was the JSON of gex-json: what an instance of an older gex leaves behind.
    byte[] v1 = AnalysisCodec.encode(analysisAt(0), AnalysisCodec.Compression.NONE);
    v1[2] = 1;
    raw.commands().set(key, v1);

    assertThat(cache.get(keyAt(0))).isEmpty();

    assertThat(raw.commands().exists(key)).isZero();
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(cache.stats().errors()).isZero();
    assertThat(cache.rejectedEntries()).isZero();
    cache.put(keyAt(0), analysisAt(0));
    assertThat(cache.get(keyAt(0))).contains(analysisAt(0));
  }

  @Test
  void get_concurrentReadersOfOneKey_computeOnceAndTheRestHitRedisOrWait() throws Exception {
    TieredGexCache a = tiered(redis());
    CachingGexEngine engine = CachingGexEngine.wrap(RedisTestSupport.ENGINE, a);
    AtomicInteger computed = new AtomicInteger();
    int readers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      List<Future<GexAnalysis>> results = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        results.add(
            pool.submit(
                () ->
                    a.get(
                        keyAt(0),
                        () -> {
                          computed.incrementAndGet();
                          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                          while (a.tieredStats().coalescedWaits() < readers - 1
                              && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                          }
                          return analysisAt(0);
                        })));
      }
      GexAnalysis first = results.get(0).get(20, TimeUnit.SECONDS);
      for (Future<GexAnalysis> f : results) {
        assertThat(f.get(20, TimeUnit.SECONDS)).isSameAs(first);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(computed).hasValue(1);
    assertThat(a.tieredStats().loads()).isEqualTo(1);
    assertThat(engine.analyze(chainAt(0, 200))).isEqualTo(analysisAt(0));
    assertThat(a.tieredStats().loads()).isEqualTo(1);
  }

  @Test
  void cachingEngine_secondInstance_getsARedisHitEqualToTheComputedAnalysis() {
    CachingGexEngine a = CachingGexEngine.wrap(RedisTestSupport.ENGINE, tiered(redis()));
    CachingGexEngine b = CachingGexEngine.wrap(RedisTestSupport.ENGINE, tiered(redis()));

    GexAnalysis computed = a.analyze(chainAt(0, 200));
    GexAnalysis shared = b.analyze(chainAt(0, 200));

    assertThat(shared).isEqualTo(computed);
    assertThat(a.cache().tieredStats().loads()).isEqualTo(1);
    assertThat(b.cache().tieredStats().loads()).isZero();
    assertThat(b.cache().tieredStats().secondLevelHits()).isEqualTo(1);
  }

  @Test
  void password_rightOneWorksWrongOneIsAMissNotAnException() {
    try (EmbeddedRedis secured = EmbeddedRedis.start("--requirepass", "s3cret")) {
      RedisGexCache ok =
          redis(RedisTestSupport.config(secured.url(), prefix).password("s3cret").build());
      ok.put(keyAt(0), analysisAt(0));
      assertThat(ok.get(keyAt(0))).isPresent();

      RedisGexCache inUrl =
          redis(RedisTestSupport.config("redis://:s3cret@127.0.0.1:" + secured.port(), prefix).build());
      assertThat(inUrl.get(keyAt(0))).isPresent();
      assertThat(inUrl.toString()).doesNotContain("s3cret");
      assertThat(inUrl.config().toString()).doesNotContain("s3cret");

      RedisGexCache wrong = new RedisGexCache(
          RedisTestSupport.config(secured.url(), prefix).password("wrong").build());
      toClose.add(wrong);
      assertThat(wrong.get(keyAt(0))).isEmpty();
      assertThat(wrong.isConnected()).isFalse();
      assertThat(wrong.stats().errors()).isPositive();

      for (AutoCloseable c : toClose) {
        try {
          c.close();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
      toClose.clear();
    }
  }
}

package io.gex.bench;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.cache.CaffeineGexCache;
import io.gex.cache.GexCache;
import io.gex.cache.GexCacheKey;
import io.gex.cache.redis.RedisCacheConfig;
import io.gex.cache.redis.RedisGexCache;
import io.gex.chain.OptionChain;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A cache hit for the analysis of the real SPX snapshot: {@code hit} is {@link GexCache#get} of a known
 * key; {@code keyAndHit} also computes the key ({@link GexCacheKey#of}, which fingerprints all 19,156
 * contracts), as an application does for each chain it is handed. Levels: {@code caffeine}, the
 * in-process level (no server), and {@code redis}, the shared level (a round trip and the decoding of the
 * stored JSON).
 *
 * <p>The {@code redis} level needs a running Redis (see {@link Servers}: {@code
 * -Dgex.redis.url=redis://host:6379}, default {@value Servers#DEFAULT_REDIS_URL}); its setup fails with a
 * clear message when Redis does not answer. Keys use the prefix {@value #PREFIX} and expire after a
 * minute. Not part of the headline set.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar CacheHit -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class CacheHitBenchmark {

  /** The Redis key prefix of this benchmark: {@value}. */
  public static final String PREFIX = "gex-bench";

  /** The cache level: {@code caffeine} (in process) or {@code redis}. */
  @Param({"caffeine", "redis"})
  public String level;

  private GexCache cache;
  private OptionChain chain;
  private GexEngine engine;
  private GexCacheKey key;

  /** Analyses the SPX snapshot and puts it in the cache. */
  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    engine = GexEngine.builder().build();
    chain = BenchData.spx();
    key = GexCacheKey.of(chain, engine.settings());
    switch (level) {
      case "caffeine":
        cache = CaffeineGexCache.create();
        break;
      case "redis":
        cache = redis();
        break;
      default:
        throw new IllegalArgumentException("level must be caffeine or redis, was '" + level + "'");
    }
    cache.put(key, engine.analyze(chain));
    if (cache.get(key).isEmpty()) {
      throw new IllegalStateException("the " + level + " cache did not keep the analysis: " + cache);
    }
  }

  private static RedisGexCache redis() throws InterruptedException {
    String url = Servers.redisUrl();
    Servers.requireReachable("Redis", url, 6379);
    RedisGexCache redis =
        new RedisGexCache(
            RedisCacheConfig.builder(url)
                .keyPrefix(PREFIX)
                .ttl(Duration.ofMinutes(1))
                // The entry is about a megabyte of JSON; the default 50 ms would turn a busy machine's
                // slow reads into misses.
                .commandTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!redis.isConnected() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (!redis.isConnected()) {
      redis.close();
      throw new IllegalStateException("Redis at " + url + " did not accept a connection within 5 s");
    }
    return redis;
  }

  /** A hit for a known key. */
  @Benchmark
  public GexAnalysis hit() {
    return cache.get(key).orElseThrow();
  }

  /** The key of the chain, then a hit. */
  @Benchmark
  public GexAnalysis keyAndHit() {
    return cache.get(GexCacheKey.of(chain, engine.settings())).orElseThrow();
  }

  /** Closes the Redis connection. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (cache instanceof RedisGexCache) {
      ((RedisGexCache) cache).close();
    }
  }
}

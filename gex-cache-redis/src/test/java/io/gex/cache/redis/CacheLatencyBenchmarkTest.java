package io.gex.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.cache.CachingGexEngine;
import io.gex.cache.CaffeineGexCache;
import io.gex.cache.GexCacheKey;
import io.gex.cache.TieredGexCache;
import io.gex.chain.OptionChain;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency of a local (Caffeine) hit, a Redis hit and a miss (full analysis and store) through {@link
 * CachingGexEngine}, on the real SPX chain of 2022-12-12 ({@code data/cboe-spx-2022-12-12.csv}). A
 * measurement, not a unit test: excluded from the default run. Run it with
 *
 * <pre>
 * ./mvnw -q -o -pl gex-cache-redis test -Dgroups=benchmark -Dgex.cache.excludedGroups=none \
 *     -Dtest=CacheLatencyBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * with {@code GEX_TEST_REDIS_URL} set to use a running Redis (else an embedded one). Results go to the
 * test output and {@code target/cache-latency.txt}.
 */
@Tag("benchmark")
class CacheLatencyBenchmarkTest {

  private static final int WARMUP = 40;
  private static final int ROUNDS = 40;

  private static Path spxFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("data/cboe-spx-2022-12-12.csv");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("data/cboe-spx-2022-12-12.csv not found above " + Path.of("").toAbsolutePath());
  }

  private static OptionChain at(OptionChain chain, int seconds) {
    return new OptionChain(
        chain.underlying(),
        chain.spot(),
        chain.valuationTime().plusSeconds(seconds),
        chain.contracts(),
        chain.diagnostics());
  }

  /** Median and 90th percentile of {@code rounds} timed calls, in microseconds, after a warm-up. */
  private static double[] measure(int rounds, Runnable before, Supplier<?> call) {
    int sink = 0;
    for (int i = 0; i < WARMUP; i++) {
      before.run();
      sink += System.identityHashCode(call.get()) & 1;
    }
    assertThat(sink).isBetween(0, WARMUP);
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      before.run();
      long t0 = System.nanoTime();
      Object result = call.get();
      nanos[i] = System.nanoTime() - t0;
      assertThat(result).isNotNull();
    }
    Arrays.sort(nanos);
    return new double[] {nanos[rounds / 2] / 1e3, nanos[(int) (rounds * 0.9)] / 1e3};
  }

  @Test
  void latency_localHit_redisHit_miss_onTheSpxChain() throws IOException {
    // Through the SPI (gex-sources' CBOE CSV reader), as an application would find it.
    OptionChain spx = ChainSources.discover().load("cboe-csv", SourceRequest.of(spxFile()));
    String prefix = RedisTestSupport.newPrefix("bench");
    String url = RedisTestSupport.url();
    GexEngine engine = GexEngine.builder().build();
    List<String> lines = new ArrayList<>();
    // A 1 s command timeout: this measures latency; on a loaded shared machine the default 50 ms would
    // turn the slowest reads of a ~750 KiB entry into timeouts (misses) instead.
    RedisCacheConfig config =
        RedisCacheConfig.builder(url).keyPrefix(prefix).commandTimeout(java.time.Duration.ofSeconds(1)).build();
    try (RedisGexCache redisA = new RedisGexCache(config);
        RedisGexCache redisB = new RedisGexCache(config);
        RedisTestSupport.Raw raw = RedisTestSupport.raw(url)) {
     try {
      RedisTestSupport.await(() -> redisA.isConnected() && redisB.isConnected());
      TieredGexCache tieredA =
          TieredGexCache.builder().firstLevel(CaffeineGexCache.create()).secondLevel(redisA).build();
      TieredGexCache tieredB =
          TieredGexCache.builder().firstLevel(CaffeineGexCache.create()).secondLevel(redisB).build();
      CachingGexEngine a = CachingGexEngine.wrap(engine, tieredA);
      CachingGexEngine b = CachingGexEngine.wrap(engine, tieredB);

      int[] second = {0};
      double[] miss =
          measure(ROUNDS, () -> second[0]++, () -> a.analyze(at(spx, second[0])));
      OptionChain newest = at(spx, second[0]);
      GexAnalysis stored = a.analyze(newest);
      double[] localHit = measure(ROUNDS * 10, () -> {}, () -> a.analyze(newest));
      double[] redisHit =
          measure(ROUNDS, () -> tieredB.firstLevel().invalidateAll(), () -> b.analyze(newest));
      GexCacheKey key = GexCacheKey.of(newest, engine.settings());
      double[] fingerprint = measure(ROUNDS * 10, () -> {}, () -> GexCacheKey.of(newest, engine.settings()));
      double[] redisGet = measure(ROUNDS, () -> {}, () -> redisB.get(key).orElseThrow());
      long bytes = raw.commands().strlen(redisA.entryKey(key));
      double[] rawGet = measure(ROUNDS, () -> {}, () -> raw.commands().get(redisA.entryKey(key)));
      byte[] storedBytes = raw.commands().get(redisA.entryKey(key));
      double[] decode = measure(ROUNDS, () -> {}, () -> AnalysisCodec.decode(storedBytes));
      double[] encode = measure(ROUNDS, () -> {}, () -> AnalysisCodec.encode(stored, AnalysisCodec.Compression.LZ4));


      assertThat(b.analyze(newest)).isEqualTo(stored);
      assertThat(tieredB.tieredStats().loads()).isZero();
      assertThat(redisA.stats().errors() + redisB.stats().errors()).isZero();

      lines.add(
          String.format(
              Locale.ROOT,
              "SPX 2022-12-12: %d contracts, %d used; stored form %.1f KiB (JSON); Redis %s%n",
              spx.contracts().size(),
              stored.coverage().contractsUsed(),
              bytes / 1024.0,
              RedisTestSupport.external() ? url : "embedded 6.2.6"));
      lines.add(row("local (Caffeine) hit via CachingGexEngine", localHit));
      lines.add(row("Redis hit via CachingGexEngine (L1 empty)", redisHit));
      lines.add(row("miss: full analysis + store + invalidate", miss));
      lines.add(row("  of which chain+settings fingerprint", fingerprint));
      lines.add(row("  RedisGexCache.get alone (GET + decode)", redisGet));
      lines.add(row("    plain Lettuce GET of the bytes", rawGet));
      lines.add(row("    decode (JSON -> GexAnalysis)", decode));
      lines.add(row("  encode (GexAnalysis -> JSON)", encode));
      tieredA.close();
      tieredB.close();
     } finally {
      raw.deletePrefix(prefix);
     }
    }
    String report = String.join("\n", lines);
    System.out.println(report);
    Files.writeString(Path.of("target/cache-latency.txt"), report + "\n");
  }

  private static String row(String what, double[] p50p90) {
    return String.format(
        Locale.ROOT, "%-45s median %10.1f µs   p90 %10.1f µs", what, p50p90[0], p50p90[1]);
  }
}

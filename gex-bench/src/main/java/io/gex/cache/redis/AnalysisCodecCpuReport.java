package io.gex.cache.redis;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.bench.BenchData;
import io.gex.cache.GexCacheKey;
import io.gex.chain.OptionChain;
import io.gex.json.GexJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Redis level against computing, in thread CPU time (for a shared, busy machine; see {@code
 * CpuTimeReport}): the SPX analysis, then each stored form's encode, decode and decode + check ({@code
 * json}: version 1; {@code lz4}, {@code gzip}, {@code none}: version 2, CBOR), and, when Redis answers at
 * {@code GEX_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}), a whole {@link RedisGexCache#get}
 * hit in CPU time of the calling thread (which leaves out Lettuce's I/O thread and Redis itself) and in
 * wall time. Figures are medians of 9 batches after a warm-up.
 *
 * <pre>
 * java -cp gex-bench/target/benchmarks.jar io.gex.cache.redis.AnalysisCodecCpuReport
 * </pre>
 *
 * <p>In the codec's package because the codec is package-private. A command-line tool; not thread-safe.
 */
public final class AnalysisCodecCpuReport {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int BATCHES = 9;
  private static volatile @Nullable Object sink;

  private AnalysisCodecCpuReport() {}

  /**
   * Prints the figures in microseconds.
   *
   * @param args unused
   * @throws InterruptedException if interrupted while waiting for Redis
   */
  public static void main(String[] args) throws InterruptedException {
    THREADS.setThreadCpuTimeEnabled(true);
    OptionChain chain = BenchData.spx();
    GexEngine engine = GexEngine.builder().build();
    GexAnalysis analysis = engine.analyze(chain);
    System.out.printf(
        Locale.ROOT, "analyze SPX: %.0f us of CPU (wall %.0f)%n", cpu(() -> engine.analyze(chain), 20), wall(() -> engine.analyze(chain), 20));
    for (String form : new String[] {"json", "lz4", "gzip", "none"}) {
      Supplier<byte[]> encode =
          switch (form) {
            case "json" -> () -> GexJson.toBytes(analysis);
            case "lz4" -> () -> AnalysisCodec.encode(analysis, AnalysisCodec.Compression.LZ4);
            case "gzip" -> () -> AnalysisCodec.encode(analysis, AnalysisCodec.Compression.GZIP);
            default -> () -> AnalysisCodec.encode(analysis, AnalysisCodec.Compression.NONE);
          };
      byte[] stored = encode.get();
      Supplier<GexAnalysis> decode =
          form.equals("json") ? () -> GexJson.analysisFromBytes(stored) : () -> AnalysisCodec.decode(stored);
      Supplier<GexAnalysis> decodeAndCheck =
          () -> {
            GexAnalysis a = decode.get();
            AnalysisCheck.check(a);
            return a;
          };
      System.out.printf(
          Locale.ROOT,
          "%-4s %,9d bytes: encode %5.0f us | decode %5.0f | decode + check %5.0f (CPU)%n",
          form, stored.length, cpu(encode, 50), cpu(decode, 50), cpu(decodeAndCheck, 50));
    }
    String url = System.getenv().getOrDefault("GEX_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    try (RedisGexCache redis =
        new RedisGexCache(
            RedisCacheConfig.builder(url)
                .keyPrefix("gex-bench-cpu")
                .ttl(Duration.ofMinutes(1))
                .commandTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(2))
                .build())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!redis.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (!redis.isConnected()) {
        System.out.println("Redis at " + url + ": no connection, the read through Redis is not measured");
        return;
      }
      GexCacheKey key = GexCacheKey.of(chain, engine.settings());
      redis.put(key, analysis);
      Supplier<GexAnalysis> hit = () -> redis.get(key).orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "Redis hit (lz4, %s): %.0f us of CPU of the caller, %.0f us of wall time%n",
          url, cpu(hit, 50), wall(hit, 50));
    }
  }

  /** Median over {@link #BATCHES} of the CPU time per call, after {@code reps * 4} warm-up calls. */
  private static double cpu(Supplier<?> work, int reps) {
    return median(work, reps, THREADS::getCurrentThreadCpuTime);
  }

  private static double wall(Supplier<?> work, int reps) {
    return median(work, reps, System::nanoTime);
  }

  private static double median(Supplier<?> work, int reps, java.util.function.LongSupplier clock) {
    for (int i = 0; i < reps * 4; i++) {
      sink = work.get();
    }
    double[] micros = new double[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      long t0 = clock.getAsLong();
      for (int i = 0; i < reps; i++) {
        sink = work.get();
      }
      micros[b] = (clock.getAsLong() - t0) / 1e3 / reps;
    }
    Arrays.sort(micros);
    return micros[BATCHES / 2];
  }
}

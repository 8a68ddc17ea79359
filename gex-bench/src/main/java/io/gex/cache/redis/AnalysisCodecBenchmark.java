package io.gex.cache.redis;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.bench.BenchData;
import io.gex.json.GexJson;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stored form of the Redis level for the analysis of the real SPX snapshot: {@code encode} (what a put
 * pays before the network), {@code decode}, and {@code decodeAndCheck} (what a hit pays after the network:
 * decoding and {@link AnalysisCheck}). Forms: {@code json}, the version-1 form (the JSON of {@code
 * gex-json}, no compression), and the version-2 form ({@link AnalysisCodec}: CBOR) with {@code lz4} (the
 * default), {@code gzip} or {@code none}. The read through a real Redis is {@code CacheHitBenchmark}'s
 * {@code redis} level; the cost of computing the analysis is {@code FullAnalysisBenchmark}'s {@code spx}.
 *
 * <p>This class sits in the codec's package because the codec is package-private (the stored form is not
 * API); the benchmark jar puts both on one class path.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar AnalysisCodec -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class AnalysisCodecBenchmark {

  /** The stored form: {@code json} (version 1), or CBOR with {@code lz4}, {@code gzip} or {@code none}. */
  @Param({"json", "lz4", "gzip", "none"})
  public String form;

  private GexAnalysis analysis;
  private byte[] stored;

  /** Analyses the SPX snapshot and encodes it once. */
  @Setup(Level.Trial)
  public void setUp() {
    analysis = GexEngine.builder().build().analyze(BenchData.spx());
    stored = encode();
    System.out.printf("%n%s: %,d bytes stored%n", form, stored.length);
  }

  /** The stored form of the analysis. */
  @Benchmark
  public byte[] encode() {
    switch (form) {
      case "json":
        return GexJson.toBytes(analysis);
      case "lz4":
        return AnalysisCodec.encode(analysis, AnalysisCodec.Compression.LZ4);
      case "gzip":
        return AnalysisCodec.encode(analysis, AnalysisCodec.Compression.GZIP);
      case "none":
        return AnalysisCodec.encode(analysis, AnalysisCodec.Compression.NONE);
      default:
        throw new IllegalArgumentException("form must be json, lz4, gzip or none, was '" + form + "'");
    }
  }

  /** The analysis read back from its stored form. */
  @Benchmark
  public GexAnalysis decode() {
    return form.equals("json") ? GexJson.analysisFromBytes(stored) : AnalysisCodec.decode(stored);
  }

  /** The analysis read back and checked, as a Redis hit does. */
  @Benchmark
  public GexAnalysis decodeAndCheck() {
    GexAnalysis a = decode();
    AnalysisCheck.check(a);
    return a;
  }
}

package io.gex.bench;

import io.gex.chain.OptionChain;
import io.gex.source.CboeCsvSource;
import io.gex.source.CboeJsonSource;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Reading a whole real chain file into an {@link OptionChain}: the SPX quote-table CSV ({@code cboe-csv},
 * 1.3 MB, 19,156 contracts) and the RUT delayed-quotes JSON ({@code cboe-json}, 2.6 MB, 6,680
 * contracts). The primary score
 * is files per second; the secondary {@code megabytes} counter is the parse rate in MB/s (10^6 bytes). The
 * file comes from the operating system's cache after the first read, so this measures parsing, not disk.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar Parsing -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class ParsingBenchmark {

  /** The source: {@code cboe-csv} (SPX CSV) or {@code cboe-json} (RUT JSON). */
  @Param({"cboe-csv", "cboe-json"})
  public String format;

  private OptionChainSource source;
  private SourceRequest request;
  private double megabytesPerFile;

  /**
   * Megabytes parsed, reported by JMH as MB/s. Public fields are JMH's contract for auxiliary counters.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    /** Megabytes (10^6 bytes) read in this iteration. */
    public double megabytes;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      megabytes = 0;
    }
  }

  /** Finds the file and its size. */
  @Setup(Level.Trial)
  public void setUp() {
    Path file;
    switch (format) {
      case CboeCsvSource.ID:
        source = new CboeCsvSource();
        file = BenchData.file(BenchData.SPX_CSV);
        break;
      case CboeJsonSource.ID:
        source = new CboeJsonSource();
        file = BenchData.file(BenchData.RUT_JSON);
        break;
      default:
        throw new IllegalArgumentException(
            "format must be cboe-csv or cboe-json, was '" + format + "'");
    }
    request = SourceRequest.of(file);
    try {
      megabytesPerFile = Files.size(file) / 1e6;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the whole file. */
  @Benchmark
  public OptionChain parse(Bytes bytes) {
    OptionChain chain = source.load(request);
    bytes.megabytes += megabytesPerFile;
    return chain;
  }
}

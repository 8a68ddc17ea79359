package io.gex.bench;

import io.gex.chain.OptionChain;
import io.gex.source.CboeCsvSource;
import io.gex.source.CboeJsonSource;
import io.gex.source.SyntheticChainSource;
import io.gex.spi.SourceRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The inputs of the benchmarks: the real snapshots in the data folder and seeded synthetic chains.
 *
 * <p>The data folder is the {@value #DATA_PROPERTY} system property, {@code data/} (relative to the working
 * directory, so run from the repository root) when it is not set: {@code java -Dgex.data=/path/to/data
 * -jar gex-bench/target/benchmarks.jar ...}. JMH passes the property on to its forks.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class BenchData {

  /** The system property naming the folder of the real snapshots: {@value}. */
  public static final String DATA_PROPERTY = "gex.data";

  /** The CBOE quote-table CSV of SPX on 2022-12-12 after the close: {@value}. */
  public static final String SPX_CSV = "cboe-spx-2022-12-12.csv";

  /** The CBOE delayed-quotes JSON of RUT on 2023-09-20: {@value}. */
  public static final String RUT_JSON = "cboe-rut-2023-09-20.json";

  /** The {@code @Param} value that stands for the real SPX snapshot instead of a synthetic size: {@value}. */
  public static final String SPX = "spx";

  /** The valuation instant of every synthetic chain: 2024-03-01 15:00 New York, a Friday. */
  public static final Instant SYNTHETIC_VALUATION = Instant.parse("2024-03-01T20:00:00Z");

  /** The seed of every synthetic chain: {@value}. */
  public static final long SEED = 1;

  private BenchData() {}

  /** The data folder: the {@value #DATA_PROPERTY} system property, else {@code data}. */
  public static Path dataDir() {
    return Path.of(System.getProperty(DATA_PROPERTY, "data"));
  }

  /**
   * A file of the data folder.
   *
   * @param name the file name, such as {@value #SPX_CSV}
   * @throws IllegalStateException if the file is not there; the message names the absolute path and how
   *     to point {@value #DATA_PROPERTY} elsewhere
   */
  public static Path file(String name) {
    Path file = dataDir().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "benchmark data file not found: "
              + file.toAbsolutePath()
              + " (run from the repository root, or pass -D"
              + DATA_PROPERTY
              + "=/path/to/gex/data)");
    }
    return file;
  }

  /** The real SPX snapshot of {@value #SPX_CSV}, read with the {@code cboe-csv} source. */
  public static OptionChain spx() {
    return new CboeCsvSource().load(SourceRequest.of(file(SPX_CSV)));
  }

  /** The real RUT snapshot of {@value #RUT_JSON}, read with the {@code cboe-json} source. */
  public static OptionChain rut() {
    return new CboeJsonSource().load(SourceRequest.of(file(RUT_JSON)));
  }

  /**
   * A synthetic SPX chain (spot 4500, seed {@value #SEED}, valued at {@link #SYNTHETIC_VALUATION}) of about
   * this many contracts: weeklies and monthlies out to a year with a skewed smile, from the {@code
   * synthetic} source. The same size always gives the same chain.
   *
   * @param contracts the approximate number of contracts, {@code >= 4}
   */
  public static OptionChain synthetic(int contracts) {
    return new SyntheticChainSource().generate("SPX", 4500, contracts, SEED, SYNTHETIC_VALUATION);
  }

  /**
   * The chain a {@code @Param} names: {@value #SPX} for the real SPX snapshot, else a contract count for a
   * synthetic chain.
   *
   * @throws IllegalArgumentException if the name is neither {@value #SPX} nor a positive integer
   */
  public static OptionChain chain(String name) {
    if (SPX.equalsIgnoreCase(name)) {
      return spx();
    }
    try {
      return synthetic(Integer.parseInt(name.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "chain must be '" + SPX + "' or a number of contracts, was '" + name + "'", e);
    }
  }
}

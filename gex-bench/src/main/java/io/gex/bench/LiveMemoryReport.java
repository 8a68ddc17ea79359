package io.gex.bench;

import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.live.LiveChain;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The heap a live chain of the SPX snapshot retains, measured as used heap after full collections: the
 * chain read from the file, then the live chain's list and index, then its resolved state with the levels,
 * then the whole analysis. Run with a collector that compacts, for stable figures:
 *
 * <pre>
 * java -XX:+UseSerialGC -cp gex-bench/target/benchmarks.jar io.gex.bench.LiveMemoryReport
 * </pre>
 *
 * <p>A command-line tool; not thread-safe.
 */
public final class LiveMemoryReport {

  /** Keeps what is measured reachable. */
  private static @Nullable Object chainKept;

  private static @Nullable Object liveKept;

  private LiveMemoryReport() {}

  private static long used() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /**
   * Prints the four figures, in MB.
   *
   * @param args unused
   * @throws InterruptedException if interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    long u0 = used();
    OptionChain chain = BenchData.spx();
    chainKept = chain;
    long u1 = used();
    LiveChain live = LiveChain.of(chain, GexEngine.builder().build());
    liveKept = live;
    long u2 = used();
    live.levels();
    long u3 = used();
    live.analysis();
    long u4 = used();
    System.out.printf(
        Locale.ROOT,
        "SPX chain (%d contracts) %.1f MB; live chain list and index %.1f MB; resolved state and levels"
            + " %.1f MB; analysis %.1f MB%n",
        chain.contracts().size(),
        (u1 - u0) / 1e6,
        (u2 - u1) / 1e6,
        (u3 - u2) / 1e6,
        (u4 - u3) / 1e6);
  }
}

package io.gex.bench;

import io.gex.greeks.BlackScholes;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the closed-form {@link BlackScholes} greeks, in contracts per microsecond: each invocation
 * evaluates one greek for {@value #CONTRACTS} contracts (strikes 0.7 to 1.3 times spot, 1 day to 1 year,
 * volatilities 8% to 60%, calls and puts mixed) and returns the sum, so the JIT keeps every evaluation.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar Greeks -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(GreeksBenchmark.CONTRACTS)
public class GreeksBenchmark {

  /** Contracts per invocation: {@value}. */
  public static final int CONTRACTS = 1024;

  private static final double SPOT = 4500;
  private static final double RATE = 0.04;
  private static final double DIVIDEND = 0.015;

  private final double[] strike = new double[CONTRACTS];
  private final double[] tau = new double[CONTRACTS];
  private final double[] vol = new double[CONTRACTS];
  private final boolean[] call = new boolean[CONTRACTS];

  /** Draws the contracts from a fixed seed. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(BenchData.SEED);
    for (int i = 0; i < CONTRACTS; i++) {
      strike[i] = Math.rint(SPOT * (0.7 + 0.6 * random.nextDouble()) / 5) * 5;
      tau[i] = (1 + random.nextInt(365)) / 365.0;
      vol[i] = 0.08 + 0.52 * random.nextDouble();
      call[i] = random.nextBoolean();
    }
  }

  /** Gamma of every contract. */
  @Benchmark
  public double gamma() {
    double sum = 0;
    for (int i = 0; i < CONTRACTS; i++) {
      sum += BlackScholes.gamma(SPOT, strike[i], tau[i], vol[i], RATE, DIVIDEND);
    }
    return sum;
  }

  /** Delta of every contract (the normal distribution function via erfc). */
  @Benchmark
  public double delta() {
    double sum = 0;
    for (int i = 0; i < CONTRACTS; i++) {
      sum += BlackScholes.delta(call[i], SPOT, strike[i], tau[i], vol[i], RATE, DIVIDEND);
    }
    return sum;
  }

  /** Vanna of every contract. */
  @Benchmark
  public double vanna() {
    double sum = 0;
    for (int i = 0; i < CONTRACTS; i++) {
      sum += BlackScholes.vanna(SPOT, strike[i], tau[i], vol[i], RATE, DIVIDEND);
    }
    return sum;
  }

  /** Charm of every contract. */
  @Benchmark
  public double charm() {
    double sum = 0;
    for (int i = 0; i < CONTRACTS; i++) {
      sum += BlackScholes.charm(call[i], SPOT, strike[i], tau[i], vol[i], RATE, DIVIDEND);
    }
    return sum;
  }
}

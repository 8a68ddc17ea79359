package io.gex.bench;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.storage.postgres.PostgresGexStore;
import io.gex.store.StoreHealth;
import io.gex.store.StoredSnapshot;
import java.time.Duration;
import java.time.Instant;
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
 * Saving one snapshot of a synthetic 20,000-contract chain to PostgreSQL with {@link PostgresGexStore}:
 * the snapshot row with the analysis as JSON, the 20,000 contract rows by {@code COPY}, and the day's
 * history, in one transaction. Each save is of a new valuation instant (prepared, with its analysis,
 * outside the measurement), so nothing is replaced.
 *
 * <p>Needs a running PostgreSQL (see {@link Servers}: {@code -Dgex.pg.url=jdbc:postgresql://host:5432/db}
 * {@code -Dgex.pg.user=...}, default {@value Servers#DEFAULT_PG_URL} as {@code postgres}); setup fails
 * with a clear message when it does not answer. It writes to its own schema {@value #SCHEMA}, migrated in
 * setup and emptied in teardown. Not part of the headline set.
 *
 * <pre>
 * java -jar gex-bench/target/benchmarks.jar StoreWrite -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@SuppressWarnings("NullAway.Init") // JMH sets @Param fields and calls @Setup before any benchmark call
public class StoreWriteBenchmark {

  /** The schema the benchmark writes to: {@value}. */
  public static final String SCHEMA = "gex_bench";

  /** Approximate number of contracts of the snapshot. */
  @Param({"20000"})
  public int contracts;

  private PostgresGexStore store;
  private GexEngine engine;
  private OptionChain chain;
  private Instant next;
  private StoredSnapshot snapshot;

  /** Connects, migrates the benchmark schema and empties it. */
  @Setup(Level.Trial)
  public void setUp() {
    String url = Servers.postgresUrl();
    Servers.requireReachable("PostgreSQL", url, 5432);
    PostgresGexStore.Builder builder =
        PostgresGexStore.builder()
            .jdbcUrl(url)
            .user(Servers.postgresUser())
            .schema(SCHEMA)
            .maxPoolSize(2)
            .connectionTimeout(Duration.ofSeconds(5));
    String password = Servers.postgresPassword();
    if (!password.isEmpty()) {
      builder.password(password);
    }
    store = builder.build();
    store.migrate();
    StoreHealth health = store.health();
    if (!health.healthy()) {
      store.close();
      throw new IllegalStateException("PostgreSQL store is not healthy: " + health.detail());
    }
    store.purgeBefore(Instant.parse("9999-01-01T00:00:00Z"));
    engine = GexEngine.builder().build();
    chain = BenchData.synthetic(contracts);
    next = chain.valuationTime();
  }

  /** Prepares the next snapshot, one second after the previous, outside the measurement. */
  @Setup(Level.Invocation)
  public void nextSnapshot() {
    next = next.plusSeconds(1);
    OptionChain at = OptionChain.of(chain.underlying(), chain.spot(), next, chain.contracts());
    GexAnalysis analysis = engine.analyze(at);
    snapshot = StoredSnapshot.of(analysis, at);
  }

  /** Saves one snapshot. */
  @Benchmark
  public StoredSnapshot save() {
    store.save(snapshot);
    return snapshot;
  }

  /** Deletes what the benchmark wrote and closes the pool. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      store.purgeBefore(Instant.parse("9999-01-01T00:00:00Z"));
    } finally {
      store.close();
    }
  }
}

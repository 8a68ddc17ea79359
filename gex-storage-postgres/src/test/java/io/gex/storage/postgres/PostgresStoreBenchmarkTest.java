package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.store.StoredSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times storing a 20,000-contract snapshot and reading the latest snapshot, against the test server. Not
 * part of the unit suite (tag {@code benchmark}, excluded by default); run it with
 *
 * <pre>
 * GEX_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/test GEX_TEST_PG_USER=postgres \
 *   ./mvnw -pl gex-storage-postgres test -Dgex.pg.excludedGroups= -Dgroups=benchmark
 * </pre>
 *
 * It prints the medians and writes them to {@code target/benchmark-results.txt}.
 */
@Tag("benchmark")
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresStoreBenchmarkTest {

  private static final int WARMUP = 3;
  private static final int RUNS = 11;

  @Test
  void store20000Contracts_andReadLatest() throws Exception {
    TestDatabase db = TestDatabase.get();
    String schema = TestDatabase.newSchema("bench");
    Instant t0 = Instant.parse("2024-03-01T14:30:00Z");
    List<StoredSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < WARMUP + RUNS; i++) {
      snapshots.add(Fixtures.snapshot("BENCH", t0.plusSeconds(60L * i), 4000, i, 20_000));
    }
    try (PostgresGexStore store = db.store(schema).build()) {
      store.migrate();
      long[] save = new long[RUNS];
      long[] latest = new long[RUNS];
      long[] latestAnalysis = new long[RUNS];
      for (int i = 0; i < WARMUP + RUNS; i++) {
        long a = System.nanoTime();
        store.save(snapshots.get(i));
        long b = System.nanoTime();
        StoredSnapshot read = store.latest("BENCH").orElseThrow();
        long c = System.nanoTime();
        double total = store.latestAnalysis("BENCH").orElseThrow().totalGex();
        long d = System.nanoTime();
        assertThat(read.chain().contracts()).hasSize(20_000);
        assertThat(total).isEqualTo(read.analysis().totalGex());
        if (i >= WARMUP) {
          save[i - WARMUP] = b - a;
          latest[i - WARMUP] = c - b;
          latestAnalysis[i - WARMUP] = d - c;
        }
      }
      StoredSnapshot last = snapshots.get(snapshots.size() - 1);
      long jsonBytes = io.gex.json.GexJson.toBytes(last.analysis()).length;
      long encode = System.nanoTime();
      for (int i = 0; i < RUNS; i++) {
        io.gex.json.GexJson.toBytes(snapshots.get(i).analysis());
      }
      double encodeMs = (System.nanoTime() - encode) / 1e6 / RUNS;
      String report =
          String.format(
              Locale.ROOT,
              "PostgreSQL store on %s (median of %d runs after %d warm-up):%n"
                  + "  analysis JSON: %d bytes, encoded in %.1f ms on average%n"
                  + "  save a 20,000-contract snapshot: %.1f ms (min %.1f, max %.1f)%n"
                  + "  read the latest snapshot with its 20,000 contracts: %.1f ms (min %.1f, max %.1f)%n"
                  + "  read the latest analysis only: %.1f ms (min %.1f, max %.1f)%n",
              db.description, RUNS, WARMUP, jsonBytes, encodeMs,
              median(save), min(save), max(save),
              median(latest), min(latest), max(latest),
              median(latestAnalysis), min(latestAnalysis), max(latestAnalysis));
      System.out.print(report);
      Files.writeString(Path.of("target/benchmark-results.txt"), report, StandardCharsets.UTF_8);
    } finally {
      db.dropSchema(schema);
    }
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }

  private static double min(long[] nanos) {
    return Arrays.stream(nanos).min().orElseThrow() / 1e6;
  }

  private static double max(long[] nanos) {
    return Arrays.stream(nanos).max().orElseThrow() / 1e6;
  }
}

package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.store.DailyHistory;
import io.gex.store.StoredSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several writers of one symbol at once. */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresConcurrencyTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final String SCHEMA = TestDatabase.newSchema("concurrent");
  private static PostgresGexStore store;

  @BeforeAll
  static void setUp() {
    store = DB.store(SCHEMA).maxPoolSize(8).build();
    store.migrate();
  }

  @AfterAll
  static void tearDown() throws Exception {
    store.close();
    DB.dropSchema(SCHEMA);
  }

  @Test
  void save_eightThreadsOneSymbol_keepsEveryRowAndConsistentDailyHistory() throws Exception {
    int threads = 8;
    int perThread = 6;
    Instant open = Instant.parse("2024-03-01T14:30:00Z"); // 09:30 New York
    // 48 snapshots, one a minute, with totals and zero-gamma levels that move up and down.
    List<StoredSnapshot> all = new ArrayList<>();
    for (int i = 0; i < threads * perThread; i++) {
      Instant at = open.plusSeconds(60L * i);
      StoredSnapshot s = Fixtures.snapshot("CONC", at, 4000, i, 40 + i);
      double total = 1.0e9 * Math.sin(i * 0.7) + i * 1.0e7;
      OptionalDouble zero = i % 5 == 0 ? OptionalDouble.empty() : OptionalDouble.of(3950 + (i * 37) % 100);
      GexAnalysis a = Fixtures.withTotals(s.analysis(), total, zero);
      all.add(StoredSnapshot.of(a, s.chain()));
    }
    List<StoredSnapshot> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new java.util.Random(42));

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<StoredSnapshot> mine = shuffled.subList(t * perThread, (t + 1) * perThread);
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (StoredSnapshot s : mine) {
                  store.save(s);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    long contracts = all.stream().mapToLong(s -> s.chain().contracts().size()).sum();
    assertThat(DB.count("SELECT count(*) FROM " + SCHEMA + ".gex_snapshots WHERE symbol = 'CONC'")).isEqualTo(48);
    assertThat(DB.count("SELECT count(*) FROM " + SCHEMA + ".option_data")).isEqualTo(contracts);
    List<GexAnalysis> expected = all.stream().map(StoredSnapshot::analysis).toList();
    assertThat(store.analyses("CONC", Instant.EPOCH, Instant.MAX)).containsExactlyElementsOf(expected);

    DailyHistory day = store.dailyHistory("CONC", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1)).get(0);
    assertThat(day).isEqualTo(DailyHistory.of(expected));
    assertThat(day.snapshots()).isEqualTo(48);
    assertThat(day.openTotalGex()).isEqualTo(expected.get(0).totalGex());
    assertThat(day.closeTotalGex()).isEqualTo(expected.get(47).totalGex());
    assertThat(day.highTotalGex())
        .isEqualTo(expected.stream().mapToDouble(GexAnalysis::totalGex).max().orElseThrow());
    assertThat(day.lowTotalGex())
        .isEqualTo(expected.stream().mapToDouble(GexAnalysis::totalGex).min().orElseThrow());
    // i = 0 has no zero gamma: open is the first that has one (i = 1: 3950 + 37).
    assertThat(day.openZeroGamma()).hasValue(3987);
    assertThat(day.closeZeroGamma()).hasValue(3950 + (47 * 37) % 100);
    assertThat(store.latest("CONC").orElseThrow()).isEqualTo(all.get(47));
  }
}

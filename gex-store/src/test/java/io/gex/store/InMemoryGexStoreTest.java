package io.gex.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.spi.Providers;
import io.gex.store.AlertRecord.Severity;
import io.gex.testing.TestChains;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryGexStoreTest {

  private static final GexEngine ENGINE =
      GexEngine.builder()
          .profilePoints(41)
          .clock(Clock.fixed(Instant.parse("2024-03-01T21:00:00Z"), ZoneOffset.UTC))
          .build();

  static StoredSnapshot snapshot(String symbol, Instant at, double spot, long seed, List<AlertRecord> alerts) {
    OptionChain base = TestChains.random(seed, 40);
    OptionChain chain = new OptionChain(symbol, spot, at, base.contracts(), List.of());
    return new StoredSnapshot(ENGINE.analyze(chain), chain, alerts);
  }

  static AlertRecord alert(String symbol, Instant at, String type, Severity severity) {
    return new AlertRecord("rule", type, severity, symbol, at, "msg", Map.of("level", 4000.0));
  }

  private static final Instant T1 = Instant.parse("2024-03-01T15:00:00Z");
  private static final Instant T2 = Instant.parse("2024-03-01T18:00:00Z");
  private static final Instant T3 = Instant.parse("2024-03-01T20:30:00Z");

  @Test
  void save_threeSnapshots_latestRangeAndDailyHistoryFollowValuationTime() {
    InMemoryGexStore store = new InMemoryGexStore();
    StoredSnapshot a = snapshot("SPX", T1, 3990, 1, List.of());
    StoredSnapshot b = snapshot("SPX", T2, 4010, 2, List.of());
    StoredSnapshot c = snapshot("SPX", T3, 4000, 3, List.of());
    store.save(c);
    store.save(a);
    store.save(b);

    assertThat(store.latest("SPX")).contains(c);
    assertThat(store.latestAnalysis("SPX")).contains(c.analysis());
    assertThat(store.snapshot("SPX", T2)).contains(b);
    assertThat(store.analyses("SPX", T1, T3)).containsExactly(a.analysis(), b.analysis());
    List<DailyHistory> days = store.dailyHistory("SPX", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1));
    assertThat(days).hasSize(1);
    DailyHistory d = days.get(0);
    assertThat(d.openTotalGex()).isEqualTo(a.analysis().totalGex());
    assertThat(d.closeTotalGex()).isEqualTo(c.analysis().totalGex());
    assertThat(d.highTotalGex())
        .isEqualTo(Math.max(a.analysis().totalGex(), Math.max(b.analysis().totalGex(), c.analysis().totalGex())));
    assertThat(d.snapshots()).isEqualTo(3);
    assertThat(d.lastCallWall()).isEqualTo(c.analysis().callWall());
    assertThat(store.latest("NDX")).isEmpty();
  }

  @Test
  void save_sameIdentity_replacesSnapshotAndItsAlerts() {
    InMemoryGexStore store = new InMemoryGexStore();
    store.save(snapshot("SPX", T1, 3990, 1, List.of(alert("SPX", T1, "OLD", Severity.HIGH))));
    StoredSnapshot again = snapshot("SPX", T1, 4020, 2, List.of(alert("SPX", T1, "NEW", Severity.LOW)));
    store.save(again);

    assertThat(store.latest("SPX")).contains(again);
    assertThat(store.alerts(AlertQuery.of("SPX", Instant.EPOCH, Instant.MAX)))
        .extracting(AlertRecord::type)
        .containsExactly("NEW");
    assertThat(store.dailyHistory("SPX", LocalDate.MIN, LocalDate.MAX).get(0).snapshots()).isEqualTo(1);
  }

  @Test
  void alerts_filteredAndNewestFirst() {
    InMemoryGexStore store = new InMemoryGexStore();
    List<AlertRecord> alerts =
        List.of(
            alert("SPX", T1, "A", Severity.INFO),
            alert("SPX", T2, "B", Severity.CRITICAL),
            alert("SPX", T3, "A", Severity.MEDIUM));
    store.save(snapshot("SPX", T3, 4000, 1, alerts));
    AlertQuery all = AlertQuery.of("SPX", T1, T3.plusSeconds(1));
    assertThat(store.alerts(all)).containsExactly(alerts.get(2), alerts.get(1), alerts.get(0));
    assertThat(store.alerts(all.withMinSeverity(Severity.MEDIUM))).containsExactly(alerts.get(2), alerts.get(1));
    assertThat(store.alerts(all.withType("A").withLimit(1))).containsExactly(alerts.get(2));
  }

  @Test
  void purgeBefore_countsWhatGoes_andKeepsDailyHistory() {
    InMemoryGexStore store = new InMemoryGexStore();
    store.save(snapshot("SPX", T1, 4000, 1, List.of(alert("SPX", T1, "A", Severity.INFO))));
    store.save(snapshot("SPX", T3, 4000, 2, List.of()));
    assertThat(store.purgeBefore(T2)).isEqualTo(new PurgeResult(1, 40, 1));
    assertThat(store.analyses("SPX", Instant.EPOCH, Instant.MAX)).hasSize(1);
    assertThat(store.dailyHistory("SPX", LocalDate.MIN, LocalDate.MAX)).hasSize(1);
    assertThat(store.health().detail()).isEqualTo("in memory, 1 snapshots");
  }

  @Test
  void save_concurrentWriters_allSnapshotsKeptAndHistoryCountsThem() throws Exception {
    InMemoryGexStore store = new InMemoryGexStore();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 10; i++) {
                  store.save(snapshot("SPX", T1.plusSeconds(60L * (thread * 10 + i)), 4000, i, List.of()));
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(store.analyses("SPX", Instant.EPOCH, Instant.MAX)).hasSize(40);
    DailyHistory d = store.dailyHistory("SPX", LocalDate.MIN, LocalDate.MAX).get(0);
    assertThat(d.snapshots()).isEqualTo(40);
    assertThat(d.firstValuationTime()).isEqualTo(T1);
    assertThat(d.lastValuationTime()).isEqualTo(T1.plusSeconds(60L * 39));
  }

  @Test
  void analyses_toBeforeFrom_throws() {
    assertThatThrownBy(() -> new InMemoryGexStore().analyses("SPX", T2, T1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("to must not be before from");
  }

  @Test
  void discover_noProviderOnCorePath_fallsBackToMemory() {
    Providers.Report<GexStore> report = GexStore.discover();
    assertThat(report.selection()).isEqualTo(Providers.Selection.DEFAULT);
    assertThat(report.require().id()).isEqualTo("memory");
  }
}

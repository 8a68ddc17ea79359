package io.gex.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.testing.TestChains;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GexStoreRecorderTest {

  /** A store whose save always fails with the given exception. */
  private static GexStore failing(RuntimeException failure) {
    return new GexStore() {
      @Override
      public String id() {
        return "failing";
      }

      @Override
      public void save(StoredSnapshot snapshot) {
        throw failure;
      }

      @Override
      public Optional<StoredSnapshot> latest(String symbol) {
        return Optional.empty();
      }

      @Override
      public Optional<StoredSnapshot> snapshot(String symbol, Instant valuationTime) {
        return Optional.empty();
      }

      @Override
      public List<GexAnalysis> analyses(String symbol, Instant from, Instant to) {
        return List.of();
      }

      @Override
      public List<AlertRecord> alerts(AlertQuery query) {
        return List.of();
      }

      @Override
      public List<DailyHistory> dailyHistory(String symbol, LocalDate from, LocalDate to) {
        return List.of();
      }

      @Override
      public PurgeResult purgeBefore(Instant cutoff) {
        return PurgeResult.NONE;
      }

      @Override
      public StoreHealth health() {
        return StoreHealth.down("failing", "always", Duration.ZERO);
      }
    };
  }

  private final GexEngine engine = GexEngine.builder().build();
  private final OptionChain chain = TestChains.fourContracts();

  @Test
  void analyzeAndStore_storeThrowsStorageException_returnsAnalysisAndThatFailure() {
    GexStorageException down = new GexStorageException("connection refused");
    GexStoreRecorder.Recorded r = new GexStoreRecorder(engine, failing(down)).analyzeAndStore(chain);
    assertThat(r.analysis().symbol()).isEqualTo("SPX");
    assertThat(r.analysis().coverage().contractsUsed()).isEqualTo(4);
    assertThat(r.stored()).isFalse();
    assertThat(r.storageFailure()).containsSame(down);
  }

  @Test
  void analyzeAndStore_storeThrowsAnythingElse_wrapsItAsStorageFailure() {
    IllegalStateException bug = new IllegalStateException("bug in store");
    GexStoreRecorder.Recorded r = new GexStoreRecorder(engine, failing(bug)).analyzeAndStore(chain);
    assertThat(r.analysis().totalGex()).isNotZero();
    assertThat(r.storageFailure().orElseThrow()).hasCause(bug);
  }

  @Test
  void analyzeAndStore_workingStore_storesSnapshotWithAlerts() {
    InMemoryGexStore store = new InMemoryGexStore();
    GexStoreRecorder.Recorded r =
        new GexStoreRecorder(engine, store)
            .analyzeAndStore(
                chain,
                a ->
                    List.of(
                        new AlertRecord(
                            "regime", "REGIME", AlertRecord.Severity.INFO, a.symbol(), a.valuationTime(),
                            "regime " + a.regime(), Map.of("totalGex", a.totalGex()))));
    assertThat(r.stored()).isTrue();
    StoredSnapshot stored = store.latest("SPX").orElseThrow();
    assertThat(stored.analysis()).isEqualTo(r.analysis());
    assertThat(stored.chain()).isEqualTo(chain);
    assertThat(stored.alerts()).singleElement().satisfies(a -> assertThat(a.figures()).containsEntry("totalGex", r.analysis().totalGex()));
  }
}

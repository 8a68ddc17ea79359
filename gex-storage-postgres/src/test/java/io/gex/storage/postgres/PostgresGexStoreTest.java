package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.chain.OptionChain;
import io.gex.store.AlertQuery;
import io.gex.store.AlertRecord.Severity;
import io.gex.store.AlertRecord;
import io.gex.store.DailyHistory;
import io.gex.store.GexStorageException;
import io.gex.store.PurgeResult;
import io.gex.store.StoreHealth;
import io.gex.store.StoredSnapshot;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips of every stored type against a real PostgreSQL, in a schema of its own. */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresGexStoreTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final String SCHEMA = TestDatabase.newSchema("store");
  private static PostgresGexStore store;

  /** 2024-03-01 09:45 and 15:00 New York; 2024-02-29 10:00 New York. */
  private static final Instant MORNING = Instant.parse("2024-03-01T14:45:00Z");

  private static final Instant AFTERNOON = Instant.parse("2024-03-01T20:00:00Z");
  private static final Instant DAY_BEFORE = Instant.parse("2024-02-29T15:00:00Z");

  @BeforeAll
  static void setUp() {
    store = DB.store(SCHEMA).build();
    assertThat(store.migrate()).containsExactly(1, 2);
  }

  @AfterAll
  static void tearDown() throws Exception {
    store.close();
    DB.dropSchema(SCHEMA);
  }

  @Test
  void save_snapshotWithEveryField_readsBackEqual() throws Exception {
    OptionChain chain = Fixtures.richChain("RT1", AFTERNOON);
    GexAnalysis analysis = Fixtures.ENGINE.analyze(chain);
    List<AlertRecord> alerts =
        List.of(
            Fixtures.alert("RT1", AFTERNOON, "ZERO_GAMMA_CROSS", Severity.HIGH, 4001.5),
            Fixtures.alert("RT1", AFTERNOON.minusSeconds(60), "WALL_BREAK", Severity.LOW, 4100));
    StoredSnapshot snapshot = new StoredSnapshot(analysis, chain, alerts);

    store.save(snapshot);

    StoredSnapshot latest = store.latest("RT1").orElseThrow();
    assertThat(latest).isEqualTo(snapshot);
    assertThat(latest.chain().contracts()).hasSize(5);
    assertThat(latest.chain().contracts().get(0).volume().getAsLong()).isEqualTo(987_654_321_012L);
    assertThat(latest.chain().diagnostics()).isEqualTo(chain.diagnostics());
    assertThat(latest.alerts().get(0).figures()).containsEntry("tiny", 1.0e-300);
    assertThat(store.snapshot("RT1", AFTERNOON)).contains(snapshot);
    assertThat(store.latestAnalysis("RT1")).contains(analysis);
    assertThat(store.latest("NOPE")).isEmpty();
    assertThat(store.snapshot("RT1", AFTERNOON.plusSeconds(1))).isEmpty();
  }

  @Test
  void save_perStrikeSeries_areStoredAsFloat8Arrays() throws Exception {
    StoredSnapshot s = Fixtures.snapshot("ARR", AFTERNOON, 4000, 7, 300);
    store.save(s);
    try (Connection c = DB.admin();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT strikes, net_gex_by_strike, total_gex, contract_count, trading_date, sign_convention"
                    + " FROM " + SCHEMA + ".gex_snapshots WHERE symbol = 'ARR'")) {
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(doubles(rs.getArray(1))).containsExactly(s.analysis().exposures().byStrike().strikes().toArray());
        assertThat(doubles(rs.getArray(2))).containsExactly(s.analysis().exposures().byStrike().netGex().toArray());
        assertThat(rs.getDouble(3)).isEqualTo(s.analysis().totalGex());
        assertThat(rs.getInt(4)).isEqualTo(300);
        assertThat(rs.getObject(5, LocalDate.class)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(rs.getString(6)).isEqualTo("DEALER_LONG_CALLS_SHORT_PUTS");
      }
    }
    assertThat(DB.count("SELECT count(*) FROM " + SCHEMA + ".option_data o JOIN " + SCHEMA
            + ".gex_snapshots s ON s.id = o.snapshot_id WHERE s.symbol = 'ARR'")).isEqualTo(300);
  }

  private static double[] doubles(Array array) throws Exception {
    Object[] boxed = (Object[]) array.getArray();
    double[] out = new double[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      out[i] = ((Number) boxed[i]).doubleValue();
    }
    return out;
  }

  @Test
  void save_sameIdentityTwice_replacesContractsAndAlerts() throws Exception {
    StoredSnapshot first = Fixtures.snapshot("REP", AFTERNOON, 4000, 1, 50);
    StoredSnapshot second =
        new StoredSnapshot(
            Fixtures.snapshot("REP", AFTERNOON, 4010, 2, 80).analysis(),
            Fixtures.chain("REP", AFTERNOON, 4010, 2, 80),
            List.of(Fixtures.alert("REP", AFTERNOON, "T", Severity.INFO, 1)));
    store.save(new StoredSnapshot(first.analysis(), first.chain(),
        List.of(Fixtures.alert("REP", AFTERNOON, "OLD", Severity.CRITICAL, 9))));
    store.save(second);

    assertThat(store.latest("REP")).contains(second);
    assertThat(store.alerts(AlertQuery.of("REP", Instant.EPOCH, Instant.MAX))).containsExactlyElementsOf(second.alerts());
    assertThat(DB.count("SELECT count(*) FROM " + SCHEMA + ".gex_snapshots WHERE symbol = 'REP'")).isEqualTo(1);
    assertThat(DB.count("SELECT count(*) FROM " + SCHEMA + ".option_data o JOIN " + SCHEMA
            + ".gex_snapshots s ON s.id = o.snapshot_id WHERE s.symbol = 'REP'")).isEqualTo(80);
    DailyHistory day = store.dailyHistory("REP", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1)).get(0);
    assertThat(day.snapshots()).isEqualTo(1);
    assertThat(day.closeTotalGex()).isEqualTo(second.analysis().totalGex());
  }

  @Test
  void analysesAndDailyHistory_overTwoDays_matchDefinition() {
    // Four snapshots over two trading days with chosen totals and zero-gamma levels.
    GexAnalysis d1 = analysis("HIST", DAY_BEFORE, 11, 5.0e9, OptionalDouble.empty());
    GexAnalysis m = analysis("HIST", MORNING, 12, -2.0e9, OptionalDouble.of(4010));
    GexAnalysis noon = analysis("HIST", MORNING.plusSeconds(3 * 3600), 13, 7.5e9, OptionalDouble.empty());
    GexAnalysis a = analysis("HIST", AFTERNOON, 14, 1.0e9, OptionalDouble.of(3990.5));
    // Saved out of order: open/close follow valuation time, not save order.
    for (GexAnalysis x : List.of(a, d1, noon, m)) {
      store.save(StoredSnapshot.of(x, Fixtures.chain("HIST", x.valuationTime(), x.spot(), 1, 20)));
    }

    assertThat(store.analyses("HIST", MORNING, AFTERNOON)).containsExactly(m, noon);
    assertThat(store.analyses("HIST", Instant.EPOCH, Instant.MAX)).containsExactly(d1, m, noon, a);

    List<DailyHistory> days = store.dailyHistory("HIST", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 31));
    assertThat(days).containsExactly(DailyHistory.of(List.of(d1)), DailyHistory.of(List.of(m, noon, a)));
    DailyHistory mar1 = days.get(1);
    assertThat(mar1.tradingDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(mar1.openTotalGex()).isEqualTo(-2.0e9);
    assertThat(mar1.highTotalGex()).isEqualTo(7.5e9);
    assertThat(mar1.lowTotalGex()).isEqualTo(-2.0e9);
    assertThat(mar1.closeTotalGex()).isEqualTo(1.0e9);
    assertThat(mar1.openZeroGamma()).hasValue(4010);
    assertThat(mar1.lowZeroGamma()).hasValue(3990.5);
    assertThat(mar1.closeZeroGamma()).hasValue(3990.5);
    assertThat(mar1.snapshots()).isEqualTo(3);
    assertThat(days.get(0).openZeroGamma()).isEmpty();
    assertThat(store.dailyHistory("HIST", LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 9))).isEmpty();
  }

  private static GexAnalysis analysis(String symbol, Instant at, long seed, double total, OptionalDouble zero) {
    return Fixtures.withTotals(Fixtures.snapshot(symbol, at, 4000, seed, 20).analysis(), total, zero);
  }

  @Test
  void alerts_filteredBySeverityTypeAndTime_newestFirst() {
    Instant t0 = Instant.parse("2024-03-01T15:00:00Z");
    List<AlertRecord> alerts =
        List.of(
            Fixtures.alert("ALR", t0, "ZERO_GAMMA_CROSS", Severity.INFO, 1),
            Fixtures.alert("ALR", t0.plusSeconds(10), "ZERO_GAMMA_CROSS", Severity.HIGH, 2),
            Fixtures.alert("ALR", t0.plusSeconds(20), "WALL_BREAK", Severity.CRITICAL, 3),
            Fixtures.alert("ALR", t0.plusSeconds(30), "WALL_BREAK", Severity.MEDIUM, 4));
    StoredSnapshot s = Fixtures.snapshot("ALR", t0, 4000, 3, 10);
    store.save(new StoredSnapshot(s.analysis(), s.chain(), alerts));

    AlertQuery all = AlertQuery.of("ALR", t0, t0.plusSeconds(60));
    assertThat(store.alerts(all)).containsExactly(alerts.get(3), alerts.get(2), alerts.get(1), alerts.get(0));
    assertThat(store.alerts(all.withMinSeverity(Severity.HIGH))).containsExactly(alerts.get(2), alerts.get(1));
    assertThat(store.alerts(all.withType("WALL_BREAK"))).containsExactly(alerts.get(3), alerts.get(2));
    assertThat(store.alerts(all.withType("WALL_BREAK").withMinSeverity(Severity.CRITICAL)))
        .containsExactly(alerts.get(2));
    assertThat(store.alerts(AlertQuery.of("ALR", t0.plusSeconds(10), t0.plusSeconds(30))))
        .containsExactly(alerts.get(2), alerts.get(1));
    assertThat(store.alerts(all.withLimit(1))).containsExactly(alerts.get(3));
    assertThat(store.alerts(AlertQuery.of("OTHER", t0, t0.plusSeconds(60)))).isEmpty();
  }

  @Test
  void purgeBefore_deletesOldSnapshotsContractsAndAlerts_keepsHistory() throws Exception {
    Instant old1 = Instant.parse("2023-01-03T15:00:00Z");
    Instant old2 = Instant.parse("2023-01-04T15:00:00Z");
    Instant recent = Instant.parse("2024-03-01T15:30:00Z");
    try (PostgresGexStore small = DB.store(SCHEMA).purgeBatchSize(1).build()) {
      small.save(new StoredSnapshot(
          Fixtures.snapshot("PRG", old1, 4000, 1, 30).analysis(), Fixtures.chain("PRG", old1, 4000, 1, 30),
          List.of(Fixtures.alert("PRG", old1, "X", Severity.LOW, 1))));
      small.save(Fixtures.snapshot("PRG", old2, 4000, 2, 40));
      StoredSnapshot keep = Fixtures.snapshot("PRG", recent, 4000, 3, 25);
      small.save(keep);

      PurgeResult result = small.purgeBefore(Instant.parse("2024-01-01T00:00:00Z"));

      // Other test methods' snapshots are all dated 2024-02-29 or later, so only these two go.
      assertThat(result).isEqualTo(new PurgeResult(2, 70, 1));
      assertThat(small.analyses("PRG", Instant.EPOCH, Instant.MAX)).containsExactly(keep.analysis());
      assertThat(small.latest("PRG")).contains(keep);
      assertThat(small.dailyHistory("PRG", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31)))
          .extracting(DailyHistory::tradingDate)
          .containsExactly(LocalDate.of(2023, 1, 3), LocalDate.of(2023, 1, 4), LocalDate.of(2024, 3, 1));
      assertThat(small.purgeBefore(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(PurgeResult.NONE);
    }
  }

  @Test
  void health_migratedSchema_isUpAtTheLatestVersion() {
    StoreHealth health = store.health();
    assertThat(health.healthy()).isTrue();
    assertThat(health.store()).isEqualTo("postgres");
    assertThat(health.detail()).contains("schema " + SCHEMA + " at version 2").startsWith("PostgreSQL ");
  }

  @Test
  void health_closedPort_isDownWithoutThrowing() throws Exception {
    try (PostgresGexStore down = ClosedPort.store()) {
      StoreHealth health = down.health();
      assertThat(health.healthy()).isFalse();
      assertThat(health.detail()).contains("cannot query schema gex");
    }
  }

  @Test
  void save_snapshotValuedWithNanoseconds_keepsAnalysisExact() {
    Instant at = Instant.parse("2024-03-01T18:00:00.123456789Z");
    StoredSnapshot s = Fixtures.snapshot("NANO", at, 4000, 5, 10);
    store.save(s);
    assertThat(store.latest("NANO")).contains(s);
    assertThat(store.latest("NANO").orElseThrow().valuationTime()).isEqualTo(at);
  }

  @Test
  void schemaName_notAnIdentifier_isRejected() {
    assertThatThrownBy(() -> PostgresGexStore.builder().schema("gex; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema must be a plain identifier");
  }

  @Test
  void save_onMissingSchema_throwsGexStorageExceptionWithSqlCause() {
    try (PostgresGexStore unmigrated = DB.store(TestDatabase.newSchema("missing")).build()) {
      assertThatThrownBy(() -> unmigrated.save(Fixtures.snapshot("X", AFTERNOON, 4000, 1, 5)))
          .isInstanceOf(GexStorageException.class)
          .hasMessageContaining("SQLState 42P01")
          .hasCauseInstanceOf(java.sql.SQLException.class);
    }
  }

  @Test
  void redact_urlWithCredentials_dropsThem() {
    assertThat(PostgresGexStore.redact("jdbc:postgresql://db:5432/gex?user=u&password=secret&sslmode=require"))
        .isEqualTo("jdbc:postgresql://db:5432/gex");
    assertThat(PostgresGexStore.redact("jdbc:postgresql://u:secret@db/gex")).isEqualTo("jdbc:postgresql://***@db/gex");
  }
}

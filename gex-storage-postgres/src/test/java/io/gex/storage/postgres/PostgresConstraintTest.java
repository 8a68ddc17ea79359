package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema's keys and checks reject bad rows written past the store, with the right SQLState. */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresConstraintTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final String SCHEMA = TestDatabase.newSchema("constraint");
  private static long snapshotId;

  private static final String SNAPSHOT_COLUMNS =
      "(symbol, valuation_time, trading_date, analyzed_at, spot, total_gex, call_gex, put_gex, regime,"
          + " sign_convention, contracts_used, contracts_skipped, contract_count, strikes, call_gex_by_strike,"
          + " put_gex_by_strike, net_gex_by_strike, analysis, chain_diagnostics)";

  /** A valid snapshot row; tests replace one value with a bad one. */
  private static final String GOOD_SNAPSHOT =
      "('SPX', '2024-03-01T20:00:00Z', '2024-03-01', now(), 4000, 1e9, 2e9, -1e9, 'POSITIVE',"
          + " 'DEALER_LONG_CALLS_SHORT_PUTS', 1, 0, 1, '{4000}', '{2e9}', '{-1e9}', '{1e9}', '{}', '[]')";

  @BeforeAll
  static void setUp() throws Exception {
    try (PostgresGexStore store = DB.store(SCHEMA).build()) {
      store.migrate();
      store.save(Fixtures.snapshot("SPX", java.time.Instant.parse("2024-03-01T19:00:00Z"), 4000, 1, 3));
    }
    snapshotId = DB.count("SELECT id FROM " + SCHEMA + ".gex_snapshots");
  }

  @AfterAll
  static void tearDown() throws Exception {
    DB.dropSchema(SCHEMA);
  }

  private static void exec(String sql) throws SQLException {
    try (Connection c = DB.admin();
        Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + SCHEMA);
      st.execute(sql);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "negative spot        | 4000, 1e9,         | -4000, 1e9,        | 23514",
        "NaN total            | 4000, 1e9,         | 4000, 'NaN',       | 23514",
        "unknown regime       | 'POSITIVE'         | 'SIDEWAYS'         | 23514",
        "unknown convention   | 'DEALER_LONG_CALLS_SHORT_PUTS' | 'BOTH' | 23514",
        "trading date not NY  | '2024-03-01', now() | '2024-03-02', now() | 23514",
        "misaligned series    | '{2e9}'            | '{2e9,1}'          | 23514",
        "analysis not object  | '{}', '[]'         | '[]', '[]'         | 23514",
        "null symbol          | ('SPX',            | (NULL,             | 23502",
        "duplicate identity   | '2024-03-01T20:00:00Z' | '2024-03-01T19:00:00Z' | 23505",
      })
  void insertSnapshot_badValue_isRejected(String name, String good, String bad, String sqlState) {
    String row = GOOD_SNAPSHOT.replace(good.strip(), bad.strip());
    assertThat(row).isNotEqualTo(GOOD_SNAPSHOT);
    assertThatThrownBy(() -> exec("INSERT INTO gex_snapshots " + SNAPSHOT_COLUMNS + " VALUES " + row))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "strike zero          | 'C', 4000, | 'C', 0,     | 23514",
        "right X              | 'C', 4000, | 'X', 4000,  | 23514",
        "negative OI          | 'PM', 10,  | 'PM', -10,  | 23514",
        "settlement NOON      | 'PM', 10,  | 'NOON', 10, | 23514",
        "delta above one      | 0.5, 0.01, | 1.5, 0.01,  | 23514",
        "spot at quote zero   | 0.01, 4010) | 0.01, 0)   | 23514",
        "unknown snapshot     | (#ID#,     | (-1,        | 23503",
        "duplicate ordinal    | #ID#, 7,   | #ID#, 0,    | 23505",
      })
  void insertContract_badValue_isRejected(String name, String good, String bad, String sqlState) {
    String goodRow =
        "(#ID#, 7, 'SPXW', '2024-03-28', 'C', 4000, 'PM', 10, 0.2, NULL, NULL, NULL, NULL, 0.5, 0.01, 4010)";
    String row = goodRow.replace(good.strip(), bad.strip()).replace("#ID#", Long.toString(snapshotId));
    assertThat(row).isNotEqualTo(goodRow.replace("#ID#", Long.toString(snapshotId)));
    assertThatThrownBy(() -> exec("INSERT INTO option_data (" + ContractCopy.COLUMNS + ") VALUES " + row))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "unknown severity     | 'HIGH', 3  | 'SEVERE', 3 | 23514",
        "rank disagrees       | 'HIGH', 3  | 'HIGH', 1   | 23514",
        "figures not object   | '{\"a\": 1}' | '[1]'     | 23514",
      })
  void insertAlert_badValue_isRejected(String name, String good, String bad, String sqlState) {
    String goodRow = "(NULL, 0, 'SPX', now(), 'r', 'T', 'HIGH', 3, 'm', '{\"a\": 1}')";
    String row = goodRow.replace(good.strip(), bad.strip());
    assertThat(row).isNotEqualTo(goodRow);
    assertThatThrownBy(
            () ->
                exec(
                    "INSERT INTO alert_history (snapshot_id, ordinal, symbol, raised_at, rule_id, alert_type,"
                        + " severity, severity_rank, message, figures) VALUES "
                        + row))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "open above high      | 1, 3, 0, 2, | 4, 3, 0, 2, | 23514",
        "zero gamma partial   | 10, 12, 9, 11 | 10, NULL, 9, 11 | 23514",
        "no snapshots         | , 1, now()  | , 0, now()  | 23514",
      })
  void insertHistory_badValue_isRejected(String name, String good, String bad, String sqlState) {
    String goodRow = "('SPX', '2024-03-01', 1, 3, 0, 2, 10, 12, 9, 11, NULL, NULL, 1, now(), now())";
    String row = goodRow.replace(good.strip(), bad.strip());
    assertThat(row).isNotEqualTo(goodRow);
    assertThatThrownBy(
            () ->
                exec(
                    "INSERT INTO historical_gex_data (symbol, trading_date, open_total_gex, high_total_gex,"
                        + " low_total_gex, close_total_gex, open_zero_gamma, high_zero_gamma, low_zero_gamma,"
                        + " close_zero_gamma, last_call_wall, last_put_wall, snapshot_count,"
                        + " first_valuation_time, last_valuation_time) VALUES "
                        + row))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
  }
}

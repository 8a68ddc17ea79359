package io.gex.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.store.AlertQuery;
import io.gex.store.AlertRecord.Severity;
import io.gex.store.PurgeResult;
import io.gex.store.StoredSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** After migration, the store needs only DML rights. */
@org.junit.jupiter.api.extension.ExtendWith(PostgresAvailable.class)
class PostgresDmlRoleTest {

  private static final TestDatabase DB = TestDatabase.get();
  private static final String SCHEMA = TestDatabase.newSchema("dml");
  private static final String ROLE = SCHEMA + "_app";

  @BeforeAll
  static void setUp() throws Exception {
    try (PostgresGexStore owner = DB.store(SCHEMA).build()) {
      owner.migrate();
    }
    try (Connection c = DB.admin();
        Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + ROLE + " LOGIN");
      st.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + ROLE);
      st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + ROLE);
      st.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + SCHEMA + " TO " + ROLE);
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    DB.dropSchema(SCHEMA);
    try (Connection c = DB.admin();
        Statement st = c.createStatement()) {
      st.execute("DROP OWNED BY " + ROLE);
      st.execute("DROP ROLE " + ROLE);
    }
  }

  private static PostgresGexStore appStore() {
    return PostgresGexStore.builder()
        .jdbcUrl(DB.url)
        .user(ROLE)
        .schema(SCHEMA)
        .retryPolicy(RetryPolicy.NONE)
        .build();
  }

  @Test
  void dmlOnlyRole_savesReadsPurgesAndMigratesNothing_butCannotRunDdl() throws Exception {
    Instant at = Instant.parse("2024-03-01T20:00:00Z");
    Instant old = Instant.parse("2023-06-01T15:00:00Z");
    try (PostgresGexStore store = appStore()) {
      StoredSnapshot s = Fixtures.snapshot("DML", at, 4000, 1, 500);
      StoredSnapshot withAlert =
          new StoredSnapshot(s.analysis(), s.chain(), List.of(Fixtures.alert("DML", at, "T", Severity.MEDIUM, 2)));
      store.save(withAlert);
      store.save(Fixtures.snapshot("DML", old, 4000, 2, 100));

      assertThat(store.latest("DML")).contains(withAlert);
      assertThat(store.alerts(AlertQuery.of("DML", Instant.EPOCH, Instant.MAX))).hasSize(1);
      assertThat(store.dailyHistory("DML", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31))).hasSize(2);
      assertThat(store.purgeBefore(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(new PurgeResult(1, 100, 0));
      assertThat(store.health().healthy()).isTrue();
      // The schema is current: migrate() needs no DDL then.
      assertThat(store.migrate()).isEmpty();
    }
    try (Connection c = DB.connect(ROLE, null);
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.execute("CREATE TABLE " + SCHEMA + ".intruder (x int)"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> st.execute("DROP TABLE " + SCHEMA + ".option_data"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> st.execute("ALTER TABLE " + SCHEMA + ".gex_snapshots ADD COLUMN y int"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }
}

package io.gex.storage.postgres;

import io.gex.store.GexStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Applies the versioned scripts under {@code db/migration} (Flyway names: {@code V<n>__<description>.sql})
 * to one schema, in one transaction, under a transaction-level advisory lock keyed by the schema name, so
 * that two processes migrating at once apply each script once and the second finds nothing to do. Applied
 * scripts are recorded, with a CRC32 checksum, in {@code gex_schema_history}; a script changed after it
 * was applied is refused.
 */
final class SchemaMigrator {

  /** The scripts in order; a test checks that this lists every file in the folder. */
  static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__spot_at_quote.sql");

  static final String HISTORY_TABLE = "gex_schema_history";

  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  private SchemaMigrator() {}

  record Script(int version, String description, String name, String sql, long checksum) {}

  static List<Script> scripts() {
    List<Script> out = new ArrayList<>();
    for (String name : SCRIPTS) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException("migration name must be V<n>__<description>.sql, was " + name);
      }
      String sql = read("/db/migration/" + name);
      CRC32 crc = new CRC32();
      crc.update(sql.getBytes(StandardCharsets.UTF_8));
      out.add(
          new Script(
              Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), name, sql, crc.getValue()));
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + resource, e);
    }
  }

  /**
   * Migrates the schema on this connection, committing at the end.
   *
   * @return the versions applied now, ascending (empty if the schema was current)
   */
  static List<Integer> migrate(Connection c, String schema) throws SQLException {
    String quoted = PostgresGexStore.quote(schema);
    return Transactions.run(c, false, () -> {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
        lock.setString(1, "gex-migrate:" + schema);
        lock.execute();
      }
      boolean exists;
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
        ps.setString(1, schema);
        try (ResultSet rs = ps.executeQuery()) {
          exists = rs.next();
        }
      }
      try (Statement st = c.createStatement()) {
        if (!exists) {
          st.execute("CREATE SCHEMA " + quoted);
        }
        st.execute("SET LOCAL search_path TO " + quoted);
      }
      boolean historyExists;
      try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
        ps.setString(1, quoted + "." + HISTORY_TABLE);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          historyExists = rs.getBoolean(1);
        }
      }
      // Only DDL when something is missing, so that a role with DML rights alone may call this on a current
      // schema.
      if (!historyExists) {
        try (Statement st = c.createStatement()) {
          st.execute(
            "CREATE TABLE "
                + HISTORY_TABLE
                + " (version integer PRIMARY KEY, description text NOT NULL, script text NOT NULL,"
                + " checksum bigint NOT NULL, installed_by text NOT NULL DEFAULT current_user,"
                + " installed_on timestamptz NOT NULL DEFAULT now(), execution_time_ms integer NOT NULL,"
                + " success boolean NOT NULL)");
        }
      }
      Map<Integer, Long> applied = new HashMap<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + HISTORY_TABLE)) {
        while (rs.next()) {
          applied.put(rs.getInt(1), rs.getLong(2));
        }
      }
      List<Integer> now = new ArrayList<>();
      for (Script script : scripts()) {
        Long checksum = applied.get(script.version());
        if (checksum != null) {
          if (checksum != script.checksum()) {
            throw new GexStorageException(
                "migration "
                    + script.name()
                    + " was changed after it was applied to schema "
                    + schema
                    + " (checksum "
                    + checksum
                    + ", now "
                    + script.checksum()
                    + "); add a new migration instead");
          }
          continue;
        }
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
          st.execute(script.sql());
        }
        int millis = (int) ((System.nanoTime() - t0) / 1_000_000);
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO "
                    + HISTORY_TABLE
                    + " (version, description, script, checksum, execution_time_ms, success)"
                    + " VALUES (?, ?, ?, ?, ?, true)")) {
          ps.setInt(1, script.version());
          ps.setString(2, script.description());
          ps.setString(3, script.name());
          ps.setLong(4, script.checksum());
          ps.setInt(5, millis);
          ps.executeUpdate();
        }
        now.add(script.version());
      }
      return List.copyOf(now);
    });
  }
}

package io.gex.storage.postgres;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gex.GexAnalysis;
import io.gex.analysis.GexByStrike;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.chain.SettlementStyle;
import io.gex.json.GexJson;
import io.gex.store.AlertQuery;
import io.gex.store.AlertRecord;
import io.gex.store.DailyHistory;
import io.gex.store.GexStorageException;
import io.gex.store.GexStore;
import io.gex.store.PurgeResult;
import io.gex.store.StoreHealth;
import io.gex.store.StoredSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GexStore} in PostgreSQL (12 or later; tested on 15 and 18). Tables, in one schema (default
 * {@value #DEFAULT_SCHEMA}): {@code gex_snapshots} (headline figures, sign convention, per-strike series as
 * {@code float8[]} and the whole analysis as {@code jsonb}), {@code option_data} (each snapshot's raw
 * contracts), {@code alert_history} and {@code historical_gex_data} (one row per symbol and trading day).
 *
 * <p><b>Schema.</b> {@link #migrate()} applies the versioned scripts shipped in the jar ({@code
 * db/migration/V1__init.sql}, Flyway names) under an advisory lock; it is idempotent and safe when several
 * processes migrate at once. Only migrating needs DDL rights: the store itself runs with SELECT, INSERT,
 * UPDATE and DELETE on the tables and USAGE on the schema.
 *
 * <p><b>Writes.</b> {@link #save} writes the snapshot row, its contracts (with {@code COPY}), its alerts
 * and the day's history in one transaction, serialised per symbol by a transaction-level advisory lock;
 * a reader sees all of it or nothing. Reads of a whole snapshot run in one read-only repeatable-read
 * transaction. Every statement is prepared; the only text put into SQL is the schema name, which must be
 * a plain identifier.
 *
 * <p><b>Failures.</b> Transient failures (see {@link RetryPolicy}) are retried with bounded backoff
 * within a time budget; the final failure, and every other one, surfaces as {@link GexStorageException}
 * with the driver's exception as its cause. A save whose connection broke at commit, so that it may have
 * been committed, surfaces as {@link CommitOutcomeUnknownException}; saves are idempotent, so saving
 * again is safe. A server that refuses connections fails an operation in about 2 s by default: the pool
 * waits {@link Builder#connectionTimeout} (2 s) for a connection, the driver gives each connection
 * attempt {@link Builder#connectTimeout} (2 s), and a connection the pool could not open is not retried.
 * Use {@link io.gex.store.GexStoreRecorder} so that a store that is down never stops an analysis.
 *
 * <p><b>Configuration.</b> Give it the application's {@link DataSource}, or a JDBC URL and credentials
 * from which it builds (and on {@link #close()} closes) a HikariCP pool. Driver properties, such as the
 * TLS settings {@code sslmode}, {@code sslrootcert}, {@code sslcert} and {@code sslkey}, pass through to
 * the driver, in the URL or with {@link Builder#driverProperty}. Found by {@link java.util.ServiceLoader},
 * the store reads {@link Builder#fromEnvironment() the environment}: {@code GEX_PG_URL}, {@code
 * GEX_PG_USER}, {@code GEX_PG_PASSWORD}, {@code GEX_PG_SCHEMA}, {@code GEX_PG_MIGRATE}, {@code
 * GEX_PG_CONNECT_TIMEOUT}, {@code GEX_PG_POOL_TIMEOUT}, {@code GEX_PG_RETRY_ATTEMPTS}, {@code
 * GEX_PG_RETRY_BUDGET} (or the system properties {@code gex.pg.url} and so on). Credentials are never logged, and the URL is shown without
 * its query string.
 *
 * <p>This class is thread-safe.
 */
public final class PostgresGexStore implements GexStore {

  /** The id of this store: {@value}. */
  public static final String ID = "postgres";

  /** The default schema: {@value}. */
  public static final String DEFAULT_SCHEMA = "gex";

  /** The number of snapshots {@link #purgeBefore} deletes per transaction by default: {@value}. */
  public static final int DEFAULT_PURGE_BATCH = 20;

  /** How long an operation waits for a connection from the pool the store builds, by default: 2 s. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  /** How long the driver may take to open one connection, by default: 2 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(PostgresGexStore.class);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  /** First key of the two-int advisory locks that serialise saves per symbol ("gexs"). */
  private static final int SAVE_LOCK_CLASS = 0x67657873;
  private static final int COPY_CHUNK_CHARS = 1 << 16;
  private static final int ALERT_PURGE_BATCH = 5_000;
  private static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

  private final DataSource dataSource;
  private final @Nullable HikariDataSource ownedPool;
  private final String schema;
  private final String description;
  private final RetryPolicy retry;
  private final int purgeBatch;
  private final boolean migrateOnFirstUse;
  private final AtomicBoolean migrated = new AtomicBoolean();
  private final SaveHook hook;
  private final Sql sql;
  private final Attempts attempts;
  private final ObjectMapper mapper = GexJson.mapper();
  private final JavaType diagnosticsType;
  private final JavaType figuresType;

  /**
   * The store configured from the environment, for {@link java.util.ServiceLoader}: see {@link
   * Builder#fromEnvironment()}. It connects lazily.
   *
   * @throws IllegalStateException if {@code GEX_PG_URL} (or {@code gex.pg.url}) is not set
   */
  public PostgresGexStore() {
    this(builder().fromEnvironment());
  }

  private PostgresGexStore(Builder b) {
    this.schema = b.schema;
    this.retry = b.retry;
    this.purgeBatch = b.purgeBatch;
    this.migrateOnFirstUse = b.migrateOnFirstUse;
    this.hook = b.hook;
    if (b.dataSource != null) {
      this.dataSource = b.dataSource;
      this.ownedPool = null;
      this.description = "DataSource " + b.dataSource.getClass().getSimpleName();
    } else {
      String url = b.jdbcUrl;
      if (url == null) {
        throw new IllegalStateException(
            "no database: give a DataSource or a JDBC URL (GEX_PG_URL / gex.pg.url)");
      }
      HikariConfig config = new HikariConfig();
      config.setPoolName("gex-postgres-" + schema);
      config.setJdbcUrl(url);
      if (b.user != null) {
        config.setUsername(b.user);
      }
      if (b.password != null) {
        config.setPassword(b.password);
      }
      Properties driver = new Properties();
      String seconds = Long.toString((b.connectTimeout.toMillis() + 999) / 1000);
      // Defaults only: the URL's parameters and explicit driver properties win.
      if (!url.contains("connectTimeout=")) {
        driver.setProperty("connectTimeout", seconds);
      }
      if (!url.contains("loginTimeout=")) {
        driver.setProperty("loginTimeout", seconds);
      }
      driver.putAll(b.driverProperties);
      config.setDataSourceProperties(driver);
      config.setMaximumPoolSize(b.maxPoolSize);
      config.setMinimumIdle(Math.min(1, b.maxPoolSize));
      config.setConnectionTimeout(b.connectionTimeout.toMillis());
      // Start without a connection: a server that is down is reported per operation, not at construction.
      config.setInitializationFailTimeout(-1);
      this.ownedPool = new HikariDataSource(config);
      this.dataSource = ownedPool;
      this.description = redact(url);
    }
    this.sql = new Sql(quote(schema));
    this.attempts = new Attempts(dataSource, ownedPool, retry);
    this.diagnosticsType =
        mapper.getTypeFactory().constructCollectionType(List.class, ContractDiagnostic.class);
    this.figuresType =
        mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Double.class);
    LOG.debug("PostgreSQL store on {} schema {}", description, schema);
  }

  /** A builder; give it a {@link DataSource} or a JDBC URL. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return ID;
  }

  /** The schema this store uses. */
  public String schema() {
    return schema;
  }

  /** How this store retries transient failures. */
  public RetryPolicy retryPolicy() {
    return retry;
  }

  /** The pool this store built, or null if it was given a {@link DataSource} (for tests). */
  @Nullable HikariDataSource ownedPool() {
    return ownedPool;
  }

  /**
   * Creates or upgrades the schema: applies the migrations not yet applied, in one transaction under an
   * advisory lock, and records them in {@code gex_schema_history}. Idempotent; safe when several
   * processes call it at once. Needs the right to create the schema (if missing) and tables in it.
   *
   * @return the versions applied by this call, ascending; empty if the schema was current
   * @throws GexStorageException if the database fails, or an applied migration was changed since
   */
  public List<Integer> migrate() {
    List<Integer> applied = attempts.run("migrate schema " + schema, c -> SchemaMigrator.migrate(c, schema));
    migrated.set(true);
    if (!applied.isEmpty()) {
      LOG.info("Migrated schema {} on {}: applied versions {}", schema, description, applied);
    }
    return applied;
  }

  private void ensureMigrated() {
    if (migrateOnFirstUse && !migrated.get()) {
      synchronized (migrated) {
        if (!migrated.get()) {
          migrate();
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Writes

  /**
   * {@inheritDoc}
   *
   * <p><b>Idempotent.</b> A snapshot is identified by its symbol and valuation instant (the table's
   * unique key); a save replaces the snapshot of that identity, with its contracts and alerts, and
   * recomputes the day's history, in one transaction. Saving the same snapshot twice leaves one copy, so a
   * retry is always safe.
   *
   * <p>The valuation instant is stored to the microsecond, as PostgreSQL keeps it; the analysis keeps it
   * exactly.
   *
   * @throws CommitOutcomeUnknownException if the connection broke at commit and no later attempt
   *     succeeded: the snapshot may or may not be stored; saving it again settles it
   * @throws GexStorageException if the save failed otherwise (nothing of it is stored)
   */
  @Override
  public void save(StoredSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    ensureMigrated();
    // Encode once, outside the retried transaction.
    String analysisJson = new String(GexJson.toBytes(snapshot.analysis()), StandardCharsets.UTF_8);
    String diagnosticsJson = json(snapshot.chain().diagnostics());
    List<String> figures = new ArrayList<>(snapshot.alerts().size());
    for (AlertRecord a : snapshot.alerts()) {
      figures.add(json(a.figures()));
    }
    int[] attempt = {0};
    attempts.run(
        "save snapshot " + snapshot.symbol() + " at " + snapshot.valuationTime(),
        c -> {
          int n = ++attempt[0];
          int pid = hook == SaveHook.NONE ? 0 : c.unwrap(PGConnection.class).getBackendPID();
          return Transactions.run(
              c,
              false,
              () -> write(c, snapshot, analysisJson, diagnosticsJson, figures, n, pid),
              () -> hook.at(SaveHook.Point.AFTER_COMMIT, n, pid));
        });
  }

  private Boolean write(
      Connection c,
      StoredSnapshot snapshot,
      String analysisJson,
      String diagnosticsJson,
      List<String> figures,
      int attempt,
      int pid)
      throws SQLException {
    GexAnalysis a = snapshot.analysis();
    OffsetDateTime valuation = timestamp(a.valuationTime());
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      ps.setInt(1, SAVE_LOCK_CLASS);
      ps.setString(2, a.symbol());
      ps.execute();
    }
    // Replace a snapshot of the same identity: its alerts go with it, its contracts cascade.
    try (PreparedStatement ps = c.prepareStatement(sql.deleteAlertsOfSnapshot)) {
      ps.setString(1, a.symbol());
      ps.setObject(2, valuation);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(sql.deleteSnapshot)) {
      ps.setString(1, a.symbol());
      ps.setObject(2, valuation);
      ps.executeUpdate();
    }
    long id;
    try (PreparedStatement ps = c.prepareStatement(sql.insertSnapshot)) {
      GexByStrike s = a.exposures().byStrike();
      int i = 1;
      ps.setString(i++, a.symbol());
      ps.setObject(i++, valuation);
      ps.setObject(i++, snapshot.tradingDate());
      ps.setObject(i++, timestamp(a.provenance().analyzedAt()));
      ps.setDouble(i++, snapshot.chain().spot());
      ps.setDouble(i++, a.totalGex());
      ps.setDouble(i++, a.exposures().callGex());
      ps.setDouble(i++, a.exposures().putGex());
      setOptional(ps, i++, a.zeroGamma());
      setOptional(ps, i++, a.exposures().strikeZeroGamma());
      setOptional(ps, i++, a.callWall());
      setOptional(ps, i++, a.putWall());
      setOptional(ps, i++, a.exposures().absGammaStrike());
      ps.setString(i++, a.regime().name());
      ps.setString(i++, a.settings().signConvention().name());
      ps.setInt(i++, a.coverage().contractsUsed());
      ps.setInt(i++, a.contractsSkipped());
      ps.setInt(i++, snapshot.chain().contracts().size());
      PGConnection pg = c.unwrap(PGConnection.class);
      ps.setArray(i++, pg.createArrayOf("float8", s.strikes().toArray()));
      ps.setArray(i++, pg.createArrayOf("float8", s.callGex().toArray()));
      ps.setArray(i++, pg.createArrayOf("float8", s.putGex().toArray()));
      ps.setArray(i++, pg.createArrayOf("float8", s.netGex().toArray()));
      ps.setString(i++, analysisJson);
      ps.setString(i++, diagnosticsJson);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    hook.at(SaveHook.Point.AFTER_SNAPSHOT_ROW, attempt, pid);
    copyContracts(c, id, snapshot.chain().contracts(), attempt, pid);
    if (!snapshot.alerts().isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(sql.insertAlert)) {
        int ordinal = 0;
        for (AlertRecord alert : snapshot.alerts()) {
          ps.setLong(1, id);
          ps.setInt(2, ordinal);
          ps.setString(3, alert.symbol());
          ps.setObject(4, timestamp(alert.instant()));
          ps.setString(5, alert.ruleId());
          ps.setString(6, alert.type());
          ps.setString(7, alert.severity().name());
          ps.setInt(8, alert.severity().ordinal());
          ps.setString(9, alert.message());
          ps.setString(10, figures.get(ordinal));
          ps.addBatch();
          ordinal++;
        }
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql.upsertHistory)) {
      ps.setString(1, a.symbol());
      ps.setObject(2, snapshot.tradingDate());
      ps.executeUpdate();
    }
    hook.at(SaveHook.Point.BEFORE_COMMIT, attempt, pid);
    return Boolean.TRUE;
  }

  private void copyContracts(
      Connection c, long snapshotId, List<OptionContract> contracts, int attempt, int pid)
      throws SQLException {
    if (contracts.isEmpty()) {
      return;
    }
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.copyContracts);
    try {
      StringBuilder sb = new StringBuilder(COPY_CHUNK_CHARS + 512);
      int half = contracts.size() / 2;
      for (int i = 0; i < contracts.size(); i++) {
        ContractCopy.appendRow(sb, snapshotId, i, contracts.get(i));
        if (sb.length() >= COPY_CHUNK_CHARS || i == half) {
          byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          sb.setLength(0);
        }
        if (i == half && hook != SaveHook.NONE) {
          copy.flushCopy();
          hook.at(SaveHook.Point.MID_COPY, attempt, pid);
        }
      }
      if (sb.length() > 0) {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException e) {
          // The connection is broken or the copy already failed; the transaction rolls back either way.
          LOG.debug("cancelling COPY failed", e);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Reads

  @Override
  public Optional<StoredSnapshot> latest(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    ensureMigrated();
    return attempts.run(
        "read the latest snapshot of " + symbol,
        c -> inTransaction(c, true, () -> readSnapshot(c, sql.selectLatest, symbol, null)));
  }

  /** Reads only the analysis column, not the contracts. */
  @Override
  public Optional<GexAnalysis> latestAnalysis(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    ensureMigrated();
    return attempts.run(
        "read the latest analysis of " + symbol,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.selectLatestAnalysis)) {
            ps.setString(1, symbol);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(analysis(rs.getString(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Optional<StoredSnapshot> snapshot(String symbol, Instant valuationTime) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(valuationTime, "valuationTime");
    ensureMigrated();
    return attempts.run(
        "read the snapshot of " + symbol + " at " + valuationTime,
        c -> inTransaction(c, true, () -> readSnapshot(c, sql.selectAt, symbol, valuationTime)));
  }

  private Optional<StoredSnapshot> readSnapshot(
      Connection c, String query, String symbol, @Nullable Instant at) throws SQLException {
    long id;
    double spot;
    GexAnalysis analysis;
    List<ContractDiagnostic> diagnostics;
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setString(1, symbol);
      if (at != null) {
        ps.setObject(2, timestamp(at));
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        id = rs.getLong(1);
        spot = rs.getDouble(2);
        analysis = analysis(rs.getString(3));
        diagnostics = read(rs.getString(4), diagnosticsType);
      }
    }
    List<OptionContract> contracts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.selectContracts)) {
      ps.setFetchSize(10_000);
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          contracts.add(contract(rs));
        }
      }
    }
    List<AlertRecord> alerts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.selectAlertsOfSnapshot)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alerts.add(alert(rs));
        }
      }
    }
    OptionChain chain =
        new OptionChain(analysis.symbol(), spot, analysis.valuationTime(), contracts, diagnostics);
    return Optional.of(new StoredSnapshot(analysis, chain, alerts));
  }

  @Override
  public List<GexAnalysis> analyses(String symbol, Instant from, Instant to) {
    Objects.requireNonNull(symbol, "symbol");
    checkRange(from, to);
    ensureMigrated();
    return attempts.run(
        "read the analyses of " + symbol,
        c -> {
          List<GexAnalysis> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.selectAnalysesInRange)) {
            ps.setString(1, symbol);
            ps.setObject(2, timestamp(from));
            ps.setObject(3, timestamp(to));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(analysis(rs.getString(1)));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public List<AlertRecord> alerts(AlertQuery query) {
    Objects.requireNonNull(query, "query");
    ensureMigrated();
    return attempts.run(
        "read the alerts of " + query.symbol(),
        c -> {
          List<AlertRecord> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.selectAlerts)) {
            ps.setString(1, query.symbol());
            ps.setObject(2, timestamp(query.from()));
            ps.setObject(3, timestamp(query.to()));
            ps.setInt(4, query.minSeverity().map(Enum::ordinal).orElse(0));
            if (query.type().isPresent()) {
              ps.setString(5, query.type().get());
            } else {
              ps.setNull(5, Types.VARCHAR);
            }
            ps.setInt(6, query.limit());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(alert(rs));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public List<DailyHistory> dailyHistory(String symbol, LocalDate from, LocalDate to) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from (" + from + "), was " + to);
    }
    ensureMigrated();
    return attempts.run(
        "read the daily history of " + symbol,
        c -> {
          List<DailyHistory> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.selectHistory)) {
            ps.setString(1, symbol);
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new DailyHistory(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        optionalDouble(rs, 7),
                        optionalDouble(rs, 8),
                        optionalDouble(rs, 9),
                        optionalDouble(rs, 10),
                        optionalDouble(rs, 11),
                        optionalDouble(rs, 12),
                        rs.getInt(13),
                        instant(rs, 14),
                        instant(rs, 15)));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  // ---------------------------------------------------------------------------------------------------
  // Retention and health

  /**
   * {@inheritDoc}
   *
   * <p>Alerts go first, {@value #ALERT_PURGE_BATCH} per transaction, then snapshots, {@link
   * Builder#purgeBatchSize} per transaction (their contracts with them); rows being written by another
   * transaction are skipped ({@code SKIP LOCKED}) rather than waited for. Readers are never blocked.
   */
  @Override
  public PurgeResult purgeBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    ensureMigrated();
    OffsetDateTime at = timestamp(cutoff);
    long alerts = 0;
    while (true) {
      int n =
          attempts.run(
              "purge alerts before " + cutoff,
              c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.purgeAlerts)) {
                  ps.setObject(1, at);
                  ps.setInt(2, ALERT_PURGE_BATCH);
                  return ps.executeUpdate();
                }
              });
      alerts += n;
      if (n < ALERT_PURGE_BATCH) {
        break;
      }
    }
    long snapshots = 0;
    long contracts = 0;
    while (true) {
      long[] batch =
          attempts.run(
              "purge snapshots before " + cutoff,
              c -> {
                long count = 0;
                long rows = 0;
                try (PreparedStatement ps = c.prepareStatement(sql.purgeSnapshots)) {
                  ps.setObject(1, at);
                  ps.setInt(2, purgeBatch);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      count++;
                      rows += rs.getLong(1);
                    }
                  }
                }
                return new long[] {count, rows};
              });
      snapshots += batch[0];
      contracts += batch[1];
      if (batch[0] < purgeBatch) {
        break;
      }
    }
    PurgeResult result = new PurgeResult(snapshots, contracts, alerts);
    LOG.debug("Purged before {} from schema {}: {}", cutoff, schema, result);
    return result;
  }

  /** One attempt, no retry: the server version and the schema's migration version, or why it failed. */
  @Override
  public StoreHealth health() {
    long t0 = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.health);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      String detail =
          "PostgreSQL " + rs.getString(1) + ", schema " + schema + " at version " + rs.getInt(2);
      return StoreHealth.up(ID, detail, Duration.ofNanos(System.nanoTime() - t0));
    } catch (SQLException | RuntimeException e) {
      String state = e instanceof SQLException ? " [" + ((SQLException) e).getSQLState() + "]" : "";
      return StoreHealth.down(
          ID,
          "cannot query schema " + schema + " on " + description + state + ": " + e.getMessage(),
          Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /** Closes the pool if this store built it; a {@link DataSource} given to the builder is left open. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  @Override
  public String toString() {
    return "PostgresGexStore[" + description + ", schema " + schema + "]";
  }

  // ---------------------------------------------------------------------------------------------------
  // Plumbing

  private static <T> T inTransaction(
      Connection c, boolean readOnly, Transactions.SqlBody<T> body) throws SQLException {
    return Transactions.run(c, readOnly, body);
  }

  private GexAnalysis analysis(String json) {
    return GexJson.analysisFromBytes(json.getBytes(StandardCharsets.UTF_8));
  }

  private String json(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (IOException e) {
      throw new GexStorageException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private <T> T read(String json, JavaType type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new GexStorageException("cannot read stored JSON as " + type + ": " + e.getMessage(), e);
    }
  }

  private static OptionContract contract(ResultSet rs) throws SQLException {
    OccSymbol symbol =
        new OccSymbol(
            rs.getString(1),
            rs.getObject(2, LocalDate.class),
            OptionRight.parse(rs.getString(3)),
            rs.getDouble(4));
    long volume = rs.getLong(11);
    OptionalLong vol = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(volume);
    return new OptionContract(
        symbol,
        SettlementStyle.valueOf(rs.getString(5)),
        rs.getLong(6),
        rs.getDouble(7),
        optionalDouble(rs, 8),
        optionalDouble(rs, 9),
        optionalDouble(rs, 10),
        vol,
        optionalDouble(rs, 12),
        optionalDouble(rs, 13),
        optionalDouble(rs, 14));
  }

  private AlertRecord alert(ResultSet rs) throws SQLException {
    Map<String, Double> figures = read(rs.getString(7), figuresType);
    return new AlertRecord(
        rs.getString(1),
        rs.getString(2),
        AlertRecord.Severity.valueOf(rs.getString(3)),
        rs.getString(4),
        instant(rs, 5),
        rs.getString(6),
        figures);
  }

  private static OptionalDouble optionalDouble(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static void setOptional(PreparedStatement ps, int index, OptionalDouble value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setDouble(index, value.getAsDouble());
    } else {
      ps.setNull(index, Types.DOUBLE);
    }
  }

  /**
   * An instant as PostgreSQL keeps it: to the microsecond, in UTC, and clamped to the years 1 to 9999 (so
   * that {@code Instant.MIN} and {@code Instant.MAX} work as open ends of a range).
   */
  static OffsetDateTime timestamp(Instant instant) {
    Instant clamped =
        instant.isBefore(MIN_TIME) ? MIN_TIME : instant.isAfter(MAX_TIME) ? MAX_TIME : instant;
    return OffsetDateTime.ofInstant(clamped.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static void checkRange(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from (" + from + "), was " + to);
    }
  }

  /**
   * A schema name quoted for SQL.
   *
   * @throws IllegalArgumentException unless it is a plain identifier: a letter or underscore, then up to
   *     62 letters, digits or underscores
   */
  static String quote(String schema) {
    if (!IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema must be a plain identifier ([A-Za-z_][A-Za-z0-9_]{0,62}), was '" + schema + "'");
    }
    return '"' + schema + '"';
  }

  /** A JDBC URL without its query string, which may hold credentials. */
  static String redact(String url) {
    int q = url.indexOf('?');
    String base = q >= 0 ? url.substring(0, q) : url;
    // jdbc:postgresql://user:password@host/db is not a form pgjdbc reads, but do not echo one anyway.
    int at = base.indexOf('@');
    int slashes = base.indexOf("//");
    if (at >= 0 && slashes >= 0 && at > slashes) {
      base = base.substring(0, slashes + 2) + "***@" + base.substring(at + 1);
    }
    return base;
  }

  /** The statements, with the schema name put in once. */
  private static final class Sql {
    final String deleteAlertsOfSnapshot;
    final String deleteSnapshot;
    final String insertSnapshot;
    final String copyContracts;
    final String insertAlert;
    final String upsertHistory;
    final String selectLatest;
    final String selectAt;
    final String selectLatestAnalysis;
    final String selectContracts;
    final String selectAlertsOfSnapshot;
    final String selectAnalysesInRange;
    final String selectAlerts;
    final String selectHistory;
    final String purgeAlerts;
    final String purgeSnapshots;
    final String health;

    Sql(String s) {
      UnaryOperator<String> q = text -> text.replace("$S", s);
      deleteAlertsOfSnapshot =
          q.apply(
              "DELETE FROM $S.alert_history WHERE snapshot_id IN"
                  + " (SELECT id FROM $S.gex_snapshots WHERE symbol = ? AND valuation_time = ?)");
      deleteSnapshot = q.apply("DELETE FROM $S.gex_snapshots WHERE symbol = ? AND valuation_time = ?");
      insertSnapshot =
          q.apply(
              "INSERT INTO $S.gex_snapshots (symbol, valuation_time, trading_date, analyzed_at, spot,"
                  + " total_gex, call_gex, put_gex, zero_gamma, strike_zero_gamma, call_wall, put_wall,"
                  + " abs_gamma_strike, regime, sign_convention, contracts_used, contracts_skipped,"
                  + " contract_count, strikes, call_gex_by_strike, put_gex_by_strike, net_gex_by_strike,"
                  + " analysis, chain_diagnostics)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " CAST(? AS jsonb), CAST(? AS jsonb)) RETURNING id");
      copyContracts = q.apply("COPY $S.option_data (" + ContractCopy.COLUMNS + ") FROM STDIN");
      insertAlert =
          q.apply(
              "INSERT INTO $S.alert_history (snapshot_id, ordinal, symbol, raised_at, rule_id, alert_type,"
                  + " severity, severity_rank, message, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " CAST(? AS jsonb))");
      upsertHistory =
          q.apply(
              "INSERT INTO $S.historical_gex_data AS h (symbol, trading_date, open_total_gex,"
                  + " high_total_gex, low_total_gex, close_total_gex, open_zero_gamma, high_zero_gamma,"
                  + " low_zero_gamma, close_zero_gamma, last_call_wall, last_put_wall, snapshot_count,"
                  + " first_valuation_time, last_valuation_time, updated_at)"
                  + " SELECT symbol, trading_date,"
                  + " (array_agg(total_gex ORDER BY valuation_time))[1],"
                  + " max(total_gex), min(total_gex),"
                  + " (array_agg(total_gex ORDER BY valuation_time DESC))[1],"
                  + " (array_agg(zero_gamma ORDER BY valuation_time) FILTER (WHERE zero_gamma IS NOT NULL))[1],"
                  + " max(zero_gamma), min(zero_gamma),"
                  + " (array_agg(zero_gamma ORDER BY valuation_time DESC)"
                  + " FILTER (WHERE zero_gamma IS NOT NULL))[1],"
                  + " (array_agg(call_wall ORDER BY valuation_time DESC))[1],"
                  + " (array_agg(put_wall ORDER BY valuation_time DESC))[1],"
                  + " count(*), min(valuation_time), max(valuation_time), now()"
                  + " FROM $S.gex_snapshots WHERE symbol = ? AND trading_date = ?"
                  + " GROUP BY symbol, trading_date"
                  + " ON CONFLICT (symbol, trading_date) DO UPDATE SET"
                  + " open_total_gex = EXCLUDED.open_total_gex, high_total_gex = EXCLUDED.high_total_gex,"
                  + " low_total_gex = EXCLUDED.low_total_gex, close_total_gex = EXCLUDED.close_total_gex,"
                  + " open_zero_gamma = EXCLUDED.open_zero_gamma, high_zero_gamma = EXCLUDED.high_zero_gamma,"
                  + " low_zero_gamma = EXCLUDED.low_zero_gamma, close_zero_gamma = EXCLUDED.close_zero_gamma,"
                  + " last_call_wall = EXCLUDED.last_call_wall, last_put_wall = EXCLUDED.last_put_wall,"
                  + " snapshot_count = EXCLUDED.snapshot_count,"
                  + " first_valuation_time = EXCLUDED.first_valuation_time,"
                  + " last_valuation_time = EXCLUDED.last_valuation_time, updated_at = EXCLUDED.updated_at");
      String snapshotColumns = "id, spot, analysis, chain_diagnostics FROM $S.gex_snapshots";
      selectLatest =
          q.apply("SELECT " + snapshotColumns + " WHERE symbol = ? ORDER BY valuation_time DESC LIMIT 1");
      selectAt = q.apply("SELECT " + snapshotColumns + " WHERE symbol = ? AND valuation_time = ?");
      selectLatestAnalysis =
          q.apply(
              "SELECT analysis FROM $S.gex_snapshots WHERE symbol = ? ORDER BY valuation_time DESC LIMIT 1");
      selectContracts =
          q.apply(
              "SELECT root, expiry, option_right, strike, settlement, open_interest, implied_volatility,"
                  + " bid, ask, last_price, volume, vendor_delta, vendor_gamma, spot_at_quote FROM $S.option_data"
                  + " WHERE snapshot_id = ? ORDER BY ordinal");
      String alertColumns =
          "SELECT rule_id, alert_type, severity, symbol, raised_at, message, figures FROM $S.alert_history";
      selectAlertsOfSnapshot = q.apply(alertColumns + " WHERE snapshot_id = ? ORDER BY ordinal");
      selectAnalysesInRange =
          q.apply(
              "SELECT analysis FROM $S.gex_snapshots WHERE symbol = ? AND valuation_time >= ?"
                  + " AND valuation_time < ? ORDER BY valuation_time");
      selectAlerts =
          q.apply(
              alertColumns
                  + " WHERE symbol = ? AND raised_at >= ? AND raised_at < ? AND severity_rank >= ?"
                  + " AND alert_type = coalesce(CAST(? AS text), alert_type)"
                  + " ORDER BY raised_at DESC, id DESC LIMIT ?");
      selectHistory =
          q.apply(
              "SELECT symbol, trading_date, open_total_gex, high_total_gex, low_total_gex,"
                  + " close_total_gex, open_zero_gamma, high_zero_gamma, low_zero_gamma, close_zero_gamma,"
                  + " last_call_wall, last_put_wall, snapshot_count, first_valuation_time,"
                  + " last_valuation_time FROM $S.historical_gex_data WHERE symbol = ?"
                  + " AND trading_date BETWEEN ? AND ? ORDER BY trading_date");
      purgeAlerts =
          q.apply(
              "DELETE FROM $S.alert_history WHERE id IN (SELECT id FROM $S.alert_history"
                  + " WHERE raised_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)");
      purgeSnapshots =
          q.apply(
              "DELETE FROM $S.gex_snapshots WHERE id IN (SELECT id FROM $S.gex_snapshots"
                  + " WHERE valuation_time < ? ORDER BY valuation_time LIMIT ? FOR UPDATE SKIP LOCKED)"
                  + " RETURNING contract_count");
      health =
          q.apply(
              "SELECT current_setting('server_version'), coalesce((SELECT max(version) FROM $S."
                  + SchemaMigrator.HISTORY_TABLE
                  + "), 0)");
    }
  }

  /**
   * Configures a {@link PostgresGexStore}; not thread-safe.
   *
   * <p>Give either {@link #dataSource} or {@link #jdbcUrl} (with {@link #user} and {@link #password} as
   * needed).
   */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private @Nullable String jdbcUrl;
    private @Nullable String user;
    private @Nullable String password;
    private final Properties driverProperties = new Properties();
    private int maxPoolSize = 4;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private String schema = DEFAULT_SCHEMA;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private int purgeBatch = DEFAULT_PURGE_BATCH;
    private boolean migrateOnFirstUse;
    private SaveHook hook = SaveHook.NONE;

    private Builder() {}

    /** The application's data source; the store borrows connections and never closes it. */
    public Builder dataSource(DataSource value) {
      this.dataSource = Objects.requireNonNull(value, "dataSource");
      return this;
    }

    /**
     * A JDBC URL such as {@code jdbc:postgresql://db:5432/gex?sslmode=verify-full}; the store builds a
     * HikariCP pool on it. Its query string is never logged.
     */
    public Builder jdbcUrl(String value) {
      Objects.requireNonNull(value, "jdbcUrl");
      if (!value.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, was " + redact(value));
      }
      this.jdbcUrl = value;
      return this;
    }

    /** The database user for {@link #jdbcUrl}. */
    public Builder user(String value) {
      this.user = Objects.requireNonNull(value, "user");
      return this;
    }

    /** The password for {@link #jdbcUrl}; never logged. */
    public Builder password(String value) {
      this.password = Objects.requireNonNull(value, "password");
      return this;
    }

    /**
     * A property passed to the driver, such as {@code sslmode=verify-full}, {@code sslrootcert=/path},
     * {@code sslcert}, {@code sslkey} or {@code ApplicationName}.
     */
    public Builder driverProperty(String name, String value) {
      driverProperties.setProperty(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The pool's maximum size when the store builds the pool (default 4). */
    public Builder maxPoolSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxPoolSize must be >= 1, was " + value);
      }
      this.maxPoolSize = value;
      return this;
    }

    /**
     * How long to wait for a connection from the pool it builds (default 2 s, at least 250 ms). While it
     * waits the pool keeps trying to connect; when it gives up the operation fails without a further
     * retry. Environment: {@code GEX_PG_POOL_TIMEOUT}.
     */
    public Builder connectionTimeout(Duration value) {
      Objects.requireNonNull(value, "connectionTimeout");
      if (value.toMillis() < 250) {
        throw new IllegalArgumentException("connectionTimeout must be >= 250 ms, was " + value);
      }
      this.connectionTimeout = value;
      return this;
    }

    /**
     * How long the driver may take to open one connection (TCP connect and login) for the pool it builds:
     * the driver's {@code connectTimeout} and {@code loginTimeout}, whole seconds rounded up (default 2 s,
     * at least 1 s). A value in the URL or set with {@link #driverProperty} wins. Environment: {@code
     * GEX_PG_CONNECT_TIMEOUT}.
     */
    public Builder connectTimeout(Duration value) {
      Objects.requireNonNull(value, "connectTimeout");
      if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("connectTimeout must be between 1 s and 1 h, was " + value);
      }
      this.connectTimeout = value;
      return this;
    }

    /** The schema holding the tables (default {@value PostgresGexStore#DEFAULT_SCHEMA}), a plain identifier. */
    public Builder schema(String value) {
      quote(Objects.requireNonNull(value, "schema"));
      this.schema = value;
      return this;
    }

    /** How to retry transient failures (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy value) {
      this.retry = Objects.requireNonNull(value, "retryPolicy");
      return this;
    }

    /** Snapshots deleted per transaction by {@link PostgresGexStore#purgeBefore} (default 20). */
    public Builder purgeBatchSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("purgeBatchSize must be >= 1, was " + value);
      }
      this.purgeBatch = value;
      return this;
    }

    /** Whether to run {@link PostgresGexStore#migrate()} before the first operation (default false). */
    public Builder migrateOnFirstUse(boolean value) {
      this.migrateOnFirstUse = value;
      return this;
    }

    /** For tests: called at fixed points of each save's transaction. */
    Builder saveHook(SaveHook value) {
      this.hook = Objects.requireNonNull(value, "saveHook");
      return this;
    }

    /**
     * Reads the configuration from system properties, else environment variables: {@code gex.pg.url} /
     * {@code GEX_PG_URL} (required), {@code gex.pg.user} / {@code GEX_PG_USER}, {@code gex.pg.password} /
     * {@code GEX_PG_PASSWORD}, {@code gex.pg.schema} / {@code GEX_PG_SCHEMA} (default {@value
     * PostgresGexStore#DEFAULT_SCHEMA}), {@code gex.pg.migrate} / {@code GEX_PG_MIGRATE} ({@code true}
     * to migrate before the first operation), {@code gex.pg.connect.timeout} / {@code
     * GEX_PG_CONNECT_TIMEOUT} ({@link #connectTimeout}), {@code gex.pg.pool.timeout} / {@code
     * GEX_PG_POOL_TIMEOUT} ({@link #connectionTimeout}), {@code gex.pg.retry.attempts} / {@code
     * GEX_PG_RETRY_ATTEMPTS} and {@code gex.pg.retry.budget} / {@code GEX_PG_RETRY_BUDGET} (the {@link
     * RetryPolicy}'s attempts and {@code maxElapsed}). Durations are ISO-8601 ({@code PT2S}) or
     * milliseconds ({@code 2000}). TLS settings go in the URL ({@code ?sslmode=verify-full&
     * sslrootcert=...}).
     *
     * @throws IllegalArgumentException if a value cannot be read (naming the variable)
     *
     * @throws IllegalStateException if no URL is set
     */
    public Builder fromEnvironment() {
      return fromEnvironment(
          key -> {
            String p = System.getProperty(key.toLowerCase(Locale.ROOT).replace('_', '.'));
            return p != null ? p : System.getenv(key);
          });
    }

    /** {@link #fromEnvironment()} with a lookup of the {@code GEX_PG_*} names, for tests. */
    Builder fromEnvironment(java.util.function.Function<String, @Nullable String> env) {
      String url = env.apply("GEX_PG_URL");
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(
            "the PostgreSQL store needs GEX_PG_URL (or -Dgex.pg.url), such as"
                + " jdbc:postgresql://localhost:5432/gex");
      }
      jdbcUrl(url.trim());
      String u = env.apply("GEX_PG_USER");
      if (u != null && !u.isBlank()) {
        user(u);
      }
      String p = env.apply("GEX_PG_PASSWORD");
      if (p != null) {
        password(p);
      }
      String s = env.apply("GEX_PG_SCHEMA");
      if (s != null && !s.isBlank()) {
        schema(s.trim());
      }
      String m = env.apply("GEX_PG_MIGRATE");
      migrateOnFirstUse(m != null && Boolean.parseBoolean(m.trim()));
      String ct = env.apply("GEX_PG_CONNECT_TIMEOUT");
      if (ct != null && !ct.isBlank()) {
        connectTimeout(duration("GEX_PG_CONNECT_TIMEOUT", ct));
      }
      String pt = env.apply("GEX_PG_POOL_TIMEOUT");
      if (pt != null && !pt.isBlank()) {
        connectionTimeout(duration("GEX_PG_POOL_TIMEOUT", pt));
      }
      String ra = env.apply("GEX_PG_RETRY_ATTEMPTS");
      if (ra != null && !ra.isBlank()) {
        try {
          retryPolicy(retry.withMaxAttempts(Integer.parseInt(ra.trim())));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("GEX_PG_RETRY_ATTEMPTS must be an integer, was '" + ra + "'", e);
        }
      }
      String rb = env.apply("GEX_PG_RETRY_BUDGET");
      if (rb != null && !rb.isBlank()) {
        retryPolicy(retry.withMaxElapsed(duration("GEX_PG_RETRY_BUDGET", rb)));
      }
      return this;
    }

    /** An ISO-8601 duration ({@code PT2S}) or a number of milliseconds ({@code 2000}). */
    private static Duration duration(String name, String value) {
      String v = value.trim();
      try {
        return v.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(v)) : Duration.parse(v);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            name + " must be an ISO-8601 duration or milliseconds, was '" + value + "'", e);
      }
    }

    /**
     * Builds the store. With a JDBC URL it creates the pool without connecting: a server that is down
     * shows in the first operation or in {@link PostgresGexStore#health()}.
     *
     * @throws IllegalStateException if neither a data source nor a URL was given
     */
    public PostgresGexStore build() {
      return new PostgresGexStore(this);
    }
  }
}

package dev.standin.server.kernel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one database every API's store works on, and the JDBC helper they share: reads, write
 * transactions, plain statements and the atomic read-modify-write. Opened once per server by {@link
 * #open}: embedded SQLite in the data directory by default, or a shared PostgreSQL database. Each
 * vendor keeps its own tables and its own store interface on top of this class; the schema (one
 * Flyway history, the same versions on both databases) covers them all.
 *
 * <p>Guarantees every store inherits: a write that returns is durable (it survives a crash of the
 * process); {@link #update} is an atomic read-modify-write, so concurrent updates of one row are
 * applied one after the other and none is lost; a unique-key clash is {@link NameTakenException}
 * and stores nothing.
 */
public final class Database implements AutoCloseable {

  private final DataSource dataSource;
  private final Dialect dialect;
  private final AutoCloseable pool;

  private Database(DataSource dataSource, Dialect dialect, AutoCloseable pool) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.pool = pool;
  }

  /**
   * Opens the database and brings its schema up to date.
   *
   * @param dataDir the embedded database's directory
   * @param config the shared database, {@link DatabaseConfig#memory()} for one in memory, or {@code
   *     null} for the embedded one
   */
  public static Database open(Path dataDir, DatabaseConfig config) {
    if (config == null) {
      return SqliteDialect.open(dataDir);
    }
    return config.inMemory() ? MemoryDialect.open() : PostgresDialect.open(config);
  }

  /**
   * Brings the schema of {@code pool} up to date from {@code migrations}, then starts the dialect
   * (which may need the migrated database); closes {@code pool} when either fails.
   */
  static <P extends DataSource & AutoCloseable> Database migrated(
      P pool, String migrations, Supplier<Dialect> dialect) {
    try {
      // On PostgreSQL Flyway takes an advisory lock, so instances starting together migrate in
      // turn.
      Flyway.configure().dataSource(pool).locations(migrations).load().migrate();
      return new Database(pool, dialect.get(), pool);
    } catch (RuntimeException e) {
      closeQuietly(pool);
      throw e;
    }
  }

  // --- transactions ---------------------------------------------------------------------------

  /** Runs {@code work} on a connection of its own, in autocommit. */
  public <T> T read(SqlWork<T> work) {
    return dialect.inReadConnection(dataSource, work);
  }

  /** Runs {@code work} in a transaction that may write; commits when it returns normally. */
  public <T> T write(SqlWork<T> work) {
    return dialect.inWriteTransaction(dataSource, work);
  }

  /** A write whose unique-key clash means "name taken", reported as {@link NameTakenException}. */
  public <T> T writeOrNameTaken(String what, SqlWork<T> work) {
    try {
      return write(work);
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw nameTakenOr(what, sql, e);
      }
      throw e;
    }
  }

  /**
   * Whether several server instances may share this database (PostgreSQL), so that what they must
   * count together (rate limits) belongs in it. False for the embedded and in-memory stores, which
   * one instance owns.
   */
  public boolean sharedByInstances() {
    return dialect.sharedByInstances();
  }

  /** Asks the database a trivial question; throws {@link StoreException} when it cannot answer. */
  public void ping() {
    read(c -> count(c, "SELECT 1"));
  }

  // --- the read-modify-write --------------------------------------------------------------------

  /** How {@link #update} reads and writes one kind of row; each store supplies one per table. */
  public interface VersionedRows<K, T> {
    /** The row and its version, read with {@code lockClause} appended to the SELECT. */
    Optional<Versioned<T>> read(Connection c, K id, String lockClause) throws SQLException;

    /**
     * Writes {@code next} over the row and bumps its version, but only while the row still has
     * {@code version}; returns whether it wrote.
     */
    boolean write(Connection c, K id, T next, long version) throws SQLException;
  }

  /** A row's value and its version, which every write moves on. */
  public record Versioned<T>(T value, long version) {}

  /**
   * Atomically replaces a row with what {@code change} makes of its current value: the one update
   * contract of every store. An exception thrown by {@code change} aborts the update and stores
   * nothing. {@code change} may run more than once (again on a newer value when another writer got
   * there first), so it must compute its result from its argument alone; only the last run's result
   * is stored. When it returns its argument itself, nothing is written.
   *
   * <p>Where writers run in parallel (PostgreSQL) the update first tries without a lock: read the
   * row and its version, then write only if the version is unchanged — two statements in autocommit
   * instead of a locking transaction. Only after a lost race does it run again in a transaction
   * that locks the row, so concurrent updates of one row queue up there, from any instance.
   *
   * @param what names the row in a {@link NameTakenException}
   * @return the stored value after the change, or empty when there is no such row
   */
  public <K, T> Optional<T> update(
      String what, VersionedRows<K, T> rows, K id, UnaryOperator<T> change) {
    if (dialect.triesUnlockedUpdates()) {
      Attempt<T> unlocked;
      try {
        unlocked = read(c -> attempt(c, rows, id, change, ""));
      } catch (StoreException e) {
        throw e.getCause() instanceof SQLException sql ? nameTakenOr(what, sql, e) : e;
      }
      if (unlocked.written()) {
        return unlocked.result();
      }
    }
    return writeOrNameTaken(
        what, c -> attempt(c, rows, id, change, dialect.lockRowClause()).result());
  }

  /** What one try of an update did: {@code written} is false when another writer won the race. */
  private record Attempt<T>(boolean written, Optional<T> result) {}

  private static <K, T> Attempt<T> attempt(
      Connection c, VersionedRows<K, T> rows, K id, UnaryOperator<T> change, String lockClause)
      throws SQLException {
    Optional<Versioned<T>> current = rows.read(c, id, lockClause);
    if (current.isEmpty()) {
      return new Attempt<>(true, Optional.empty());
    }
    T before = current.get().value();
    T next = change.apply(before);
    if (next == before) {
      return new Attempt<>(true, Optional.of(before));
    }
    return rows.write(c, id, next, current.get().version())
        ? new Attempt<>(true, Optional.of(next))
        : new Attempt<>(false, Optional.empty());
  }

  // --- plain statements -------------------------------------------------------------------------

  /** Reads the current row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The first row {@code sql} finds with these parameters, if any. */
  public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement st = prepare(c, sql, params);
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
    }
  }

  /** Every row {@code sql} finds with these parameters, in order. */
  public static <T> java.util.List<T> all(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement st = prepare(c, sql, params);
        ResultSet rs = st.executeQuery()) {
      java.util.List<T> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(row.read(rs));
      }
      return rows;
    }
  }

  /** The single number a {@code SELECT COUNT(*)} (or {@code SELECT 1}) answers. */
  public static long count(Connection c, String sql, Object... params) throws SQLException {
    return first(c, sql, rs -> rs.getLong(1), params).orElseThrow();
  }

  /** Runs an INSERT, UPDATE or DELETE with these parameters; returns how many rows it changed. */
  public static int execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepare(c, sql, params)) {
      return st.executeUpdate();
    }
  }

  /** Runs an INSERT into a table with a generated ID and returns that ID. */
  public static long insertReturningId(Connection c, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(st, params);
      st.executeUpdate();
      try (ResultSet keys = st.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no generated ID");
        }
        return keys.getLong(1);
      }
    }
  }

  /**
   * Keeps writers out of {@code tables} until the transaction of {@code c} ends: {@code exclusive}
   * for a change of many rows that no write may interleave with (reads go on and see the state
   * before it), else for a consistent read of many tables. A no-op where one writer already
   * serialises every write (SQLite, in memory). List the tables children first (a table before
   * those it references), the order in which writers lock them.
   */
  public void lockTables(Connection c, java.util.List<String> tables, boolean exclusive)
      throws SQLException {
    dialect.lockTables(c, tables, exclusive);
  }

  /** Whether a failed write may succeed when run again (a deadlock or serialization failure). */
  public static boolean isTransient(StoreException e) {
    return e.getCause() instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("40");
  }

  /**
   * After a row was inserted into {@code table} with an explicit ID: keep the generator past it.
   */
  public void afterExplicitId(Connection c, String table) throws SQLException {
    dialect.afterExplicitId(c, table);
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    try {
      bind(st, params);
      return st;
    } catch (SQLException e) {
      st.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement st, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      st.setObject(i + 1, params[i]);
    }
  }

  /** {@link NameTakenException} when {@code sql} is a unique-key clash, else {@code otherwise}. */
  private RuntimeException nameTakenOr(String what, SQLException sql, RuntimeException otherwise) {
    return dialect.isUniqueViolation(sql)
        ? new NameTakenException(what + " is taken", sql)
        : otherwise;
  }

  @Override
  public void close() {
    try {
      dialect.close();
    } finally {
      closeQuietly(pool);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new StoreException("cannot close the database", e);
    }
  }
}

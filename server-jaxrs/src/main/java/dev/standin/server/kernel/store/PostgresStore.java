package dev.standin.server.kernel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The store for several server instances sharing one PostgreSQL database.
 *
 * <p>Durability: PostgreSQL's default {@code synchronous_commit=on}, so a commit has reached the
 * write-ahead log on disk before the method returns. Concurrency: a document update first tries
 * without a lock (read the row and its version, then one {@code UPDATE ... WHERE version = ?});
 * when another writer got there in between, it runs again in a transaction that locks the row with
 * {@code SELECT ... FOR UPDATE}, so concurrent updates of one document queue up on that row
 * (whichever instance they come from) while updates of different documents run in parallel. The
 * other read-modify-writes (Spaaza tasks) always lock.
 */
public final class PostgresStore extends JdbcStore {

  /** PostgreSQL's SQLState for unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final HikariDataSource pool;

  private PostgresStore(HikariDataSource pool) {
    super(pool);
    this.pool = pool;
  }

  /** Connects to the database and brings its schema up to date (safe with several instances). */
  public static PostgresStore open(DatabaseConfig database) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("postgresql");
    config.setJdbcUrl(database.url());
    if (database.user() != null) {
      config.setUsername(database.user());
    }
    if (database.password() != null) {
      config.setPassword(database.password());
    }
    config.setMaximumPoolSize(database.poolSize());
    HikariDataSource pool = new HikariDataSource(config);
    try {
      // Flyway takes an advisory lock, so instances starting together migrate one at a time.
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/postgresql")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new PostgresStore(pool);
  }

  /**
   * Tries the update without a lock first: most updates of a document do not collide, and this way
   * they cost two statements in autocommit instead of a four-step locking transaction (begin,
   * select for update, update, commit). A collision costs one wasted {@code change}, after which
   * the locking path runs it again on the current version.
   */
  @Override
  public Optional<Document> update(Collection collection, String id, DocumentChange change) {
    Attempt attempt = updateIfUnchanged(collection, id, change);
    return attempt.written() ? attempt.result() : super.update(collection, id, change);
  }

  /** What {@link #updateIfUnchanged} did: {@code written} is false when another writer won. */
  private record Attempt(boolean written, Optional<Document> result) {
    static final Attempt LOST_RACE = new Attempt(false, Optional.empty());
  }

  private Attempt updateIfUnchanged(Collection collection, String id, DocumentChange change) {
    String table = collection.table();
    try (Connection c = dataSource().getConnection()) {
      Document current;
      long seq;
      long version;
      try (PreparedStatement st =
          c.prepareStatement(
              "SELECT seq, version, " + DOCUMENT_COLUMNS + " FROM " + table + " WHERE id = ?")) {
        st.setString(1, id);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            return new Attempt(true, Optional.empty());
          }
          seq = rs.getLong(1);
          version = rs.getLong(2);
          current = toDocument(rs, 3);
        }
      }
      Document next = change.apply(current);
      try (PreparedStatement st =
          c.prepareStatement(
              "UPDATE "
                  + table
                  + " SET name = ?, body = ?"
                  + documentUpdateExtras()
                  + " WHERE seq = ? AND version = ?")) {
        st.setString(1, next.name());
        st.setString(2, next.json());
        st.setLong(3, seq);
        st.setLong(4, version);
        return st.executeUpdate() == 1 ? new Attempt(true, Optional.of(next)) : Attempt.LOST_RACE;
      }
    } catch (SQLException e) {
      throw nameTakenOr(table + " " + id, e, new StoreException("write failed", e));
    }
  }

  @Override
  protected String documentUpdateExtras() {
    return ", version = version + 1"; // the locking path must also tell unlocked readers it wrote
  }

  @Override
  protected <T> T inWriteTransaction(SqlWork<T> work) {
    try (Connection connection = dataSource().getConnection()) {
      return transaction(connection, work);
    } catch (SQLException e) {
      throw new StoreException("write failed", e);
    }
  }

  @Override
  protected String lockRowClause() {
    return " FOR UPDATE";
  }

  @Override
  protected boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  @Override
  protected void afterExplicitId(Connection connection, String table) throws SQLException {
    // An identity column's sequence does not see explicit IDs; move it past the largest one.
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT MAX(id) FROM "
                + table
                + "))")) {
      st.setString(1, table);
      st.execute();
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}

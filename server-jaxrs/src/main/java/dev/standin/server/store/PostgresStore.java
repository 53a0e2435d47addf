package dev.standin.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The store for several server instances sharing one PostgreSQL database.
 *
 * <p>Durability: PostgreSQL's default {@code synchronous_commit=on}, so a commit has reached the
 * write-ahead log on disk before the method returns. Concurrency: every read-modify-write locks its
 * row with {@code SELECT ... FOR UPDATE}, so concurrent updates of one document queue up on that
 * row (whichever instance they come from) while updates of different documents run in parallel.
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
    config.setMaximumPoolSize(16);
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

package dev.standin.server.kernel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL database shared by several server instances.
 *
 * <p>Durability: PostgreSQL's default {@code synchronous_commit=on}, so a commit has reached the
 * write-ahead log on disk before the method returns. Concurrency: writes run in parallel, each in
 * its own transaction; a read-modify-write locks its row with {@code SELECT ... FOR UPDATE} (after
 * an unlocked try, see {@link Database#update}), so updates of one row queue up on that row
 * whichever instance they come from, while updates of different rows run side by side.
 */
final class PostgresDialect implements Dialect {

  /** PostgreSQL's SQLState for unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  static Database open(DatabaseConfig database) {
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
      return Database.migrated(pool, "classpath:db/migration/postgresql", PostgresDialect::new);
    } catch (RuntimeException e) {
      if (isPermissionDenied(e)) {
        String role = database.user() == null ? "the login role" : "role " + database.user();
        String name = database.user() == null ? "ROLE" : database.user();
        throw new IllegalStateException(
            role
                + " may not create tables in schema public of "
                + database.safeUrl()
                + " (PostgreSQL 15 and later no longer let every role do so): create the"
                + " database owned by the role (createdb -O "
                + name
                + " DBNAME), or, as the database's owner, run GRANT CREATE ON SCHEMA public TO "
                + name,
            e);
      }
      throw e;
    }
  }

  /** SQLSTATE 42501, insufficient privilege, anywhere in the chain (Flyway wraps it). */
  private static boolean isPermissionDenied(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "42501".equals(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  @Override
  public <T> T inWriteTransaction(DataSource dataSource, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return Dialect.transaction(connection, work);
    } catch (SQLException e) {
      throw new StoreException("write failed", e);
    }
  }

  @Override
  public String lockRowClause() {
    return " FOR UPDATE";
  }

  @Override
  public boolean triesUnlockedUpdates() {
    return true;
  }

  @Override
  public boolean sharedByInstances() {
    return true;
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  @Override
  public void lockTables(Connection connection, java.util.List<String> tables, boolean exclusive)
      throws SQLException {
    if (tables.isEmpty()) {
      return;
    }
    // EXCLUSIVE: plain reads go on, every write waits; SHARE: writes wait, reads and other SHAREs
    // go on. The table names are fixed identifiers of the stores, never input.
    try (java.sql.Statement st = connection.createStatement()) {
      st.execute(
          "LOCK TABLE "
              + String.join(", ", tables)
              + (exclusive ? " IN EXCLUSIVE MODE" : " IN SHARE MODE"));
    }
  }

  @Override
  public void afterExplicitId(Connection connection, String table) throws SQLException {
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
    // nothing of its own: the pool belongs to the Database
  }
}

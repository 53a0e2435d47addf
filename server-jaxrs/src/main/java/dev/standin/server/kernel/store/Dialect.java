package dev.standin.server.kernel.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What differs between the databases under {@link Database}: how a write transaction is entered
 * (and so how concurrent writers are serialised), how a row is locked for a read-modify-write, and
 * how the database reports a unique-key clash. The SQL itself is the same on every database.
 */
interface Dialect extends AutoCloseable {

  /**
   * Runs {@code work} in one transaction on {@code connection}: commits, or rolls back on failure.
   */
  static <T> T transaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Runs {@code work} on a connection of its own, in autocommit. */
  default <T> T inReadConnection(DataSource dataSource, SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("read failed", e);
    }
  }

  /** Runs {@code work} in a transaction that may write; commits when it returns normally. */
  <T> T inWriteTransaction(DataSource dataSource, SqlWork<T> work);

  /** What to append to a SELECT that reads a row about to be updated (e.g. " FOR UPDATE"). */
  String lockRowClause();

  /**
   * Whether a read-modify-write first tries without a lock (read, then {@code UPDATE ... WHERE
   * version = ?} in autocommit): worth it where writers run in parallel, pointless where one writer
   * already serialises every write.
   */
  boolean triesUnlockedUpdates();

  boolean isUniqueViolation(SQLException e);

  /** Whether several server instances may work on this database at once (PostgreSQL). */
  default boolean sharedByInstances() {
    return false;
  }

  /** See {@link Database#lockTables}; nothing to do where one writer serialises every write. */
  default void lockTables(Connection connection, java.util.List<String> tables, boolean exclusive)
      throws SQLException {}

  /**
   * Called after a row was inserted into {@code table} with an explicit ID, so the database can
   * move its ID generator past it.
   */
  void afterExplicitId(Connection connection, String table) throws SQLException;

  @Override
  void close();
}

package dev.standin.server.kernel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;

/**
 * The in-memory store ({@code --store memory}): SQLite in memory, so the SQL, the schema (the
 * SQLite migrations) and every merge rule are those of the embedded store, but nothing is written
 * to disk and the state is gone when the server stops.
 *
 * <p>The database is a named shared-cache in-memory database, one per server, kept alive by one
 * connection that the dialect holds until it is closed. Every read and write runs on that one
 * connection, one at a time (a fair lock): in-memory statements take microseconds, and shared-cache
 * SQLite would otherwise fail concurrent readers with {@code SQLITE_LOCKED} instead of waiting.
 * Writes run in a transaction and commit before they return, so a reader never sees a half-done
 * write; there is no fsync to share, hence no group commit.
 */
final class MemoryDialect implements Dialect {

  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock(true);

  private MemoryDialect(Connection connection) {
    this.connection = connection;
  }

  static Database open() {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.enforceForeignKeys(true);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    sqlite.setSharedCache(true);
    String url = "jdbc:sqlite:file:standin-" + UUID.randomUUID() + "?mode=memory&cache=shared";
    Connection keeper;
    try {
      keeper = sqlite.createConnection(url);
    } catch (SQLException e) {
      throw new StoreException("cannot open the in-memory database", e);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("memory");
    config.setJdbcUrl(url);
    config.setDataSourceProperties(sqlite.toProperties());
    // Only the migrations use the pool; afterwards every statement runs on the keeper.
    config.setMaximumPoolSize(1);
    config.setMinimumIdle(0);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      return Database.migrated(
          pool, "classpath:db/migration/sqlite", () -> new MemoryDialect(keeper));
    } catch (RuntimeException e) {
      closeQuietly(keeper);
      throw e;
    }
  }

  @Override
  public <T> T inReadConnection(DataSource dataSource, SqlWork<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("read failed", e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> T inWriteTransaction(DataSource dataSource, SqlWork<T> work) {
    lock.lock();
    try {
      return Dialect.transaction(connection, work);
    } catch (SQLException e) {
      throw new StoreException("write failed", e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String lockRowClause() {
    return ""; // one connection at a time already serialises every read-modify-write
  }

  @Override
  public boolean triesUnlockedUpdates() {
    return false;
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    return SqliteDialect.isSqliteUniqueViolation(e);
  }

  @Override
  public void afterExplicitId(Connection connection, String table) {
    // AUTOINCREMENT moves past explicit IDs by itself
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closeQuietly(connection);
    } finally {
      lock.unlock();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the in-memory database", e);
    }
  }
}

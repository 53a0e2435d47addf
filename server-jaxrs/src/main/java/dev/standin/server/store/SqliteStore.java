package dev.standin.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded default store: one SQLite file in the data directory, no setup needed.
 *
 * <p>Durability: write-ahead log with {@code synchronous=FULL}, so a committed write has been
 * fsync'ed before the method returns. Concurrency: writers are serialised by one in-process lock
 * (one process owns the file), readers run beside them thanks to the write-ahead log.
 */
public final class SqliteStore extends JdbcStore {

  public static final String FILE_NAME = "standin.db";

  private final HikariDataSource pool;
  private final ReentrantLock writeLock = new ReentrantLock();

  private SqliteStore(HikariDataSource pool) {
    super(pool);
    this.pool = pool;
  }

  /** Opens (creating when needed) the store in {@code dataDir} and brings its schema up to date. */
  public static SqliteStore open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(10_000);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);

    HikariConfig config = new HikariConfig();
    config.setPoolName("sqlite");
    config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath());
    config.setDataSourceProperties(sqlite.toProperties());
    config.setMaximumPoolSize(8);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration/sqlite")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new SqliteStore(pool);
  }

  @Override
  protected <T> T inWriteTransaction(SqlWork<T> work) {
    writeLock.lock();
    try (Connection connection = dataSource().getConnection()) {
      return transaction(connection, work);
    } catch (SQLException e) {
      throw new StoreException("write failed", e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  protected String lockRowClause() {
    return ""; // the write lock already serialises every read-modify-write
  }

  @Override
  protected boolean isUniqueViolation(SQLException e) {
    return e instanceof SQLiteException s
        && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
            || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
  }

  @Override
  public void close() {
    pool.close();
  }
}

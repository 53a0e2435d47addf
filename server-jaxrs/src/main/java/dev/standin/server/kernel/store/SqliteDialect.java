package dev.standin.server.kernel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded default: one SQLite file in the data directory, no setup needed.
 *
 * <p>Durability: write-ahead log with {@code synchronous=FULL}, so a committed write has been
 * fsync'ed before the method returns. Concurrency: all writes go through one writer connection with
 * group commit ({@link GroupCommitWriter}), which serialises them (one process owns the file) and
 * shares one fsync among the writes that arrive together; readers run beside it thanks to the
 * write-ahead log.
 */
final class SqliteDialect implements Dialect {

  static final String FILE_NAME = "standin.db";

  private final GroupCommitWriter writer;

  private SqliteDialect(GroupCommitWriter writer) {
    this.writer = writer;
  }

  static Database open(Path dataDir) {
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
    return Database.migrated(
        pool,
        "classpath:db/migration/sqlite",
        () -> {
          try {
            return new SqliteDialect(new GroupCommitWriter(pool.getConnection(), "sqlite-writer"));
          } catch (SQLException e) {
            throw new StoreException("cannot open the writer connection", e);
          }
        });
  }

  @Override
  public <T> T inWriteTransaction(DataSource dataSource, SqlWork<T> work) {
    return writer.submit(work);
  }

  @Override
  public String lockRowClause() {
    return ""; // the single writer already serialises every read-modify-write
  }

  @Override
  public boolean triesUnlockedUpdates() {
    return false;
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    return isSqliteUniqueViolation(e);
  }

  static boolean isSqliteUniqueViolation(SQLException e) {
    return e instanceof SQLiteException s
        && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
            || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
  }

  @Override
  public void afterExplicitId(Connection connection, String table) {
    // AUTOINCREMENT moves past explicit IDs by itself
  }

  @Override
  public void close() {
    writer.close();
  }
}

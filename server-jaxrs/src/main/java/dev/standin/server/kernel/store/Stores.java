package dev.standin.server.kernel.store;

import java.nio.file.Path;

/** Chooses the store: a shared PostgreSQL database when one is configured, else embedded SQLite. */
public final class Stores {

  private Stores() {}

  /**
   * @param dataDir the embedded store's directory
   * @param database the shared database, or {@code null} for the embedded store
   */
  public static Store open(Path dataDir, DatabaseConfig database) {
    return database == null ? SqliteStore.open(dataDir) : PostgresStore.open(database);
  }
}

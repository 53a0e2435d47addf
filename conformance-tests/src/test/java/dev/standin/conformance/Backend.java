package dev.standin.conformance;

import dev.standin.server.ServerConfig;
import dev.standin.server.kernel.store.DatabaseConfig;
import java.nio.file.Path;

/** The stores the conformance suite runs against; every test class runs once per backend. */
enum Backend {
  /** The embedded default: a SQLite file in the data directory. */
  SQLITE {
    @Override
    ServerConfig configure(ServerConfig config) {
      return config;
    }
  },
  /** A PostgreSQL server started by the tests (see {@link TestPostgres}), a fresh database each. */
  POSTGRES {
    @Override
    ServerConfig configure(ServerConfig config) {
      return config.withDatabase(TestPostgres.shared().newDatabase());
    }
  },
  /** The in-memory store ({@code --store memory}): SQLite in memory, nothing on disk. */
  MEMORY {
    @Override
    ServerConfig configure(ServerConfig config) {
      return config.withDatabase(DatabaseConfig.memory());
    }
  };

  /** A configuration on this backend with an empty store. */
  abstract ServerConfig configure(ServerConfig config);

  ServerConfig newConfig(Path dataDir) {
    return configure(ServerConfig.forDataDir(dataDir));
  }
}

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

  /**
   * The work factor of the token secrets the suite's servers store. The vendor-facing behaviour
   * does not depend on it, but at the default every server start spends ~0.3 s of CPU per secret on
   * the test JVMs' quick compiler, about a minute per build. {@code SpaazaSecretBudgetTest} keeps
   * the default, as its point is the cost of a check (docs/adr/0038).
   */
  static final int SECRET_HASH_ITERATIONS = 1_000;

  ServerConfig newConfig(Path dataDir) {
    ServerConfig config = configure(ServerConfig.forDataDir(dataDir));
    return config.withSpaaza(config.spaaza().withSecretHashIterations(SECRET_HASH_ITERATIONS));
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.kernel.store.DatabaseConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's database set-up on PostgreSQL 15 and later: a database owned by the server's role
 * works; one created by another role (the server's role may not create tables in {@code public})
 * stops the start with one line saying what to grant or how to create the database.
 */
class PostgresSetupTest {

  @TempDir Path dataDir;

  @Test
  void aDatabaseOwnedByTheRoleWorks() {
    DatabaseConfig owned = TestPostgres.shared().newDatabaseFor("standin_owner", true);

    try (StandinServer server = start(owned)) {
      assertThat(server.createdToken()).isPresent();
    }
  }

  @Test
  void aDatabaseTheRoleMayNotCreateTablesInSaysWhatToGrant() {
    DatabaseConfig notOwned = TestPostgres.shared().newDatabaseFor("standin_guest", false);

    IllegalStateException e =
        catchThrowableOfType(IllegalStateException.class, () -> start(notOwned));

    assertThat(e.getMessage())
        .doesNotContain("\n")
        .contains("role standin_guest may not create tables in schema public")
        .contains("createdb -O standin_guest")
        .contains("GRANT CREATE ON SCHEMA public TO standin_guest");
  }

  private StandinServer start(DatabaseConfig database) {
    return StandinServer.start(ServerConfig.forDataDir(dataDir).withDatabase(database));
  }
}

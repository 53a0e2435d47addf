package dev.standin.server.spaaza.store;

import static dev.standin.server.kernel.store.Database.all;
import static dev.standin.server.kernel.store.Database.count;
import static dev.standin.server.kernel.store.Database.execute;
import static dev.standin.server.kernel.store.Database.first;
import static dev.standin.server.kernel.store.Database.insertReturningId;

import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.store.Database.Versioned;
import dev.standin.server.kernel.store.Database.VersionedRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The Spaaza tables on the shared {@link Database}. */
public final class JdbcSpaazaStore implements SpaazaStore {

  private static final String TASK_COLUMNS =
      "id, chain_id, state, due_at, action, campaign_id, body";

  private final Database db;

  public JdbcSpaazaStore(Database db) {
    this.db = db;
  }

  // --- chains and credentials -----------------------------------------------------------------

  @Override
  public long countChains() {
    return db.read(c -> count(c, "SELECT COUNT(*) FROM spaaza_chains"));
  }

  @Override
  public long createChain(String name, Instant createdAt) {
    return db.write(
        c ->
            insertReturningId(
                c,
                "INSERT INTO spaaza_chains (name, created_at) VALUES (?, ?)",
                name,
                createdAt.toString()));
  }

  @Override
  public void ensureChain(long chainId, String name, Instant createdAt) {
    db.write(
        c -> {
          if (first(c, "SELECT 1 FROM spaaza_chains WHERE id = ?", rs -> true, chainId)
              .isPresent()) {
            return null;
          }
          execute(
              c,
              "INSERT INTO spaaza_chains (id, name, created_at) VALUES (?, ?, ?)",
              chainId,
              name,
              createdAt.toString());
          db.afterExplicitId(c, "spaaza_chains");
          return null;
        });
  }

  @Override
  public Optional<SpaazaToken> findToken(String tokenId) {
    return db.read(
        c ->
            first(
                c,
                "SELECT token_id, chain_id, secret_hash FROM spaaza_tokens WHERE token_id = ?",
                rs -> new SpaazaToken(rs.getString(1), rs.getLong(2), rs.getString(3)),
                tokenId));
  }

  @Override
  public void putToken(SpaazaToken token) {
    db.write(
        c -> {
          execute(c, "DELETE FROM spaaza_tokens WHERE token_id = ?", token.tokenId());
          return execute(
              c,
              "INSERT INTO spaaza_tokens (token_id, chain_id, secret_hash) VALUES (?, ?, ?)",
              token.tokenId(),
              token.chainId(),
              token.secretHash());
        });
  }

  @Override
  public void putSession(long userId, String keyHash) {
    db.write(
        c -> {
          execute(c, "DELETE FROM spaaza_sessions WHERE key_hash = ?", keyHash);
          return execute(
              c, "INSERT INTO spaaza_sessions (key_hash, user_id) VALUES (?, ?)", keyHash, userId);
        });
  }

  @Override
  public Optional<Long> findSessionUser(String keyHash) {
    return db.read(
        c ->
            first(
                c,
                "SELECT user_id FROM spaaza_sessions WHERE key_hash = ?",
                rs -> rs.getLong(1),
                keyHash));
  }

  @Override
  public void putChainAccess(long userId, long chainId, String accessLevel) {
    db.write(
        c -> {
          execute(
              c,
              "DELETE FROM spaaza_chain_access WHERE user_id = ? AND chain_id = ?",
              userId,
              chainId);
          return execute(
              c,
              "INSERT INTO spaaza_chain_access (user_id, chain_id, access_level) VALUES (?, ?, ?)",
              userId,
              chainId,
              accessLevel);
        });
  }

  @Override
  public Optional<String> findChainAccess(long userId, long chainId) {
    return db.read(
        c ->
            first(
                c,
                "SELECT access_level FROM spaaza_chain_access WHERE user_id = ? AND chain_id = ?",
                rs -> rs.getString(1),
                userId,
                chainId));
  }

  // --- tasks ----------------------------------------------------------------------------------

  @Override
  public long insertTask(SpaazaTaskRecord task) {
    return db.write(
        c ->
            insertReturningId(
                c,
                "INSERT INTO spaaza_tasks (chain_id, state, due_at, action, campaign_id, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                task.chainId(),
                task.state(),
                task.dueAt().toEpochMilli(),
                task.action(),
                task.campaignId(),
                task.json()));
  }

  @Override
  public Optional<SpaazaTaskRecord> findTask(long id) {
    return db.read(c -> TASK_ROWS.read(c, id, "").map(Versioned::value));
  }

  @Override
  public Optional<SpaazaTaskRecord> updateTask(long id, UnaryOperator<SpaazaTaskRecord> change) {
    return db.update("spaaza_tasks " + id, TASK_ROWS, id, change)
        .map(
            next ->
                new SpaazaTaskRecord(
                    id,
                    next.chainId(),
                    next.state(),
                    next.dueAt(),
                    next.action(),
                    next.campaignId(),
                    next.json()));
  }

  /** How {@link Database#update} reads and writes a task; its ID and chain are never written. */
  private static final VersionedRows<Long, SpaazaTaskRecord> TASK_ROWS =
      new VersionedRows<>() {
        @Override
        public Optional<Versioned<SpaazaTaskRecord>> read(Connection c, Long id, String lockClause)
            throws SQLException {
          return first(
              c,
              "SELECT version, " + TASK_COLUMNS + " FROM spaaza_tasks WHERE id = ?" + lockClause,
              rs -> new Versioned<>(toTask(rs, 2), rs.getLong(1)),
              id);
        }

        @Override
        public boolean write(Connection c, Long id, SpaazaTaskRecord next, long version)
            throws SQLException {
          return execute(
                  c,
                  "UPDATE spaaza_tasks SET state = ?, due_at = ?, action = ?, campaign_id = ?,"
                      + " body = ?, version = version + 1 WHERE id = ? AND version = ?",
                  next.state(),
                  next.dueAt().toEpochMilli(),
                  next.action(),
                  next.campaignId(),
                  next.json(),
                  id,
                  version)
              == 1;
        }
      };

  @Override
  public boolean deleteTask(long id) {
    return db.write(c -> execute(c, "DELETE FROM spaaza_tasks WHERE id = ?", id) > 0);
  }

  @Override
  public List<SpaazaTaskRecord> listTasks(SpaazaTaskQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(TASK_COLUMNS)
            .append(" FROM spaaza_tasks WHERE chain_id = ?");
    List<Object> args = new ArrayList<>(List.of(query.chainId()));
    if (query.state() != null) {
      sql.append(" AND state = ?");
      args.add(query.state());
    }
    if (query.action() != null) {
      sql.append(" AND action = ?");
      args.add(query.action());
    }
    if (query.campaignId() != null) {
      sql.append(" AND campaign_id = ?");
      args.add(query.campaignId());
    }
    sql.append(" ORDER BY id LIMIT ? OFFSET ?");
    args.add(query.limit());
    args.add(query.offset());
    return db.read(c -> all(c, sql.toString(), rs -> toTask(rs, 1), args.toArray()));
  }

  @Override
  public List<Long> findDueTasks(String state, Instant now, int max) {
    return db.read(
        c ->
            all(
                c,
                "SELECT id FROM spaaza_tasks WHERE state = ? AND due_at <= ?"
                    + " ORDER BY due_at, id LIMIT ?",
                rs -> rs.getLong(1),
                state,
                now.toEpochMilli(),
                max));
  }

  // --- result files and secrets -----------------------------------------------------------------

  @Override
  public void putResult(String name, long taskId, byte[] content) {
    db.write(
        c ->
            execute(
                c,
                "INSERT INTO spaaza_results (name, task_id, content) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE"
                    + " SET task_id = excluded.task_id, content = excluded.content",
                name,
                taskId,
                content));
  }

  @Override
  public Optional<byte[]> findResult(String name) {
    return db.read(
        c ->
            first(
                c,
                "SELECT content FROM spaaza_results WHERE name = ?",
                rs -> rs.getBytes(1),
                name));
  }

  @Override
  public boolean hasResult(String name) {
    return db.read(c -> first(c, "SELECT 1 FROM spaaza_results WHERE name = ?", rs -> true, name))
        .isPresent();
  }

  @Override
  public void deleteResult(String name) {
    db.write(c -> execute(c, "DELETE FROM spaaza_results WHERE name = ?", name));
  }

  @Override
  public String secret(String name, String candidate) {
    return db.write(
        c -> {
          // DO NOTHING waits for a concurrent insert of the same name to commit, then keeps it.
          execute(
              c,
              "INSERT INTO spaaza_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
              name,
              candidate);
          return first(
                  c, "SELECT value FROM spaaza_secrets WHERE name = ?", rs -> rs.getString(1), name)
              .orElseThrow();
        });
  }

  /** Reads the {@link #TASK_COLUMNS} starting at column {@code first}. */
  private static SpaazaTaskRecord toTask(ResultSet rs, int first) throws SQLException {
    long campaign = rs.getLong(first + 5);
    Long campaignId = rs.wasNull() ? null : campaign;
    return new SpaazaTaskRecord(
        rs.getLong(first),
        rs.getLong(first + 1),
        rs.getString(first + 2),
        Instant.ofEpochMilli(rs.getLong(first + 3)),
        rs.getString(first + 4),
        campaignId,
        rs.getString(first + 6));
  }
}

package dev.standin.server.apify.store;

import static dev.standin.server.kernel.store.Database.all;
import static dev.standin.server.kernel.store.Database.count;
import static dev.standin.server.kernel.store.Database.execute;
import static dev.standin.server.kernel.store.Database.first;

import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.store.Database.Versioned;
import dev.standin.server.kernel.store.Database.VersionedRows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Apify tables on the shared {@link Database}: users, API tokens and one table a collection.
 */
public final class JdbcApifyStore implements ApifyStore {

  /** The columns {@link #toDocument} reads, in its order. */
  private static final String DOCUMENT_COLUMNS = "id, owner_id, name, created_at, body";

  private static final String USER_COLUMNS = "u.id, u.username, u.created_at";

  private final Database db;
  private final Map<Collection, VersionedRows<String, Document>> rows =
      new EnumMap<>(Collection.class);

  public JdbcApifyStore(Database db) {
    this.db = db;
    for (Collection collection : Collection.values()) {
      rows.put(collection, documentRows(collection.table()));
    }
  }

  // --- users ----------------------------------------------------------------------------------

  @Override
  public Optional<User> findUserById(String id) {
    return findUser("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?", id);
  }

  @Override
  public Optional<User> findUserByUsername(String username) {
    return findUser("SELECT " + USER_COLUMNS + " FROM users u WHERE u.username = ?", username);
  }

  @Override
  public Optional<User> findUserByTokenHash(String tokenHash) {
    return findUser(
        "SELECT "
            + USER_COLUMNS
            + " FROM users u JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ?",
        tokenHash);
  }

  private Optional<User> findUser(String sql, String arg) {
    return db.read(
        c ->
            first(
                c,
                sql,
                rs -> new User(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))),
                arg));
  }

  @Override
  public void createUser(User user) {
    db.writeOrNameTaken(
        "username " + user.username(),
        c ->
            execute(
                c,
                "INSERT INTO users (id, username, created_at) VALUES (?, ?, ?)",
                user.id(),
                user.username(),
                user.createdAt().toString()));
  }

  @Override
  public void addToken(String userId, String tokenHash) {
    db.write(
        c -> {
          // ON CONFLICT: two instances starting together with the same preset token must not fail.
          execute(
              c,
              "INSERT INTO api_tokens (token_hash, user_id) VALUES (?, ?)"
                  + " ON CONFLICT (token_hash) DO NOTHING",
              tokenHash,
              userId);
          Optional<String> owner =
              first(
                  c,
                  "SELECT user_id FROM api_tokens WHERE token_hash = ?",
                  rs -> rs.getString(1),
                  tokenHash);
          if (owner.isPresent() && !owner.get().equals(userId)) {
            throw new IllegalArgumentException("that token already belongs to another user");
          }
          return null;
        });
  }

  @Override
  public long countUsers() {
    return db.read(c -> count(c, "SELECT COUNT(*) FROM users"));
  }

  // --- documents ------------------------------------------------------------------------------

  @Override
  public Optional<Document> find(Collection collection, String id) {
    return db.read(
        c ->
            first(
                c,
                "SELECT " + DOCUMENT_COLUMNS + " FROM " + collection.table() + " WHERE id = ?",
                JdbcApifyStore::toDocument,
                id));
  }

  @Override
  public Optional<Document> findByName(Collection collection, String ownerId, String name) {
    return db.read(
        c ->
            first(
                c,
                "SELECT "
                    + DOCUMENT_COLUMNS
                    + " FROM "
                    + collection.table()
                    + " WHERE owner_id = ? AND name = ?",
                JdbcApifyStore::toDocument,
                ownerId,
                name));
  }

  @Override
  public void insert(Collection collection, Document document) {
    db.writeOrNameTaken(
        collection.table() + " name " + document.name(),
        c ->
            execute(
                c,
                "INSERT INTO "
                    + collection.table()
                    + " (id, owner_id, name, created_at, body) VALUES (?, ?, ?, ?, ?)",
                document.id(),
                document.ownerId(),
                document.name(),
                document.createdAt().toString(),
                document.json()));
  }

  @Override
  public Optional<Document> update(
      Collection collection, String id, UnaryOperator<Document> change) {
    return db.update(collection.table() + " " + id, rows.get(collection), id, change);
  }

  /** How {@link Database#update} reads and writes the documents of one table. */
  private static VersionedRows<String, Document> documentRows(String table) {
    return new VersionedRows<>() {
      @Override
      public Optional<Versioned<Document>> read(Connection c, String id, String lockClause)
          throws SQLException {
        return first(
            c,
            "SELECT version, " + DOCUMENT_COLUMNS + " FROM " + table + " WHERE id = ?" + lockClause,
            rs -> new Versioned<>(toDocument(rs, 2), rs.getLong(1)),
            id);
      }

      @Override
      public boolean write(Connection c, String id, Document next, long version)
          throws SQLException {
        return execute(
                c,
                "UPDATE "
                    + table
                    + " SET name = ?, body = ?, version = version + 1 WHERE id = ? AND version = ?",
                next.name(),
                next.json(),
                id,
                version)
            == 1;
      }
    };
  }

  @Override
  public boolean delete(Collection collection, String id) {
    return db.write(c -> execute(c, "DELETE FROM " + collection.table() + " WHERE id = ?", id) > 0);
  }

  @Override
  public Page list(Collection collection, String ownerId, long offset, int limit, boolean desc) {
    String table = collection.table();
    return db.read(
        c ->
            new Page(
                count(c, "SELECT COUNT(*) FROM " + table + " WHERE owner_id = ?", ownerId),
                all(
                    c,
                    "SELECT "
                        + DOCUMENT_COLUMNS
                        + " FROM "
                        + table
                        + " WHERE owner_id = ? ORDER BY seq "
                        + (desc ? "DESC" : "ASC")
                        + " LIMIT ? OFFSET ?",
                    JdbcApifyStore::toDocument,
                    ownerId,
                    limit,
                    offset)));
  }

  @Override
  public Page listThroughParents(
      Collection collection,
      Collection parents,
      String userId,
      long offset,
      int limit,
      boolean desc) {
    String from =
        " FROM "
            + collection.table()
            + " d JOIN "
            + parents.table()
            + " p ON p.id = d.owner_id WHERE p.owner_id = ?";
    return db.read(
        c ->
            new Page(
                count(c, "SELECT COUNT(*)" + from, userId),
                all(
                    c,
                    "SELECT d."
                        + DOCUMENT_COLUMNS.replace(", ", ", d.")
                        + from
                        + " ORDER BY d.seq "
                        + (desc ? "DESC" : "ASC")
                        + " LIMIT ? OFFSET ?",
                    JdbcApifyStore::toDocument,
                    userId,
                    limit,
                    offset)));
  }

  private static Document toDocument(ResultSet rs) throws SQLException {
    return toDocument(rs, 1);
  }

  /** Reads the {@link #DOCUMENT_COLUMNS} starting at column {@code first}. */
  private static Document toDocument(ResultSet rs, int first) throws SQLException {
    return new Document(
        rs.getString(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        Instant.parse(rs.getString(first + 3)),
        rs.getString(first + 4));
  }

  @Override
  public long nextBuildNumber(String actorId, String versionNumber, long atLeast) {
    return db.write(
        c -> {
          execute(
              c,
              "INSERT INTO build_counters (actor_id, version_number, last_number) VALUES (?, ?, ?)"
                  + " ON CONFLICT (actor_id, version_number) DO UPDATE SET last_number ="
                  + " CASE WHEN build_counters.last_number + 1 > excluded.last_number"
                  + " THEN build_counters.last_number + 1 ELSE excluded.last_number END",
              actorId,
              versionNumber,
              atLeast);
          return count(
              c,
              "SELECT last_number FROM build_counters WHERE actor_id = ? AND version_number = ?",
              actorId,
              versionNumber);
        });
  }
}

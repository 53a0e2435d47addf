package dev.standin.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The SQL shared by the relational stores. Subclasses decide how a write transaction is entered
 * (and so how concurrent writers are serialised), how a row is locked for a read-modify-write, and
 * how the database reports a unique-key clash.
 */
public abstract class JdbcStore implements Store {

  private final DataSource dataSource;

  protected JdbcStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work done inside one transaction. */
  @FunctionalInterface
  protected interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in a transaction that may write; commits when it returns normally. */
  protected abstract <T> T inWriteTransaction(SqlWork<T> work);

  /** What to append to a SELECT that reads a row about to be updated (e.g. " FOR UPDATE"). */
  protected abstract String lockRowClause();

  protected abstract boolean isUniqueViolation(SQLException e);

  protected final DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in a transaction with the connection's own commit handling. */
  protected final <T> T transaction(Connection connection, SqlWork<T> work) throws SQLException {
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

  private <T> T read(SqlWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("read failed", e);
    }
  }

  // --- users --------------------------------------------------------------------------------

  @Override
  public Optional<User> findUserById(String id) {
    return read(c -> queryUser(c, "SELECT id, username, created_at FROM users WHERE id = ?", id));
  }

  @Override
  public Optional<User> findUserByUsername(String username) {
    return read(
        c ->
            queryUser(
                c, "SELECT id, username, created_at FROM users WHERE username = ?", username));
  }

  @Override
  public Optional<User> findUserByTokenHash(String tokenHash) {
    return read(
        c ->
            queryUser(
                c,
                "SELECT u.id, u.username, u.created_at FROM users u"
                    + " JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = ?",
                tokenHash));
  }

  private static Optional<User> queryUser(Connection c, String sql, String arg)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, arg);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new User(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))));
      }
    }
  }

  @Override
  public void createUser(User user) {
    writeOrNameTaken(
        "username " + user.username(),
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("INSERT INTO users (id, username, created_at) VALUES (?, ?, ?)")) {
            st.setString(1, user.id());
            st.setString(2, user.username());
            st.setString(3, user.createdAt().toString());
            st.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void addToken(String userId, String tokenHash) {
    inWriteTransaction(
        c -> {
          // ON CONFLICT: two instances starting together with the same preset token must not fail.
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO api_tokens (token_hash, user_id) VALUES (?, ?)"
                      + " ON CONFLICT (token_hash) DO NOTHING")) {
            st.setString(1, tokenHash);
            st.setString(2, userId);
            st.executeUpdate();
          }
          try (PreparedStatement find =
              c.prepareStatement("SELECT user_id FROM api_tokens WHERE token_hash = ?")) {
            find.setString(1, tokenHash);
            try (ResultSet rs = find.executeQuery()) {
              if (rs.next() && !rs.getString(1).equals(userId)) {
                throw new IllegalArgumentException("that token already belongs to another user");
              }
            }
          }
          return null;
        });
  }

  @Override
  public long countUsers() {
    return read(
        c -> {
          try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM users");
              ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  // --- documents ----------------------------------------------------------------------------

  private static final String DOCUMENT_COLUMNS = "id, owner_id, name, created_at, body";

  @Override
  public Optional<Document> find(Collection collection, String id) {
    return read(c -> selectById(c, collection, id, ""));
  }

  @Override
  public Optional<Document> findByName(Collection collection, String ownerId, String name) {
    return read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT "
                      + DOCUMENT_COLUMNS
                      + " FROM "
                      + collection.table()
                      + " WHERE owner_id = ? AND name = ?")) {
            st.setString(1, ownerId);
            st.setString(2, name);
            return singleDocument(st);
          }
        });
  }

  private Optional<Document> selectById(
      Connection c, Collection collection, String id, String lockClause) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT "
                + DOCUMENT_COLUMNS
                + " FROM "
                + collection.table()
                + " WHERE id = ?"
                + lockClause)) {
      st.setString(1, id);
      return singleDocument(st);
    }
  }

  private static Optional<Document> singleDocument(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(toDocument(rs)) : Optional.empty();
    }
  }

  private static Document toDocument(ResultSet rs) throws SQLException {
    return new Document(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Instant.parse(rs.getString(4)),
        rs.getString(5));
  }

  @Override
  public void insert(Collection collection, Document document) {
    writeOrNameTaken(
        collection.table() + " name " + document.name(),
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO "
                      + collection.table()
                      + " (id, owner_id, name, created_at, body) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, document.id());
            st.setString(2, document.ownerId());
            st.setString(3, document.name());
            st.setString(4, document.createdAt().toString());
            st.setString(5, document.json());
            st.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Document> update(Collection collection, String id, DocumentChange change) {
    return writeOrNameTaken(
        collection.table() + " " + id,
        c -> {
          Optional<Document> current = selectById(c, collection, id, lockRowClause());
          if (current.isEmpty()) {
            return Optional.empty();
          }
          Document next = change.apply(current.get());
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE " + collection.table() + " SET name = ?, body = ? WHERE id = ?")) {
            st.setString(1, next.name());
            st.setString(2, next.json());
            st.setString(3, id);
            st.executeUpdate();
          }
          return Optional.of(next);
        });
  }

  @Override
  public boolean delete(Collection collection, String id) {
    return inWriteTransaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("DELETE FROM " + collection.table() + " WHERE id = ?")) {
            st.setString(1, id);
            return st.executeUpdate() > 0;
          }
        });
  }

  @Override
  public Page list(Collection collection, String ownerId, long offset, int limit, boolean desc) {
    return read(
        c -> {
          long total;
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM " + collection.table() + " WHERE owner_id = ?")) {
            st.setString(1, ownerId);
            try (ResultSet rs = st.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<Document> items = new ArrayList<>();
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT "
                      + DOCUMENT_COLUMNS
                      + " FROM "
                      + collection.table()
                      + " WHERE owner_id = ? ORDER BY seq "
                      + (desc ? "DESC" : "ASC")
                      + " LIMIT ? OFFSET ?")) {
            st.setString(1, ownerId);
            st.setInt(2, limit);
            st.setLong(3, offset);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                items.add(toDocument(rs));
              }
            }
          }
          return new Page(total, items);
        });
  }

  /** A write whose unique-key clash means "name taken", reported as {@link NameTakenException}. */
  private <T> T writeOrNameTaken(String what, SqlWork<T> work) {
    try {
      return inWriteTransaction(work);
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && isUniqueViolation(sql)) {
        throw new NameTakenException(what + " is taken", sql);
      }
      throw e;
    }
  }
}

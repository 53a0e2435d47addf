package dev.standin.server.kernel.store;

import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.Page;
import dev.standin.server.apify.store.User;
import dev.standin.server.spaaza.store.SpaazaTaskQuery;
import dev.standin.server.spaaza.store.SpaazaTaskRecord;
import dev.standin.server.spaaza.store.SpaazaToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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

  /**
   * Called after a row was inserted into {@code table} with an explicit ID, so the database can
   * move its ID generator past it (SQLite's AUTOINCREMENT does that itself).
   */
  protected void afterExplicitId(Connection connection, String table) throws SQLException {}

  /**
   * Extra assignments for the UPDATE of a document row (e.g. {@code ", version = version + 1"} in a
   * store whose rows carry a version); empty by default.
   */
  protected String documentUpdateExtras() {
    return "";
  }

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
    return first(
        c,
        sql,
        rs -> new User(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))),
        arg);
  }

  @Override
  public void createUser(User user) {
    writeOrNameTaken(
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
    inWriteTransaction(
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
    return read(c -> count(c, "SELECT COUNT(*) FROM users"));
  }

  @Override
  public void ping() {
    read(c -> count(c, "SELECT 1"));
  }

  // --- documents ----------------------------------------------------------------------------

  /** The columns {@link #toDocument} reads, in its order. */
  protected static final String DOCUMENT_COLUMNS = "id, owner_id, name, created_at, body";

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
    return toDocument(rs, 1);
  }

  /** Reads the {@link #DOCUMENT_COLUMNS} starting at column {@code first}. */
  protected static Document toDocument(ResultSet rs, int first) throws SQLException {
    return new Document(
        rs.getString(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        Instant.parse(rs.getString(first + 3)),
        rs.getString(first + 4));
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
                  "UPDATE "
                      + collection.table()
                      + " SET name = ?, body = ?"
                      + documentUpdateExtras()
                      + " WHERE id = ?")) {
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
        c -> execute(c, "DELETE FROM " + collection.table() + " WHERE id = ?", id) > 0);
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

  // --- Spaaza: chains and credentials -------------------------------------------------------

  @Override
  public long countSpaazaChains() {
    return read(c -> count(c, "SELECT COUNT(*) FROM spaaza_chains"));
  }

  @Override
  public long createSpaazaChain(String name, Instant createdAt) {
    return inWriteTransaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO spaaza_chains (name, created_at) VALUES (?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, name);
            st.setString(2, createdAt.toString());
            st.executeUpdate();
            return generatedId(st);
          }
        });
  }

  @Override
  public void ensureSpaazaChain(long chainId, String name, Instant createdAt) {
    inWriteTransaction(
        c -> {
          if (exists(c, "SELECT 1 FROM spaaza_chains WHERE id = ?", chainId)) {
            return null;
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO spaaza_chains (id, name, created_at) VALUES (?, ?, ?)")) {
            st.setLong(1, chainId);
            st.setString(2, name);
            st.setString(3, createdAt.toString());
            st.executeUpdate();
          }
          afterExplicitId(c, "spaaza_chains");
          return null;
        });
  }

  @Override
  public Optional<SpaazaToken> findSpaazaToken(String tokenId) {
    return read(
        c ->
            first(
                c,
                "SELECT token_id, chain_id, secret_hash FROM spaaza_tokens WHERE token_id = ?",
                rs -> new SpaazaToken(rs.getString(1), rs.getLong(2), rs.getString(3)),
                tokenId));
  }

  @Override
  public void putSpaazaToken(SpaazaToken token) {
    inWriteTransaction(
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
  public void putSpaazaSession(long userId, String keyHash) {
    inWriteTransaction(
        c -> {
          execute(c, "DELETE FROM spaaza_sessions WHERE key_hash = ?", keyHash);
          return execute(
              c, "INSERT INTO spaaza_sessions (key_hash, user_id) VALUES (?, ?)", keyHash, userId);
        });
  }

  @Override
  public Optional<Long> findSpaazaSessionUser(String keyHash) {
    return read(
        c ->
            first(
                c,
                "SELECT user_id FROM spaaza_sessions WHERE key_hash = ?",
                rs -> rs.getLong(1),
                keyHash));
  }

  @Override
  public void putSpaazaChainAccess(long userId, long chainId, String accessLevel) {
    inWriteTransaction(
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
  public Optional<String> findSpaazaChainAccess(long userId, long chainId) {
    return read(
        c ->
            first(
                c,
                "SELECT access_level FROM spaaza_chain_access WHERE user_id = ? AND chain_id = ?",
                rs -> rs.getString(1),
                userId,
                chainId));
  }

  // --- Spaaza: tasks ------------------------------------------------------------------------

  private static final String SPAAZA_TASK_COLUMNS =
      "id, chain_id, state, due_at, action, campaign_id, body";

  @Override
  public long insertSpaazaTask(SpaazaTaskRecord task) {
    return inWriteTransaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO spaaza_tasks (chain_id, state, due_at, action, campaign_id, body)"
                      + " VALUES (?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, task.chainId());
            setTaskColumns(st, 2, task);
            st.executeUpdate();
            return generatedId(st);
          }
        });
  }

  /** Binds state, due_at, action, campaign_id and body from {@code first} on. */
  private static void setTaskColumns(PreparedStatement st, int first, SpaazaTaskRecord task)
      throws SQLException {
    st.setString(first, task.state());
    st.setLong(first + 1, task.dueAt().toEpochMilli());
    st.setString(first + 2, task.action());
    if (task.campaignId() == null) {
      st.setNull(first + 3, Types.BIGINT);
    } else {
      st.setLong(first + 3, task.campaignId());
    }
    st.setString(first + 4, task.json());
  }

  @Override
  public Optional<SpaazaTaskRecord> findSpaazaTask(long id) {
    return read(c -> selectSpaazaTask(c, id, ""));
  }

  private Optional<SpaazaTaskRecord> selectSpaazaTask(Connection c, long id, String lockClause)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT " + SPAAZA_TASK_COLUMNS + " FROM spaaza_tasks WHERE id = ?" + lockClause)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(toSpaazaTask(rs)) : Optional.empty();
      }
    }
  }

  private static SpaazaTaskRecord toSpaazaTask(ResultSet rs) throws SQLException {
    long campaign = rs.getLong(6);
    Long campaignId = rs.wasNull() ? null : campaign;
    return new SpaazaTaskRecord(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getString(5),
        campaignId,
        rs.getString(7));
  }

  @Override
  public Optional<SpaazaTaskRecord> updateSpaazaTask(
      long id, UnaryOperator<SpaazaTaskRecord> change) {
    return inWriteTransaction(
        c -> {
          Optional<SpaazaTaskRecord> current = selectSpaazaTask(c, id, lockRowClause());
          if (current.isEmpty()) {
            return Optional.empty();
          }
          SpaazaTaskRecord next = change.apply(current.get());
          if (next == current.get()) {
            return current;
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE spaaza_tasks SET state = ?, due_at = ?, action = ?, campaign_id = ?,"
                      + " body = ? WHERE id = ?")) {
            setTaskColumns(st, 1, next);
            st.setLong(6, id);
            st.executeUpdate();
          }
          return Optional.of(
              new SpaazaTaskRecord(
                  id,
                  current.get().chainId(),
                  next.state(),
                  next.dueAt(),
                  next.action(),
                  next.campaignId(),
                  next.json()));
        });
  }

  @Override
  public boolean deleteSpaazaTask(long id) {
    return inWriteTransaction(c -> execute(c, "DELETE FROM spaaza_tasks WHERE id = ?", id) > 0);
  }

  @Override
  public List<SpaazaTaskRecord> listSpaazaTasks(SpaazaTaskQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(SPAAZA_TASK_COLUMNS)
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
    return read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              st.setObject(i + 1, args.get(i));
            }
            List<SpaazaTaskRecord> tasks = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                tasks.add(toSpaazaTask(rs));
              }
            }
            return tasks;
          }
        });
  }

  @Override
  public List<Long> findDueSpaazaTasks(String state, Instant now, int max) {
    return read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT id FROM spaaza_tasks WHERE state = ? AND due_at <= ?"
                      + " ORDER BY due_at, id LIMIT ?")) {
            st.setString(1, state);
            st.setLong(2, now.toEpochMilli());
            st.setInt(3, max);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
            return ids;
          }
        });
  }

  private static long generatedId(Statement st) throws SQLException {
    try (ResultSet keys = st.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("the database returned no generated ID");
      }
      return keys.getLong(1);
    }
  }

  private static boolean exists(Connection c, String sql, long id) throws SQLException {
    return first(c, sql, rs -> true, id).isPresent();
  }

  // --- plain statements ---------------------------------------------------------------------

  /** Reads the current row of a result. */
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** The first row {@code sql} finds with these parameters (strings and longs), if any. */
  private static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement st = prepare(c, sql, params);
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
    }
  }

  /** The single number a {@code SELECT COUNT(*)} (or {@code SELECT 1}) answers. */
  private static long count(Connection c, String sql) throws SQLException {
    return first(c, sql, rs -> rs.getLong(1)).orElseThrow();
  }

  /** Runs an INSERT, UPDATE or DELETE with these parameters; returns how many rows it changed. */
  private static int execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepare(c, sql, params)) {
      return st.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      return st;
    } catch (SQLException e) {
      st.close();
      throw e;
    }
  }

  /** A write whose unique-key clash means "name taken", reported as {@link NameTakenException}. */
  private <T> T writeOrNameTaken(String what, SqlWork<T> work) {
    try {
      return inWriteTransaction(work);
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw nameTakenOr(what, sql, e);
      }
      throw e;
    }
  }

  /** {@link NameTakenException} when {@code sql} is a unique-key clash, else {@code otherwise}. */
  protected final RuntimeException nameTakenOr(
      String what, SQLException sql, RuntimeException otherwise) {
    return isUniqueViolation(sql) ? new NameTakenException(what + " is taken", sql) : otherwise;
  }
}

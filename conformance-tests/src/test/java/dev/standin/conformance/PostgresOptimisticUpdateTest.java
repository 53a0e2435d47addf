package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.standin.server.apify.store.ApifyStore;
import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.JdbcApifyStore;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.store.Database;
import dev.standin.server.kernel.store.DatabaseConfig;
import dev.standin.server.kernel.store.NameTakenException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store updates a document without a lock when nobody else writes it, and falls back
 * to its locking transaction when somebody did: these tests force each path and check that no write
 * is lost, that the change runs again on the newer version, and that errors still store nothing.
 */
class PostgresOptimisticUpdateTest {

  private static final Collection TASKS = Collection.ACTOR_TASKS;

  private DatabaseConfig database;
  private Database db;
  private ApifyStore store;
  private User owner;

  @BeforeEach
  void openStore() {
    database = TestPostgres.shared().newDatabase();
    db = Database.open(null, database);
    store = new JdbcApifyStore(db);
    owner = new User("owner00000000001", "owner", Instant.now());
    store.createUser(owner);
  }

  @AfterEach
  void closeStore() {
    db.close();
  }

  private Document insert(String id, String name, String json) {
    Document doc = new Document(id, owner.id(), name, Instant.now(), json);
    store.insert(TASKS, doc);
    return doc;
  }

  @Test
  void anUncontestedUpdateRunsItsChangeOnceAndBumpsTheVersion() throws SQLException {
    insert("task-1", "one", "{\"a\":1}");
    AtomicInteger runs = new AtomicInteger();

    Document stored =
        updateTask1(
            d -> {
              runs.incrementAndGet();
              return d.withJson("{\"a\":2}");
            });

    assertThat(runs).hasValue(1);
    assertThat(stored.json()).isEqualTo("{\"a\":2}");
    assertThat(store.find(TASKS, "task-1").orElseThrow().json()).isEqualTo("{\"a\":2}");
    assertThat(versionOf("task-1")).isEqualTo(1);
  }

  @Test
  void aWriteBetweenReadAndWriteMakesTheChangeRunAgainOnTheNewerVersion() throws Exception {
    insert("task-1", "one", "{}");
    AtomicInteger runs = new AtomicInteger();

    Document stored =
        updateTask1(
            d -> {
              if (runs.incrementAndGet() == 1) {
                anotherWriterAdds("other"); // after this change read the document
              }
              return d.withJson(add(d, "mine"));
            });

    assertThat(runs).hasValue(2);
    assertThat(stored.json()).isEqualTo("{\"other\":1,\"mine\":1}");
    assertThat(store.find(TASKS, "task-1").orElseThrow().json())
        .isEqualTo("{\"other\":1,\"mine\":1}");
    assertThat(versionOf("task-1")).isEqualTo(2); // one per write, on either path
  }

  @Test
  void aMissingDocumentIsEmptyAndItsChangeNeverRuns() {
    AtomicInteger runs = new AtomicInteger();

    assertThat(
            store.update(
                TASKS,
                "no-such-task",
                d -> {
                  runs.incrementAndGet();
                  return d;
                }))
        .isEmpty();
    assertThat(runs).hasValue(0);
  }

  @Test
  void aNameClashWithoutALockIsNameTakenAndStoresNothing() throws SQLException {
    insert("task-1", "one", "{\"a\":1}");
    insert("task-2", "two", "{\"b\":1}");

    assertThatThrownBy(
            () -> store.update(TASKS, "task-2", d -> d.withName("one").withJson("{\"b\":2}")))
        .isInstanceOf(NameTakenException.class);

    Document task2 = store.find(TASKS, "task-2").orElseThrow();
    assertThat(task2.name()).isEqualTo("two");
    assertThat(task2.json()).isEqualTo("{\"b\":1}");
    assertThat(versionOf("task-2")).isZero();
  }

  @Test
  void aChangeThatThrowsAfterLosingTheRaceStoresOnlyTheOtherWrite() throws Exception {
    insert("task-1", "one", "{}");
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                store.update(
                    TASKS,
                    "task-1",
                    d -> {
                      if (runs.incrementAndGet() == 1) {
                        CompletableFuture.runAsync(
                                () ->
                                    store.update(TASKS, "task-1", o -> o.withJson(add(o, "other"))))
                            .orTimeout(30, TimeUnit.SECONDS)
                            .join();
                        return d.withJson(add(d, "mine"));
                      }
                      throw new IllegalStateException("rejected on the newer version");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.find(TASKS, "task-1").orElseThrow().json()).isEqualTo("{\"other\":1}");
  }

  private Document updateTask1(UnaryOperator<Document> change) {
    return store.update(TASKS, "task-1", change).orElseThrow();
  }

  /** Another writer (another thread, its own connection) adds {@code key} to task-1. */
  private void anotherWriterAdds(String key) {
    CompletableFuture.runAsync(() -> updateTask1(o -> o.withJson(add(o, key))))
        .orTimeout(30, TimeUnit.SECONDS)
        .join();
  }

  /** {@code doc}'s JSON object with {@code key: 1} appended (bodies here are flat and small). */
  private static String add(Document doc, String key) {
    String json = doc.json();
    String entry = "\"" + key + "\":1";
    return json.equals("{}") ? "{" + entry + "}" : json.replaceFirst("}$", "," + entry + "}");
  }

  private long versionOf(String id) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        PreparedStatement st = c.prepareStatement("SELECT version FROM actor_tasks WHERE id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }
}

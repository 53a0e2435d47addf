package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.apify.json.ApifyJson;
import dev.standin.server.ServerConfig;
import dev.standin.server.apify.store.ApifyStore;
import dev.standin.server.apify.store.Collection;
import dev.standin.server.apify.store.Document;
import dev.standin.server.apify.store.JdbcApifyStore;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store's own promise, below HTTP and for every collection: {@link Store#update} is an atomic
 * read-modify-write on each backend, so concurrent changes of one document never lose each other,
 * and a change that throws stores nothing.
 */
class StoreAtomicityTest {

  private static final ObjectMapper MAPPER = ApifyJson.newMapper();
  private static final int THREADS = 32;
  private static final int UPDATES_EACH = 50;

  @TempDir Path dataDir;

  private Database open(Backend backend) {
    ServerConfig config = backend.newConfig(dataDir);
    return Database.open(config.dataDir(), config.database());
  }

  /** Builds belong to an Actor (the one this test stored first), everything else to a user. */
  private static String ownerIn(Collection collection, User user) {
    return collection == Collection.BUILDS ? "doc-" + Collection.ACTORS.table() : user.id();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void concurrentUpdatesOfOneDocumentLoseNothingInEveryCollection(Backend backend)
      throws Exception {
    try (Database db = open(backend)) {
      ApifyStore store = new JdbcApifyStore(db);
      User owner = new User("owner00000000001", "owner", Instant.now());
      store.createUser(owner);
      for (Collection collection : Collection.values()) {
        Document doc =
            new Document(
                "doc-" + collection.table(),
                ownerIn(collection, owner),
                "doc",
                Instant.now(),
                "{}");
        store.insert(collection, doc);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < UPDATES_EACH; i++) {
                        String key = "k-" + thread + "-" + i;
                        store.update(collection, doc.id(), d -> d.withJson(with(d.json(), key)));
                      }
                      return null;
                    }));
          }
          for (Future<?> f : done) {
            f.get();
          }
        } finally {
          pool.shutdownNow();
        }

        ObjectNode stored = read(store.find(collection, doc.id()).orElseThrow().json());
        assertThat(stored.size()).as(collection.table()).isEqualTo(THREADS * UPDATES_EACH);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aChangeThatThrowsStoresNothing(Backend backend) {
    try (Database db = open(backend)) {
      ApifyStore store = new JdbcApifyStore(db);
      User owner = new User("owner00000000002", "owner", Instant.now());
      store.createUser(owner);
      Document doc = new Document("doc-1", owner.id(), "doc", Instant.now(), "{\"a\":1}");
      store.insert(Collection.ACTOR_TASKS, doc);

      assertThatThrownBy(
              () ->
                  store.update(
                      Collection.ACTOR_TASKS,
                      doc.id(),
                      d -> {
                        throw new IllegalStateException("rejected");
                      }))
          .isInstanceOf(IllegalStateException.class);

      assertThat(store.find(Collection.ACTOR_TASKS, doc.id()).orElseThrow().json())
          .isEqualTo("{\"a\":1}");
    }
  }

  private static String with(String json, String key) {
    ObjectNode node = read(json);
    node.put(key, true);
    return node.toString();
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

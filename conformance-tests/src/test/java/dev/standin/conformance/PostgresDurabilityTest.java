package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.server.kernel.store.DatabaseConfig;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.json.SpaazaJson;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskLog;
import dev.standin.spaaza.model.TaskStateCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL, written to through both under load; then one instance is
 * killed with SIGKILL and the database stopped the hard way ({@code pg_ctl stop -m immediate}), and
 * both come back: every write either instance acknowledged is there, every document reads whole,
 * and no Spaaza task stays {@code INPROGRESS} past its lease (ADR 0022). The database is one of the
 * test's own, not the JVM's shared one.
 */
class PostgresDurabilityTest {

  private static final String TOKEN = "apify_api_durableDurableDurableDurable01";
  private static final String SPAAZA_TOKEN_ID = "durableTokenId000001";
  private static final String SPAAZA_SECRET = "durableSecret";
  private static final long CHAIN = 1;
  private static final int WRITERS = 8;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

  @TempDir Path dir;

  /** A server process and clients that do not retry (a write either was acknowledged or not). */
  private record Instance(ServerProcess server) {
    ApifyClient apifyClient() {
      return ApifyClient.builder()
          .baseUrl(server.apifyUrl())
          .token(TOKEN)
          .retries(0, Duration.ofMillis(1))
          .build();
    }

    SpaazaClient spaazaClient() {
      return SpaazaClient.builder()
          .baseUrl(server.spaazaUrl())
          .token(SPAAZA_TOKEN_ID, SPAAZA_SECRET)
          .retries(0, Duration.ofMillis(1))
          .build();
    }

    void kill() {
      server.kill();
    }
  }

  private static Instance start(DatabaseConfig db, Path dataDir) throws IOException {
    return new Instance(
        ServerProcess.start(
            List.of(
                "--data-dir",
                dataDir.toString(),
                "--user",
                "dora:" + TOKEN,
                "--spaaza-token",
                CHAIN + ":" + SPAAZA_TOKEN_ID + ":" + SPAAZA_SECRET,
                "--rate-limit-per-resource",
                "1000000",
                "--database-url",
                db.url(),
                "--database-user",
                db.user())));
  }

  @Test
  void acknowledgedWritesSurviveKillingAnInstanceThenTheDatabase() throws Exception {
    TestPostgres postgres = TestPostgres.startPrivate();
    Instance a = null;
    Instance b = null;
    ExecutorService load = Executors.newFixedThreadPool(WRITERS + 2);
    try {
      DatabaseConfig db = postgres.newDatabase();
      a = start(db, dir.resolve("a"));
      b = start(db, dir.resolve("b"));
      a.apifyClient().actors().create(ConformanceTest.actorRequest().name("durable-actor"));
      a.apifyClient()
          .tasks()
          .create(new CreateTaskRequest().actId("~durable-actor").name("durable-task"));
      List<Long> spaazaTasks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        spaazaTasks.add(
            a.spaazaClient()
                .tasks()
                .create(SpaazaConformanceTest.newTaskRequestFor(CHAIN))
                .getId());
      }

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      Instance[] both = {a, b};
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        ApifyClient own = both[w % 2].apifyClient(); // half the writers on each instance
        load.submit(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                String key = "w-" + writer + "-" + i;
                try {
                  own.task("~durable-task").updateInput(Map.of(key, i));
                  acknowledged.add(key); // only after the 200 arrived
                } catch (RuntimeException refusedOrGone) {
                  sleep(20); // instance or database down: not acknowledged; try on
                }
              }
            });
      }
      // Spaaza runs on the instance that will be killed: a claim may be cut off mid-run.
      for (int r = 0; r < 2; r++) {
        int runner = r;
        SpaazaClient own = a.spaazaClient();
        load.submit(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                try {
                  own.task(spaazaTasks.get((i * 2 + runner) % spaazaTasks.size())).execute();
                } catch (RuntimeException refusedOrGone) {
                  sleep(20);
                }
              }
            });
      }
      awaitAtLeast(acknowledged, ACKNOWLEDGED_BEFORE_KILL);
      a.kill(); // mid-request; b's writers go on
      awaitAtLeast(acknowledged, acknowledged.size() + 30);
      postgres.stopImmediately(); // b's writes in flight fail (or were committed before)
      stop.set(true);
      load.shutdownNow();
      assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      Set<String> before = Set.copyOf(acknowledged);

      postgres.startAgain();
      a = start(db, dir.resolve("a"));
      // b is still running: its pool reconnects once the database is back.

      for (Instance instance : List.of(a, b)) {
        Map<String, Object> input =
            instance.apifyClient().task("dora/durable-task").getInput().orElseThrow();
        assertThat(input.keySet()).as("acknowledged writes").containsAll(before);
        input.forEach( // every value whole: the one its writer sent for that key
            (key, value) ->
                assertThat(((Number) value).longValue())
                    .isEqualTo(Long.parseLong(key.substring(key.lastIndexOf('-') + 1))));
      }
      assertNoRunStuckPastItsLease(db, b, spaazaTasks);
    } finally {
      load.shutdownNow();
      if (a != null) {
        a.kill();
      }
      if (b != null) {
        b.kill();
      }
      postgres.close();
    }
  }

  /**
   * A run the kill cut off leaves its task {@code INPROGRESS}; once its lease has passed, the task
   * runs again. The lease is ten minutes of the servers' clock, so the test ages the run instead of
   * waiting: it moves the task's log entries back past the lease, in the database.
   */
  private static void assertNoRunStuckPastItsLease(
      DatabaseConfig db, Instance instance, List<Long> ids) throws Exception {
    SpaazaClient client = instance.spaazaClient();
    ObjectMapper json = SpaazaJson.newMapper();
    HttpClient http = HttpClient.newHttpClient();
    for (long id : ids) {
      Task task = client.task(id).get();
      if (task.getState().getCode() == TaskStateCode.INPROGRESS) {
        ageLogs(db, json, id, Duration.ofMinutes(11));
      }
      assertThat(client.task(id).execute().getCode())
          .as("task %d runs (again) after the crash", id)
          .isEqualTo(TaskStateCode.DONE);
      Task done = client.task(id).get();
      if (task.getState().getCode() == TaskStateCode.INPROGRESS) {
        assertThat(done.getLogs())
            .extracting(TaskLog::getMessage)
            .anyMatch(m -> m.startsWith("Run abandoned"));
      }
      URI link = client.task(id).downloadUrl().getUrl();
      HttpResponse<String> file =
          http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.body()).startsWith("chain_id,");
    }
  }

  private static void ageLogs(DatabaseConfig db, ObjectMapper json, long id, Duration by)
      throws Exception {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), "")) {
      String body;
      try (PreparedStatement st =
          c.prepareStatement("SELECT body FROM spaaza_tasks WHERE id = ?")) {
        st.setLong(1, id);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          body = rs.getString(1);
        }
      }
      ObjectNode task = (ObjectNode) json.readTree(body);
      for (var log : (ArrayNode) task.get("logs")) {
        OffsetDateTime date = OffsetDateTime.parse(log.get("date").asText());
        ((ObjectNode) log).put("date", date.minus(by).toString());
      }
      try (PreparedStatement st =
          c.prepareStatement("UPDATE spaaza_tasks SET body = ? WHERE id = ?")) {
        st.setString(1, json.writeValueAsString(task));
        st.setLong(2, id);
        assertThat(st.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private static void awaitAtLeast(Set<String> acknowledged, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acknowledged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(count);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

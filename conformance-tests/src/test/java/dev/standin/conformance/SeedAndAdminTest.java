package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.ApifyApiException;
import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.StateConfig;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.kernel.state.SeedMode;
import dev.standin.server.spaaza.auth.PresetAdmin;
import dev.standin.server.spaaza.auth.PresetToken;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.client.SpaazaTaskUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * Seeds, the admin API and resets, on every backend: the seed is served as written; seed → export →
 * load → export gives the same bytes; a reset returns to the seed (everything, one user, one chain)
 * or to empty, atomically, also while clients write; a bad seed is a 400 naming its path and
 * changes nothing; no admin token is a 401, no admin API a 404.
 */
class SeedAndAdminTest extends BackendSuite {

  static final String ALICE_TOKEN = "apify_api_seededAliceToken0000000000000001";
  static final String ADMIN_TOKEN = "standin_admin_test_token_0123456789";

  /** Preset by start flags ({@code --user}), not by the seed. */
  static final String CAROL_TOKEN = "apify_api_presetCarolToken000000000000003";

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/apify.yaml");
  private static final SpecValidator ADMIN_VALIDATOR = new SpecValidator("/openapi/admin.yaml");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static StandinServer server;
  static ApifyClient alice;
  static SpaazaClient chain7;

  static byte[] resource(String name) {
    try (InputStream in = SeedAndAdminTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeParameterizedClassInvocation
  static void startServer(Backend backend) throws IOException {
    ServerConfig base = backend.newConfig(newStoreDir());
    ServerConfig config =
        base.withUsers(List.of(new UserToken("carol", CAROL_TOKEN)))
            .withSpaaza(
                base.spaaza()
                    .withTokens(
                        List.of(new PresetToken(9, "preset-token", "preset-secret-0123456789")))
                    .withAdmins(List.of(new PresetAdmin(6, "preset-session-key", 9, "read"))))
            .withRateLimits(ServerHarness.UNTHROTTLED)
            .withState(
                StateConfig.NONE
                    .withSeed("basic.json", resource("/seeds/basic.json"), SeedMode.KEEP)
                    .withAdmin(ADMIN_TOKEN));
    server = StandinServer.start(config);
    alice =
        ApifyClient.builder()
            .baseUrl(server.baseUri().toString())
            .token(ALICE_TOKEN)
            .httpClientBuilder(SpecValidatingHttpClient.builder(VALIDATOR))
            .build();
    chain7 =
        SpaazaClient.builder()
            .baseUrl(server.spaaza().baseUri().toString())
            .token("seeded-token", "seeded-secret-0123456789")
            .build();
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    server.close();
  }

  @Override
  SpecValidator validator() {
    return VALIDATOR;
  }

  @BeforeEach
  void resetToTheSeed() {
    assertThat(admin("POST", "/__admin/reset", ADMIN_TOKEN, null).statusCode()).isEqualTo(204);
  }

  @AfterEach
  void everyAdminAnswerMatchedTheAdminSpec() {
    assertThat(ADMIN_VALIDATOR.drainViolations())
        .as("admin answers that do not match spec/src/main/openapi/admin")
        .isEmpty();
  }

  /** An admin API answer (checked against the admin API's spec). */
  record Answer(int statusCode, String body) {}

  static Answer admin(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpRequest sent = request.build();
      HttpResponse<byte[]> answer = HTTP.send(sent, HttpResponse.BodyHandlers.ofByteArray());
      ADMIN_VALIDATOR.check(sent, answer);
      return new Answer(answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String snapshot() {
    Answer answer = admin("GET", "/__admin/snapshot", ADMIN_TOKEN, null);
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  @Test
  void theSeedIsServedAsWritten() {
    assertThat(alice.task("~nightly-crawl").getInput())
        .contains(Map.of("startUrls", List.of("https://example.com"), "maxItems", 10));
    Actor actor = alice.actor("~web-scraper").get().orElseThrow();
    assertThat(actor.getTitle()).isEqualTo("Web Scraper");
    assertThat(actor.getTaggedBuilds().get("latest").getBuildNumber()).isEqualTo("0.1.2");
    assertThat(actor.getTaggedBuilds().get("stable").getBuildNumber()).isEqualTo("0.1.1");
    assertThat(alice.actor(actor.getId()).builds().list(0L, 10, false).getItems()).hasSize(2);
    assertThat(chain7.task(70).get().getDesc()).isEqualTo("Nightly wallet export");
    SpaazaClient admin5 =
        SpaazaClient.builder()
            .baseUrl(server.spaaza().baseUri().toString())
            .session(5, "seeded-session-key", 7)
            .build();
    assertThat(admin5.task(70).get().getChain()).isEqualTo(7L);
  }

  @Test
  void theSeedAndASnapshotMatchTheSeedSchema() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            MAPPER.readTree(resource("/seed/seed.schema.json"));
    tree.remove("id"); // resolve its "#/definitions/..." here, not at its published address
    com.github.fge.jsonschema.main.JsonSchema schema =
        com.github.fge.jsonschema.main.JsonSchemaFactory.byDefault().getJsonSchema(tree);
    alice.actors().create(ConformanceTest.actorRequest().name("made-by-api"));
    for (byte[] document : List.of(resource("/seeds/basic.json"), snapshot().getBytes())) {
      com.github.fge.jsonschema.core.report.ProcessingReport report =
          schema.validate(MAPPER.readTree(document));
      assertThat(report.isSuccess()).as(report.toString()).isTrue();
    }
    com.github.fge.jsonschema.core.report.ProcessingReport typo =
        schema.validate(MAPPER.readTree("{\"apify\": {\"usres\": []}}"));
    assertThat(typo.isSuccess()).isFalse();
  }

  @Test
  void seedExportLoadExportGivesTheSameDocument() {
    // state made through the APIs too, not only seeded
    alice.task("~nightly-crawl").updateInput(Map.of("maxItems", 20, "proxy", Map.of("a", 1)));
    Actor made = alice.actors().create(ConformanceTest.actorRequest().name("made-by-api"));
    alice.tasks().create(new CreateTaskRequest().actId(made.getId()).name("made-task"));
    chain7.task(70).update(SpaazaTaskUpdate.create().desc("changed").build());

    String first = snapshot();
    Answer load = admin("POST", "/__admin/seed?mode=replace", ADMIN_TOKEN, first);
    assertThat(load.statusCode()).as(load.body()).isEqualTo(204);
    assertThat(snapshot()).isEqualTo(first);
    assertThat(alice.task("~made-task").getInput()).isPresent();
  }

  @Test
  void aResetReturnsToTheSeedExactly() {
    String seeded = snapshot();
    alice.task("~nightly-crawl").updateInput(Map.of("maxItems", 99));
    alice.actors().create(ConformanceTest.actorRequest().name("temporary"));
    chain7.task(70).update(SpaazaTaskUpdate.create().desc("changed").build());

    assertThat(admin("POST", "/__admin/reset", ADMIN_TOKEN, null).statusCode()).isEqualTo(204);

    assertThat(snapshot()).isEqualTo(seeded);
    assertThat(alice.task("~nightly-crawl").getInput().orElseThrow()).containsEntry("maxItems", 10);
    assertThat(alice.actor("~temporary").get()).isEmpty();
    assertThat(chain7.task(70).get().getDesc()).isEqualTo("Nightly wallet export");
  }

  @Test
  void aResetOfOneUserOrOneChainLeavesTheRestAlone() {
    alice.task("~nightly-crawl").updateInput(Map.of("maxItems", 99));
    chain7.task(70).update(SpaazaTaskUpdate.create().desc("changed").build());

    assertThat(admin("POST", "/__admin/reset/apify/alice", ADMIN_TOKEN, null).statusCode())
        .isEqualTo(204);
    assertThat(alice.task("~nightly-crawl").getInput().orElseThrow()).containsEntry("maxItems", 10);
    assertThat(chain7.task(70).get().getDesc()).isEqualTo("changed");

    assertThat(admin("POST", "/__admin/reset/spaaza/7", ADMIN_TOKEN, null).statusCode())
        .isEqualTo(204);
    assertThat(chain7.task(70).get().getDesc()).isEqualTo("Nightly wallet export");
  }

  @Test
  void aResetToEmptyLeavesOnlyWhatTheStartFlagsPreset() throws Exception {
    assertThat(admin("POST", "/__admin/reset?to=empty", ADMIN_TOKEN, null).statusCode())
        .isEqualTo(204);
    JsonNode summary = MAPPER.readTree(admin("GET", "/__admin/summary", ADMIN_TOKEN, null).body());
    assertThat(summary.path("apify").path("users").findValuesAsText("username"))
        .containsExactly("carol");
    assertThat(summary.path("apify").path("users").get(0).path("actors")).isEmpty();
    assertThat(summary.path("spaaza").path("chains").findValuesAsText("id")).containsExactly("9");
    assertThat(summary.path("spaaza").path("chains").get(0).path("tasks")).isEmpty();
    ApifyApiException refused =
        failure(ApifyApiException.class, () -> alice.task("~nightly-crawl").getInput());
    assertThat(refused.status()).isEqualTo(401);
  }

  /**
   * Users, chains, tokens and sessions given by start flags are configuration: a reset (to the seed
   * or to empty, whole or scoped) and a replacing load put them back, so their credentials work.
   */
  @Test
  void presetCredentialsWorkAfterEveryResetAndReplacingLoad() {
    ApifyClient carol = client(CAROL_TOKEN);
    SpaazaClient chain9 =
        SpaazaClient.builder()
            .baseUrl(server.spaaza().baseUri().toString())
            .token("preset-token", "preset-secret-0123456789")
            .build();
    SpaazaClient admin6 =
        SpaazaClient.builder()
            .baseUrl(server.spaaza().baseUri().toString())
            .session(6, "preset-session-key", 9)
            .build();
    String[][] changes = {
      {"/__admin/reset", null},
      {"/__admin/reset?to=empty", null},
      {"/__admin/reset/apify/carol?to=empty", null},
      {"/__admin/reset/spaaza/9?to=empty", null},
      {"/__admin/seed?mode=replace", "{\"apify\": {}, \"spaaza\": {}}"},
    };
    for (String[] change : changes) {
      assertThat(admin("POST", change[0], ADMIN_TOKEN, change[1]).statusCode())
          .as(change[0])
          .isEqualTo(204);
      assertThat(carol.tasks().list(0L, 10, false).getItems()).as(change[0]).isEmpty();
      assertThat(chain9.tasks().list()).as(change[0]).isEmpty();
      assertThat(admin6.tasks().list()).as(change[0]).isEmpty();
    }
  }

  private static ApifyClient client(String token) {
    return ApifyClient.builder()
        .baseUrl(server.baseUri().toString())
        .token(token)
        .httpClientBuilder(SpecValidatingHttpClient.builder(VALIDATOR))
        .build();
  }

  @Test
  void theSummarySaysWhatExists() throws Exception {
    JsonNode summary = MAPPER.readTree(admin("GET", "/__admin/summary", ADMIN_TOKEN, null).body());
    JsonNode aliceSummary = summary.path("apify").path("users").get(0);
    assertThat(aliceSummary.path("username").asText()).isEqualTo("alice");
    assertThat(aliceSummary.path("actors").get(0).asText()).isEqualTo("web-scraper");
    assertThat(aliceSummary.path("tasks").get(0).asText()).isEqualTo("nightly-crawl");
    assertThat(aliceSummary.path("builds").asLong()).isEqualTo(2);
    assertThat(summary.path("spaaza").path("chains").get(0).path("tasks").get(0).asLong())
        .isEqualTo(70);
  }

  @Test
  void aBadSeedIsA400NamingItsPathAndChangesNothing() throws Exception {
    String before = snapshot();
    String bad =
        "{\"apify\": {\"users\": [{\"username\": \"carol\", \"tokens\": [\"apify_api_carol\"]},"
            + " {\"username\": \"dave\", \"actors\": [{\"name\": \"x\"}]}]}}";
    Answer answer = admin("POST", "/__admin/seed?mode=replace", ADMIN_TOKEN, bad);
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode error = MAPPER.readTree(answer.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid-seed");
    assertThat(error.path("message").asText()).startsWith("$.apify.users[1].actors[0]: ");
    assertThat(snapshot()).isEqualTo(before);

    Answer notJson = admin("POST", "/__admin/seed", ADMIN_TOKEN, "{\"apify\": [");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(notJson.body()).path("error").path("message").asText())
        .startsWith("$: not valid JSON");
    Answer unknown =
        admin(
            "POST",
            "/__admin/seed",
            ADMIN_TOKEN,
            "{\"spaaza\": {\"chains\": [{\"id\": 1, \"nmae\": \"x\"}]}}");
    assertThat(MAPPER.readTree(unknown.body()).path("error").path("message").asText())
        .startsWith("$.spaaza.chains[0].nmae: unknown property");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aSeedNotSentAsJsonIsA400AndChangesNothing() throws Exception {
    String before = snapshot();
    HttpRequest request =
        HttpRequest.newBuilder(server.baseUri().resolve("__admin/seed?mode=replace"))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<byte[]> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    ADMIN_VALIDATOR.check(request, answer);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(answer.body()).path("error").path("type").asText())
        .isEqualTo("invalid-content-type-header");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void withoutTheAdminTokenEveryRouteIsA401() {
    for (String[] route :
        new String[][] {
          {"GET", "/__admin/summary"},
          {"GET", "/__admin/snapshot"},
          {"POST", "/__admin/seed"},
          {"POST", "/__admin/reset"},
          {"POST", "/__admin/reset/apify/alice"}
        }) {
      assertThat(admin(route[0], route[1], null, null).statusCode()).as(route[1]).isEqualTo(401);
      assertThat(admin(route[0], route[1], "wrong", null).statusCode()).as(route[1]).isEqualTo(401);
      assertThat(admin(route[0], route[1], ALICE_TOKEN, null).statusCode())
          .as(route[1])
          .isEqualTo(401);
    }
  }

  @Test
  void withoutAnAdminApiItsRoutesAreA404() throws IOException {
    try (StandinServer plain = StandinServer.start(backend.newConfig(newStoreDir()))) {
      HttpResponse<String> answer;
      try {
        answer =
            HTTP.send(
                HttpRequest.newBuilder(plain.baseUri().resolve("__admin/summary"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(plain.adminToken()).isEmpty();
    }
  }

  /**
   * Writers merge input keys into the seeded task while resets run. Readers never see a half-reset
   * state (the seeded task and token always answer), and every write that started after a reset had
   * returned is in the final state unless a later reset started before the write ended.
   */
  @Test
  void resetsDuringConcurrentWritesLoseNothingAcknowledgedAfterThem() throws Exception {
    int writers = 4;
    AtomicLong clock = new AtomicLong();
    AtomicLong lastResetStarted = new AtomicLong(-1);
    AtomicLong lastResetDone = new AtomicLong(-1);
    AtomicBoolean stop = new AtomicBoolean();
    Map<String, long[]> writes = new ConcurrentHashMap<>(); // key -> {started, acknowledged}
    List<String> halfStates = java.util.Collections.synchronizedList(new ArrayList<>());
    ApifyClient unvalidated =
        ApifyClient.builder().baseUrl(server.baseUri().toString()).token(ALICE_TOKEN).build();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(
            pool.submit(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    String key = "w" + writer + "-" + i;
                    long started = clock.incrementAndGet();
                    try {
                      unvalidated.task("~nightly-crawl").updateInput(Map.of(key, i));
                    } catch (ApifyApiException e) {
                      halfStates.add(key + ": " + e.status() + " " + e.type());
                      continue;
                    }
                    writes.put(key, new long[] {started, clock.incrementAndGet()});
                  }
                }));
      }
      running.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  Map<String, Object> input =
                      unvalidated.task("~nightly-crawl").getInput().orElse(null);
                  if (input == null || !input.containsKey("startUrls")) {
                    halfStates.add("input " + input);
                  }
                }
              }));
      for (int r = 0; r < 10; r++) {
        Thread.sleep(30);
        lastResetStarted.set(clock.incrementAndGet());
        assertThat(admin("POST", "/__admin/reset", ADMIN_TOKEN, null).statusCode()).isEqualTo(204);
        lastResetDone.set(clock.incrementAndGet());
      }
      Thread.sleep(100);
    } finally {
      stop.set(true);
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
    }
    Map<String, Object> input = alice.task("~nightly-crawl").getInput().orElseThrow();
    assertThat(halfStates).as("answers that saw a half-reset state").isEmpty();
    long mustSurvive = 0;
    for (Map.Entry<String, long[]> write : writes.entrySet()) {
      if (write.getValue()[0] > lastResetDone.get()) {
        mustSurvive++;
        assertThat(input).as("write started after the last reset").containsKey(write.getKey());
      }
    }
    assertThat(mustSurvive).as("writes after the last reset").isPositive();
    assertThat(input).containsEntry("maxItems", 10).containsKey("startUrls");
  }
}

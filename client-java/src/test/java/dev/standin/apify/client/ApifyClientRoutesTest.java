package dev.standin.apify.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.standin.apify.errors.ApifyError;
import dev.standin.apify.json.ApifyJson;
import dev.standin.apify.model.ErrorResponse;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which request each client method sends, and how it reads canned answers (including error types no
 * version of the spec lists), against a tiny fake server.
 */
class ApifyClientRoutesTest {

  /** One canned answer. */
  record Answer(int status, String body) {}

  /** What the fake server saw of one request. */
  record Seen(String method, String path, String query, String body, String authorization) {}

  private HttpServer fake;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
  private ApifyClient client;

  @BeforeEach
  void startFake() throws IOException {
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/", this::answer);
    fake.start();
    client = clientWithToken("secret");
  }

  private ApifyClient clientWithToken(String token) {
    return ApifyClient.builder()
        .baseUrl("http://127.0.0.1:" + fake.getAddress().getPort())
        .token(token)
        .retries(0, Duration.ofMillis(1))
        .build();
  }

  @AfterEach
  void stopFake() {
    fake.stop(0);
  }

  /** Answers {@code METHOD /path} (without query) with {@code status} and {@code body}. */
  private void on(String methodAndPath, int status, String body) {
    answers.put(methodAndPath, new Answer(status, body));
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestURI().getRawQuery(),
            body,
            exchange.getRequestHeaders().getFirst("Authorization")));
    Answer answer =
        answers.getOrDefault(
            exchange.getRequestMethod() + " " + path,
            new Answer(
                404, "{\"error\":{\"type\":\"page-not-found\",\"message\":\"not scripted\"}}"));
    byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : reply.length);
    if (answer.status() != 204) {
      exchange.getResponseBody().write(reply);
    }
    exchange.close();
  }

  private Seen last() {
    return seen.get(seen.size() - 1);
  }

  private static final String VERSION =
      "{\"data\":{\"versionNumber\":\"0.1\",\"sourceType\":\"SOURCE_FILES\",\"buildTag\":\"latest\"}}";

  private static String builds(long total, long offset, String... ids) {
    StringBuilder items = new StringBuilder();
    for (String id : ids) {
      items.append(items.length() == 0 ? "" : ",");
      items.append("{\"id\":\"").append(id).append("\",\"status\":\"SUCCEEDED\"}");
    }
    return "{\"data\":{\"total\":"
        + total
        + ",\"offset\":"
        + offset
        + ",\"limit\":2,\"desc\":false,\"count\":"
        + ids.length
        + ",\"items\":["
        + items
        + "]}}";
  }

  @Test
  void anErrorTypeNoSpecListsIsKeptAsItCame() {
    on(
        "PUT /v2/actors/janedoe~a",
        403,
        "{\"error\":{\"type\":\"actor-is-not-rentable\",\"message\":\"Rent it first\"}}");

    ApifyApiException e =
        catchThrowableOfType(
            ApifyApiException.class,
            () -> client.actor("janedoe/a").update(ActorUpdate.create().title("t").build()));

    assertThat(e.status()).isEqualTo(403);
    assertThat(e.type()).isEqualTo("actor-is-not-rentable");
    assertThat(e.getMessage()).isEqualTo("Rent it first");
    assertThat(e.error()).isEmpty();
    assertThat(e.is(ApifyError.INSUFFICIENT_PERMISSIONS)).isFalse();
  }

  @Test
  void aKnownErrorTypeAlsoGivesItsCatalogueEntry() {
    on(
        "PUT /v2/actors/a/versions/0.1",
        400,
        "{\"error\":{\"type\":\"invalid-input\",\"message\":\"sourceType must be a string\"}}");

    ApifyApiException e =
        catchThrowableOfType(
            ApifyApiException.class,
            () -> client.actor("a").version("0.1").update(VersionUpdate.create().build()));

    assertThat(e.type()).isEqualTo("invalid-input");
    assertThat(e.error()).contains(ApifyError.INVALID_INPUT);
    assertThat(e.is(ApifyError.INVALID_INPUT)).isTrue();
  }

  @Test
  void theGeneratedErrorModelReadsAnyType() throws Exception {
    ErrorResponse error =
        ApifyJson.newMapper()
            .readValue(
                "{\"error\":{\"type\":\"some-type-from-2030\",\"message\":\"m\"}}",
                ErrorResponse.class);

    assertThat(error.getError().getType()).isEqualTo("some-type-from-2030");
  }

  @Test
  void versionsAreListedCreatedReadUpdatedAndDeleted() {
    on(
        "GET /v2/actors/janedoe~a/versions",
        200,
        "{\"data\":{\"total\":1,\"items\":[" + VERSION.substring(8, VERSION.length() - 1) + "]}}");
    on("POST /v2/actors/janedoe~a/versions", 201, VERSION);
    on("GET /v2/actors/janedoe~a/versions/0.1", 200, VERSION);
    on("PUT /v2/actors/janedoe~a/versions/0.1", 200, VERSION);
    on("DELETE /v2/actors/janedoe~a/versions/0.1", 204, "");

    ActorClient actor = client.actor("janedoe/a");
    assertThat(actor.versions().list().getItems())
        .extracting(Version::getVersionNumber)
        .containsExactly("0.1");
    Version created =
        actor
            .versions()
            .create(
                new Version()
                    .versionNumber("0.1")
                    .sourceType(VersionSourceType.SOURCE_FILES)
                    .sourceFiles(List.of()));
    assertThat(created.getBuildTag()).isEqualTo("latest");
    assertThat(last().body()).contains("\"versionNumber\":\"0.1\"");
    assertThat(actor.version("0.1").get()).isPresent();
    actor.version("0.1").update(VersionUpdate.create().buildTag("beta").build());
    assertThat(last().method()).isEqualTo("PUT");
    assertThat(last().body()).isEqualTo("{\"buildTag\":\"beta\"}");
    actor.version("0.1").delete();
    assertThat(last().method()).isEqualTo("DELETE");
    // A version that does not exist: get is empty, delete is not an error.
    assertThat(actor.version("9.9").get()).isEmpty();
    actor.version("9.9").delete();
    assertThat(last().path()).isEqualTo("/v2/actors/janedoe~a/versions/9.9");
  }

  @Test
  void theDefaultBuildAndBuildReadsPassWaitForFinish() {
    String build = "{\"data\":{\"id\":\"b1\",\"actId\":\"a\",\"status\":\"SUCCEEDED\"}}";
    on("GET /v2/actors/a/builds/default", 200, build);
    on("GET /v2/actor-builds/b1", 200, build);
    on("DELETE /v2/actor-builds/b1", 204, "");

    assertThat(client.actor("a").defaultBuild().orElseThrow().getId()).isEqualTo("b1");
    assertThat(last().query()).isNull();
    client.actor("a").defaultBuild(Duration.ofSeconds(30));
    assertThat(last().query()).isEqualTo("waitForFinish=30.0");
    assertThat(client.build("b1").get(Duration.ofSeconds(5))).isPresent();
    assertThat(last().query()).isEqualTo("waitForFinish=5.0");
    client.build("b1").delete();
    assertThat(last().method()).isEqualTo("DELETE");
    assertThat(last().path()).isEqualTo("/v2/actor-builds/b1");
    assertThat(client.actor("other").defaultBuild()).isEmpty();
  }

  @Test
  void theCallersBuildsArePagedLazily() {
    on("GET /v2/actor-builds", 200, builds(3, 0, "b1", "b2"));

    assertThat(client.builds().list().getItems()).hasSize(2);
    assertThat(last().query()).isEqualTo("desc=false");

    seen.clear();
    List<String> ids = new ArrayList<>();
    client
        .builds()
        .iterate(2)
        .forEach(
            b -> {
              ids.add(b.getId());
              if (ids.size() == 2) {
                on("GET /v2/actor-builds", 200, builds(3, 2, "b3"));
              }
            });

    assertThat(ids).containsExactly("b1", "b2", "b3");
    assertThat(seen)
        .extracting(Seen::query)
        .containsExactly("offset=0&limit=2&desc=false", "offset=2&limit=2&desc=false");
  }

  @Test
  void actorsAreListedBySortKey() {
    on(
        "GET /v2/actors",
        200,
        "{\"data\":{\"total\":0,\"offset\":0,\"limit\":1000,\"desc\":true,\"count\":0,\"items\":[]}}");

    client.actors().list(ActorSortBy.LAST_RUN_STARTED_AT);
    assertThat(last().query()).isEqualTo("my=true&desc=false&sortBy=stats.lastRunStartedAt");
    client.actors().list(null, 10, true, ActorSortBy.CREATED_AT);
    assertThat(last().query()).isEqualTo("my=true&limit=10&desc=true&sortBy=createdAt");
    client.actors().list();
    assertThat(last().query()).isEqualTo("my=true&desc=false");
  }

  @Test
  void aClientWithoutATokenSendsNoAuthorization() {
    on("GET /v2/actors/janedoe~public", 200, "{\"data\":{\"id\":\"p\",\"name\":\"public\"}}");

    assertThat(clientWithToken(null).actor("janedoe/public").get()).isPresent();
    assertThat(last().authorization()).isNull();
    client.actor("janedoe/public").get();
    assertThat(last().authorization()).isEqualTo("Bearer secret");
  }
}

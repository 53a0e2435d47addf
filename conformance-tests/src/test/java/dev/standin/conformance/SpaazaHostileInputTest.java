package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HostileInputTest}'s generated hostile requests against the Spaaza write endpoints, with
 * Spaaza's expectations: each gets its 4xx in Spaaza's error shape (never a 5xx) and leaves the
 * task (or the task list) exactly as it was; every answer is validated against {@code
 * openapi/spaaza.yaml}. Running a task takes no body, so it gets only the cases refused before a
 * body would be read.
 */
class SpaazaHostileInputTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/spaaza.yaml");
  private static final PresetToken TOKEN = new PresetToken(1764, "tokenHostile00000001", "secret");

  static final HostileCases.Expectations SPAAZA =
      new HostileCases.Expectations(
          "request_too_large",
          "unsupported_content_encoding",
          415,
          "unsupported_media_type",
          "invalid_request_body",
          "invalid_trigger", // the value slot is trigger.once
          null, // no endpoint takes a name
          400,
          "invalid_parameter", // task IDs are numbers
          "description");

  private static final String TARGET =
      "\"target\":{\"action\":\"export\",\"export_index\":\"wallet-ledger\",\"export_format\":\"csv\"}";

  @TempDir static Path dataDir;
  static StandinServer server;
  static String taskPath;

  @BeforeAll
  static void start() throws IOException {
    // Limits out of the way: this suite is about bodies, not about rate.
    RateLimits generous =
        new RateLimits(
            new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)),
            new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)));
    ServerConfig config =
        ServerConfig.forDataDir(dataDir)
            .withRateLimits(generous)
            .withSpaaza(
                SpaazaConfig.defaults()
                    .withPollInterval(Duration.ofHours(1))
                    .withTokens(List.of(TOKEN)));
    server = StandinServer.start(config);
    HttpResponse<String> created =
        send("POST", "/tasks", Map.of("Content-Type", "application/json"), createBody("\"once\""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = SpaazaConformanceTest.MAPPER.readTree(created.body()).path("id").asLong();
    taskPath = "/tasks/" + id;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void everyResponseMatchedTheSpec() {
    assertThat(VALIDATOR.drainViolations()).as("responses that do not match the spec").isEmpty();
  }

  /** A task due in 2030 (the scheduler will not run it), its time replaced by {@code once}. */
  private static String createBody(String once) {
    String time = once.equals("\"once\"") ? "\"2030-01-01T00:00:00Z\"" : once;
    return "{\"chain\":1764,\"desc\":\"hostile\","
        + TARGET
        + ",\"trigger\":{\"once\":"
        + time
        + "}}";
  }

  static List<WriteEndpoint> spaazaEndpoints() {
    return List.of(
        new WriteEndpoint(
            "POST /tasks",
            "POST",
            "/tasks",
            createBody("\"once\""),
            SpaazaHostileInputTest::createBody,
            "trigger.once",
            null,
            null,
            () -> snapshot("/tasks?limit=1000"),
            "name",
            "invalid_request_body"),
        new WriteEndpoint(
            "PUT /tasks/{id}",
            "PUT",
            taskPath,
            "{\"desc\":\"changed\"}",
            v -> "{\"desc\":\"changed\",\"trigger\":{\"once\":" + v + "}}",
            "trigger.once",
            null,
            id -> "/tasks/" + id,
            () -> snapshot(taskPath),
            "name",
            "invalid_request_body"),
        new WriteEndpoint(
            "POST /tasks/{id}/execute",
            "POST",
            taskPath + "/execute",
            "{}",
            null,
            null,
            null,
            id -> "/tasks/" + id + "/execute",
            () -> snapshot(taskPath),
            "name",
            "invalid_request_body"));
  }

  @TestFactory
  Stream<DynamicTest> hostileRequestsAreRefusedAndChangeNothing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (WriteEndpoint endpoint : spaazaEndpoints()) {
      for (HostileCase c : HostileCases.casesFor(endpoint, SPAAZA)) {
        tests.add(DynamicTest.dynamicTest(endpoint + ": " + c.name(), () -> attack(endpoint, c)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(250);
    return tests.stream();
  }

  private static void attack(WriteEndpoint endpoint, HostileCase c) throws IOException {
    String before = endpoint.snapshot().get();
    String path = c.path() != null ? c.path() : endpoint.path();
    HttpResponse<String> answer = sendBytes(endpoint.method(), path, c.headers(), c.body());
    HostileCases.assertRefused(endpoint, SPAAZA, c, answer.statusCode(), answer.body(), before);
  }

  private static String snapshot(String path) {
    HttpResponse<String> r = send("GET", path, Map.of(), null);
    return r.statusCode() + " " + r.body() + "\n";
  }

  private static HttpResponse<String> send(
      String method, String path, Map<String, String> headers, String body) {
    return sendBytes(method, path, headers, body == null ? new byte[0] : HostileCases.bytes(body));
  }

  private static HttpResponse<String> sendBytes(
      String method, String path, Map<String, String> headers, byte[] body) {
    URI uri = URI.create(server.spaaza().baseUri() + path.substring(1));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                body.length == 0 && method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Authorization", "Bearer " + TOKEN.tokenId() + ":" + TOKEN.secret());
    headers.forEach(request::header);
    try {
      return SpecValidatingHttpClient.builder(VALIDATOR)
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

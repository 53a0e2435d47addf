package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.server.kernel.wire.RateLimits;
import java.io.IOException;
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
 * Hundreds of generated hostile requests against every write endpoint: each must get its 4xx in the
 * API's error shape (never a 5xx), and leave what the endpoint could change exactly as it was. The
 * cases come from {@link HostileCases}; the endpoints are listed in {@link #apifyEndpoints}. A
 * second API adds its endpoints and {@link HostileCases.Expectations} the same way.
 */
class HostileInputTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/apify.yaml");
  private static final String TOKEN = ServerHarness.ALICE_TOKEN;

  static final HostileCases.Expectations APIFY =
      new HostileCases.Expectations(
          "request-too-large",
          "unsupported-content-encoding",
          400,
          "invalid-content-type-header",
          "invalid-input",
          "invalid-input",
          "invalid-value",
          404,
          "record-not-found",
          "message");

  @TempDir static Path dataDir;
  static ServerHarness server;
  static Task task;

  @BeforeAll
  static void start() {
    // Limits out of the way: this suite is about bodies, not about rate.
    RateLimits generous =
        new RateLimits(
            new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)),
            new RateLimits.Limit(1_000_000, Duration.ofSeconds(1)));
    server = new ServerHarness(Backend.SQLITE, dataDir, VALIDATOR, c -> c.withRateLimits(generous));
    ApifyClient alice = server.client(TOKEN);
    Actor actor = alice.actors().create(new CreateActorRequest().name("hostile-target"));
    task =
        alice
            .tasks()
            .create(
                new CreateTaskRequest()
                    .actId(actor.getId())
                    .name("hostile-task")
                    .input(Map.of("kept", "as it was")));
    server.client(ServerHarness.BOB_TOKEN).actors().create(new CreateActorRequest().name("bobs"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void everyResponseMatchedTheSpec() {
    assertThat(VALIDATOR.drainViolations()).as("responses that do not match the spec").isEmpty();
  }

  static List<WriteEndpoint> apifyEndpoints() {
    String taskPath = "/v2/actor-tasks/" + task.getId();
    String actId = task.getActId();
    return List.of(
        new WriteEndpoint(
            "POST /v2/acts",
            "POST",
            "/v2/acts",
            "{\"name\":\"never-created\"}",
            v -> "{\"name\":\"never-created\",\"defaultRunOptions\":{\"timeoutSecs\":" + v + "}}",
            "defaultRunOptions.timeoutSecs",
            name -> "{\"name\":" + name + "}",
            null,
            () -> snapshot("/v2/acts/~never-created"),
            "type",
            "invalid-value"),
        new WriteEndpoint(
            "POST /v2/actor-tasks",
            "POST",
            "/v2/actor-tasks",
            "{\"actId\":\"" + actId + "\",\"name\":\"never-created\"}",
            v ->
                "{\"actId\":\""
                    + actId
                    + "\",\"name\":\"never-created\",\"options\":{\"timeoutSecs\":"
                    + v
                    + "}}",
            "options.timeoutSecs",
            name -> "{\"actId\":\"" + actId + "\",\"name\":" + name + "}",
            null,
            () -> snapshot("/v2/actor-tasks?limit=1000"),
            "type",
            "invalid-value"),
        new WriteEndpoint(
            "PUT /v2/actor-tasks/{id}",
            "PUT",
            taskPath,
            "{\"title\":\"changed\"}",
            v -> "{\"title\":\"changed\",\"options\":{\"memoryMbytes\":" + v + "}}",
            "options.memoryMbytes",
            name -> "{\"name\":" + name + "}",
            id -> "/v2/actor-tasks/" + id,
            () -> snapshot(taskPath) + snapshot(taskPath + "/input"),
            "type",
            "invalid-input"),
        new WriteEndpoint(
            "PUT /v2/actor-tasks/{id}/input",
            "PUT",
            taskPath + "/input",
            "{\"kept\":\"changed\"}",
            v -> "{\"kept\":\"changed\",\"x\":{\"y\":" + v + "}}",
            "x.y",
            null,
            id -> "/v2/actor-tasks/" + id + "/input",
            () -> snapshot(taskPath) + snapshot(taskPath + "/input"),
            "type",
            "invalid-input"));
  }

  private static String snapshot(String path) {
    ServerHarness.RawResponse r = server.raw("GET", path, TOKEN, null, null);
    return r.status() + " " + r.body() + "\n";
  }

  @TestFactory
  Stream<DynamicTest> hostileRequestsAreRefusedAndChangeNothing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (WriteEndpoint endpoint : apifyEndpoints()) {
      for (HostileCase c : HostileCases.casesFor(endpoint, APIFY)) {
        tests.add(DynamicTest.dynamicTest(endpoint + ": " + c.name(), () -> attack(endpoint, c)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(500);
    return tests.stream();
  }

  private static void attack(WriteEndpoint endpoint, HostileCase c) throws IOException {
    String before = endpoint.snapshot().get();
    String path = c.path() != null ? c.path() : endpoint.path();
    ServerHarness.RawResponse answer =
        server.rawBytes(endpoint.method(), path, TOKEN, c.headers(), c.body());
    HostileCases.assertRefused(endpoint, APIFY, c, answer.status(), answer.body(), before);
  }
}

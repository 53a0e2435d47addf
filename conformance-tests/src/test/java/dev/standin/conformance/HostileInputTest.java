package dev.standin.conformance;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The {@link HostileSuite} of the Apify API: its write endpoints and the answers it expects. */
class HostileInputTest extends HostileSuite {

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
    server = new ServerHarness(Backend.SQLITE, dataDir, VALIDATOR, c -> c.withRateLimits(GENEROUS));
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

  @Override
  SpecValidator validator() {
    return VALIDATOR;
  }

  @Override
  HostileCases.Expectations expectations() {
    return APIFY;
  }

  @Override
  int minimumCases() {
    return 500;
  }

  @Override
  Answer send(String method, String path, Map<String, String> headers, byte[] body) {
    ServerHarness.RawResponse r = server.rawBytes(method, path, TOKEN, headers, body);
    return new Answer(r.status(), r.body());
  }

  @Override
  List<WriteEndpoint> endpoints() {
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
}

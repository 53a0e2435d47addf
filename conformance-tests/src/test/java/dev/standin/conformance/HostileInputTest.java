package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
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
  static Actor actor;

  @BeforeAll
  static void start() {
    server = new ServerHarness(Backend.SQLITE, dataDir, VALIDATOR, c -> c.withRateLimits(GENEROUS));
    ApifyClient alice = server.client(TOKEN);
    actor = alice.actors().create(ConformanceTest.actorRequest().name("hostile-target"));
    task =
        alice
            .tasks()
            .create(
                new CreateTaskRequest()
                    .actId(actor.getId())
                    .name("hostile-task")
                    .input(Map.of("kept", "as it was")));
    server
        .client(ServerHarness.BOB_TOKEN)
        .actors()
        .create(ConformanceTest.actorRequest().name("bobs"));
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
            "{\"name\":\"never-created\"," + VERSIONS + "}",
            v ->
                "{\"name\":\"never-created\","
                    + VERSIONS
                    + ",\"defaultRunOptions\":{\"timeoutSecs\":"
                    + v
                    + "}}",
            "defaultRunOptions.timeoutSecs",
            name -> "{\"name\":" + name + "," + VERSIONS + "}",
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

  private static final String VERSIONS = ConformanceTest.FIRST_VERSION_JSON;

  /**
   * Bodies with one value of the wrong JSON type (ADR 0023), per endpoint, each with the path of
   * that value: a string for a number or boolean, a number or boolean for a string, a float for an
   * integer, a scalar for an object or array, an empty string for a number.
   */
  static Map<WriteEndpoint, Map<String, String>> wronglyTyped() {
    String actorPath = "/v2/actors/" + actor.getId();
    String taskPath = "/v2/actor-tasks/" + task.getId();
    Supplier<String> actorState = () -> snapshot(actorPath);
    Supplier<String> taskState = () -> snapshot(taskPath) + snapshot(taskPath + "/input");
    Map<WriteEndpoint, Map<String, String>> cases = new LinkedHashMap<>();
    String create = "{\"name\":\"never-created\"," + VERSIONS + ",";
    cases.put(
        endpoint(
            "POST /v2/actors", "POST", "/v2/actors", () -> snapshot("/v2/acts/~never-created")),
        bodies(
            "{\"name\":123," + VERSIONS + "}", "name",
            create + "\"isPublic\":\"true\"}", "isPublic",
            create + "\"title\":false}", "title",
            create + "\"categories\":\"DEVELOPER_TOOLS\"}", "categories",
            create + "\"defaultRunOptions\":{\"memoryMbytes\":\"1024\"}}",
                "defaultRunOptions.memoryMbytes",
            create + "\"defaultRunOptions\":{\"timeoutSecs\":1.5}}",
                "defaultRunOptions.timeoutSecs",
            create + "\"defaultRunOptions\":{\"restartOnError\":0}}",
                "defaultRunOptions.restartOnError",
            create + "\"actorPermissionLevel\":1}", "actorPermissionLevel",
            create + "\"restartOnError\":\"false\"}", "restartOnError",
            "{\"name\":\"never-created\",\"versions\":[{\"versionNumber\":0.1,"
                    + "\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":\"https://example.com/r\"}]}",
                "versions[0].versionNumber"));
    cases.put(
        endpoint("PUT /v2/actors/{id}", "PUT", actorPath, actorState),
        bodies(
            "{\"title\":5}", "title",
            "{\"name\":[\"a\"]}", "name",
            "{\"isDeprecated\":1}", "isDeprecated",
            "{\"defaultRunOptions\":{\"build\":3}}", "defaultRunOptions.build",
            "{\"defaultRunOptions\":{\"memoryMbytes\":\"\"}}", "defaultRunOptions.memoryMbytes",
            "{\"defaultRunOptions\":{\"maxItems\":\"10\"}}", "defaultRunOptions.maxItems",
            "{\"defaultRunOptions\":\"latest\"}", "defaultRunOptions",
            "{\"actorStandby\":{\"isEnabled\":\"yes\"}}", "actorStandby.isEnabled",
            "{\"actorStandby\":{\"idleTimeoutSecs\":2.5}}", "actorStandby.idleTimeoutSecs",
            "{\"restartOnError\":\"false\"}", "restartOnError",
            "{\"exampleRunInput\":{\"body\":1}}", "exampleRunInput.body"));
    cases.put(
        endpoint(
            "POST /v2/actor-tasks",
            "POST",
            "/v2/actor-tasks",
            () -> snapshot("/v2/actor-tasks?limit=1000")),
        bodies(
            "{\"actId\":\"" + task.getActId() + "\",\"name\":123}",
            "name",
            "{\"actId\":\"" + task.getActId() + "\",\"options\":{\"memoryMbytes\":\"1024\"}}",
            "options.memoryMbytes",
            "{\"actId\":true}",
            "actId"));
    cases.put(
        endpoint("PUT /v2/actor-tasks/{id}", "PUT", taskPath, taskState),
        bodies(
            "{\"name\":123}", "name",
            "{\"title\":false}", "title",
            "{\"options\":{\"memoryMbytes\":\"1024\"}}", "options.memoryMbytes",
            "{\"options\":{\"timeoutSecs\":true}}", "options.timeoutSecs",
            "{\"options\":{\"maxTotalChargeUsd\":\"5\"}}", "options.maxTotalChargeUsd",
            "{\"options\":{\"build\":1}}", "options.build",
            "{\"options\":{\"restartOnError\":\"true\"}}", "options.restartOnError",
            "{\"options\":[]}", "options",
            "{\"actorStandby\":{\"memoryMbytes\":1.5}}", "actorStandby.memoryMbytes",
            "{\"input\":[1]}", "input"));
    cases.put(
        endpoint("POST /v2/actors/{id}/versions", "POST", actorPath + "/versions", actorState),
        bodies(
            "{\"versionNumber\":0.1,\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":\"https://e.com\"}",
            "versionNumber",
            "{\"versionNumber\":\"0.9\",\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":7}",
            "gitRepoUrl",
            "{\"versionNumber\":\"0.9\",\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":\"https://e.com\","
                + "\"applyEnvVarsToBuild\":\"true\"}",
            "applyEnvVarsToBuild",
            "{\"versionNumber\":\"0.9\",\"sourceType\":\"GIT_REPO\",\"gitRepoUrl\":\"https://e.com\","
                + "\"envVars\":[{\"name\":\"A\",\"value\":1}]}",
            "envVars[0].value"));
    cases.put(
        endpoint(
            "PUT /v2/actors/{id}/versions/0.0", "PUT", actorPath + "/versions/0.0", actorState),
        bodies(
            "{\"buildTag\":1}", "buildTag",
            "{\"envVars\":{\"A\":\"1\"}}", "envVars",
            "{\"sourceType\":5}", "sourceType",
            "{\"sourceFiles\":[{\"name\":\"a\",\"format\":\"TEXT\",\"content\":5}]}",
                "sourceFiles[0].content"));
    return cases;
  }

  private static WriteEndpoint endpoint(
      String label, String method, String path, Supplier<String> snapshot) {
    return new WriteEndpoint(
        label, method, path, null, null, null, null, null, snapshot, "type", "invalid-input");
  }

  private static Map<String, String> bodies(String... bodyThenField) {
    Map<String, String> bodies = new LinkedHashMap<>();
    for (int i = 0; i < bodyThenField.length; i += 2) {
      bodies.put(bodyThenField[i], bodyThenField[i + 1]);
    }
    return bodies;
  }

  @TestFactory
  Stream<DynamicTest> wronglyTypedValuesAreRefusedNamingThemAndChangeNothing() {
    List<DynamicTest> tests = new ArrayList<>();
    wronglyTyped()
        .forEach(
            (endpoint, bodies) ->
                bodies.forEach(
                    (body, field) -> {
                      HostileCase c =
                          HostileCase.json(
                                  "wrong type of " + field + ": " + body,
                                  body,
                                  400,
                                  "invalid-input")
                              .naming(field);
                      tests.add(
                          DynamicTest.dynamicTest(
                              endpoint + ": " + c.name(), () -> attack(endpoint, c)));
                    }));
    assertThat(tests).hasSizeGreaterThanOrEqualTo(40);
    return tests.stream();
  }

  private static String snapshot(String path) {
    ServerHarness.RawResponse r = server.raw("GET", path, TOKEN, null, null);
    return r.status() + " " + r.body() + "\n";
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Task;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP-level behaviour: methods, media types and unknown routes, in the vendor's error shape. */
class WireTest extends ConformanceTest {

  @Test
  void aWrongMethodIs405ListingTheAllowedOnes() {
    Task task = newTask(alice);

    ServerHarness.RawResponse response =
        server.rawJson(
            "POST", "/v2/actor-tasks/" + task.getId() + "/input", ServerHarness.ALICE_TOKEN, "{}");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.errorType()).isEqualTo("method-not-allowed");
    assertThat(response.json().path("error").path("message").asText())
        .isEqualTo(
            "This API end-point can only be accessed using the following HTTP methods: GET,OPTIONS,PUT");
    assertThat(response.headers().get("Allow").get(0)).contains("PUT");
  }

  @Test
  void aBodyThatIsNotJsonIs400InvalidContentTypeHeaderAndChangesNothing() {
    Task task = newTask(alice);

    ServerHarness.RawResponse response =
        server.raw(
            "PUT",
            "/v2/actor-tasks/" + task.getId() + "/input",
            ServerHarness.ALICE_TOKEN,
            "text/plain",
            "{\"a\": 1}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("invalid-content-type-header");
    assertThat(alice.task(task.getId()).getInput()).contains(Map.of());
  }

  @Test
  void duplicateKeysAreRejected() {
    Task task = newTask(alice);

    ServerHarness.RawResponse response =
        server.rawJson(
            "PUT",
            "/v2/actor-tasks/" + task.getId() + "/input",
            ServerHarness.ALICE_TOKEN,
            "{\"a\": 1, \"a\": 2}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("invalid-input");
  }

  @Test
  void anUnknownRouteIs404InTheVendorsShape() {
    ServerHarness.RawResponse response =
        server.raw("GET", "/v2/no-such-thing", ServerHarness.ALICE_TOKEN, null, null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorType()).isEqualTo("page-not-found");
  }

  @Test
  void answersDoNotNameTheServersStack() {
    ServerHarness.RawResponse ok =
        server.raw("GET", "/v2/actor-tasks", ServerHarness.ALICE_TOKEN, null, null);
    ServerHarness.RawResponse notFound =
        server.raw("GET", "/v2/no-such-thing", ServerHarness.ALICE_TOKEN, null, null);

    assertThat(ok.status()).isEqualTo(200);
    for (ServerHarness.RawResponse response : List.of(ok, notFound)) {
      assertThat(response.headers().getOrDefault("Server", List.of()))
          .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains("jetty"));
    }
  }

  @Test
  void smallAnswersCarryTheirLengthLargerOnesStreamChunked() {
    ServerHarness.RawResponse small =
        server.raw("GET", "/v2/actor-tasks", ServerHarness.ALICE_TOKEN, null, null);
    String bigValue = "x".repeat(20_000);
    ServerHarness.RawResponse large =
        server.raw(
            "PUT",
            "/v2/actor-tasks/" + newTask(alice).getId() + "/input",
            ServerHarness.ALICE_TOKEN,
            "application/json",
            "{\"big\":\"" + bigValue + "\"}");

    assertThat(small.headers().get("content-length"))
        .containsExactly(
            Integer.toString(
                small.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    assertThat(small.headers()).doesNotContainKey("transfer-encoding");
    assertThat(large.status()).isEqualTo(200);
    assertThat(large.headers().get("transfer-encoding")).containsExactly("chunked");
    assertThat(large.body()).isEqualTo("{\"big\":\"" + bigValue + "\"}");
  }

  @Test
  void aPathSegmentCarryingMatrixParametersIs404AndReachesNoTask() {
    Task task = newTask(alice);
    String path = "/v2/actor-tasks/" + task.getId();

    ServerHarness.RawResponse get =
        server.raw("GET", path + ";anything", ServerHarness.ALICE_TOKEN, null, null);
    ServerHarness.RawResponse put =
        server.rawJson("PUT", path + ";x=1/input", ServerHarness.ALICE_TOKEN, "{\"a\": 1}");

    assertThat(get.status()).isEqualTo(404);
    assertThat(get.errorType()).isEqualTo("page-not-found");
    assertThat(put.status()).isEqualTo(404);
    assertThat(put.errorType()).isEqualTo("page-not-found");
    assertThat(alice.task(task.getId()).getInput()).as("nothing changed").contains(Map.of());
    assertThat(server.raw("GET", path, ServerHarness.ALICE_TOKEN, null, null).status())
        .as("the plain path reaches the task")
        .isEqualTo(200);
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.spaaza.client.SpaazaApiException;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.TaskTrigger;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every error answer of the Spaaza port comes in the envelope the vendor documents, {@code
 * {"result": {"code": 2, "status": "error"}, "error": {...}}}: the API's own refusals (read through
 * the client's {@link SpaazaApiException}), the wire protections, routing and Jetty's own refusals;
 * and none of them changes anything. A successful call has no envelope of its own.
 */
class SpaazaErrorEnvelopeTest extends SpaazaConformanceTest {

  private static String tasksOfChainA() {
    return raw("GET", "/tasks?limit=1000", asChainA(), null).body();
  }

  @Test
  void theApisOwnRefusalsComeInTheEnvelopeAndTheClientExposesItsParts() {
    Task task = newTask(chainA, CHAIN_A);
    String before = tasksOfChainA();

    SpaazaApiException missing = failure(() -> chainA.task(task.getId() + 1000).get());
    assertError(missing, 404, "task_not_found");
    assertThat(missing.code()).isEqualTo(20);

    SpaazaClient wrongSecret = tokenClient(TOKEN_A.tokenId(), "not-the-secret");
    assertError(failure(() -> wrongSecret.tasks().list()), 401, "not_authenticated");
    assertError(
        failure(() -> chainA.tasks().create(newTaskRequest(CHAIN_B))), 403, "permission_denied");
    assertError(
        failure(
            () ->
                chainA
                    .task(task.getId())
                    .update(new UpdateTaskRequest().trigger(new TaskTrigger()))),
        400,
        "invalid_trigger");

    assertThat(tasksOfChainA()).as("nothing changed").isEqualTo(before);
    assertThat(chainA.task(task.getId()).get()).as("a success has no envelope").isEqualTo(task);
  }

  @Test
  void routingAndTheWireProtectionsAnswerInTheEnvelope() {
    Task task = newTask(chainA, CHAIN_A);
    String before = tasksOfChainA();
    String path = "/tasks/" + task.getId();

    raw("GET", "/no/such/route", asChainA(), null).assertError(404, "route_not_found");
    raw("PATCH", path, asChainA(), "{\"desc\":\"x\"}").assertError(405, "method_not_allowed");
    Map<String, String> text = new HashMap<>(asChainA());
    text.put("Content-Type", "text/plain");
    raw("PUT", path, text, "{\"desc\":\"x\"}").assertError(415, "unsupported_media_type");
    Map<String, String> compress = new HashMap<>(asChainA());
    compress.put("Content-Encoding", "compress");
    raw("PUT", path, compress, "{\"desc\":\"x\"}").assertError(415, "unsupported_content_encoding");
    raw("PUT", path, asChainA(), "{\"desc\":").assertError(400, "invalid_request_body");
    raw("GET", path, Map.of(), null).assertError(401, "not_authenticated");

    assertThat(tasksOfChainA()).as("nothing changed").isEqualTo(before);
  }

  @Test
  void aBodyBeyondTheLimitIsRefusedInTheEnvelope() throws Exception {
    Task task = newTask(chainA, CHAIN_A);
    String before = tasksOfChainA();

    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(server.spaaza().baseUri().resolve("tasks/" + task.getId()))
                .method(
                    "PUT", HttpRequest.BodyPublishers.ofByteArray(HostileCases.bombs().get("gzip")))
                .header("Authorization", asChainA().get("Authorization"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip"));

    assertThat(r.statusCode()).isEqualTo(413);
    assertEnvelope(MAPPER.readTree(r.body()));
    assertThat(tasksOfChainA()).as("nothing changed").isEqualTo(before);
  }

  @Test
  void jettysOwnRefusalsAnswerInTheEnvelope() throws Exception {
    String before = tasksOfChainA();

    HttpResponse<String> nul =
        send(
            HttpRequest.newBuilder(server.spaaza().baseUri().resolve("tasks/a%00b"))
                .header("Authorization", asChainA().get("Authorization")));
    assertThat(nul.statusCode()).isEqualTo(400);
    assertEnvelope(MAPPER.readTree(nul.body()));

    HttpResponse<String> hugeHeader =
        send(
            HttpRequest.newBuilder(server.spaaza().baseUri().resolve("tasks"))
                .header("Authorization", asChainA().get("Authorization"))
                .header("X-Padding", "p".repeat(64 * 1024)));
    assertThat(hugeHeader.statusCode()).isEqualTo(431);
    assertEnvelope(MAPPER.readTree(hugeHeader.body()));

    assertThat(tasksOfChainA()).as("nothing changed").isEqualTo(before);
  }

  /** Sent without the spec check: Jetty's 431 is a status the spec does not list per route. */
  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mistakes a new user makes with curl get a message that names the mistake, not an innocent field.
 */
class ClearMessagesTest extends ConformanceTest {

  @Test
  void aTrailingCommaIsASyntaxErrorWithItsLineAndColumn() {
    ServerHarness.RawResponse response =
        server.rawJson(
            "POST",
            "/v2/actor-tasks",
            ServerHarness.ALICE_TOKEN,
            "{\"actId\": \"x\",\n \"name\": \"my-task\",\n}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("invalid-input");
    String message = response.json().path("error").path("message").asText();
    assertThat(message)
        .isEqualTo(
            "Invalid input: the request body is not valid JSON: unexpected '}' at line 3,"
                + " column 1.")
        .doesNotContain("field");
  }

  @Test
  void anArrayAsTaskInputSaysTheBodyMustBeAnObject() {
    Task task = newTask(alice);

    ServerHarness.RawResponse response =
        server.rawJson(
            "PUT", "/v2/actor-tasks/" + task.getId() + "/input", ServerHarness.ALICE_TOKEN, "[1]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorType()).isEqualTo("invalid-input");
    assertThat(response.json().path("error").path("message").asText())
        .isEqualTo("Invalid input: the request body must be a JSON object.");
  }

  @Test
  void anArrayAsAnObjectBodySaysTheBodyMustBeAnObject() {
    ServerHarness.RawResponse response =
        server.rawJson("POST", "/v2/actor-tasks", ServerHarness.ALICE_TOKEN, "[1]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("message").asText())
        .isEqualTo("Invalid input: the request body must be a JSON object.");
  }

  @Test
  void aTokenWithoutBearerSaysTheSchemeIsMissing() {
    ServerHarness.RawResponse response =
        server.raw(
            "GET",
            "/v2/actor-tasks",
            null,
            null,
            null,
            Map.of("Authorization", ServerHarness.ALICE_TOKEN));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorType()).isEqualTo("token-not-provided");
    assertThat(response.json().path("error").path("message").asText())
        .contains("\"Bearer <token>\"")
        .contains("scheme is missing");
  }

  @Test
  void noTokenAtAllKeepsTheVendorsMessage() {
    ServerHarness.RawResponse response = server.raw("GET", "/v2/actor-tasks", null, null, null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("error").path("message").asText())
        .isEqualTo("Authentication token was not provided");
  }
}

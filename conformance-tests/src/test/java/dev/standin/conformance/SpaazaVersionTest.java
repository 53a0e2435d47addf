package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Spaaza-API-Version} (ADR 0027): every route takes a version from 1.6.1 up, or none; a
 * malformed or older one is 400 {@code unsupported_api_version} on every route, known or not, and
 * changes nothing.
 */
class SpaazaVersionTest extends SpaazaConformanceTest {

  private static final List<String> REFUSED =
      List.of(
          "1.6", "1.6.0", "1.5.9", "0.9.9", "v1.6.1", "01.6.1", "1.6.1-beta", "1.6.1.0", "x", "");

  private static Map<String, String> withVersion(String version) {
    Map<String, String> headers = new HashMap<>(asChainA());
    headers.put("X-Spaaza-API-Version", version);
    return headers;
  }

  @Test
  void theClientSendsTheMinimumAndEveryRouteTakesItOrALaterOne() {
    assertThat(SpaazaClient.API_VERSION).isEqualTo("1.6.1");
    Task task = newTask(chainA, CHAIN_A); // through the client, with its 1.6.1
    SpaazaClient later =
        SpaazaClient.builder()
            .baseUrl(server.spaaza().baseUri().toString())
            .token(TOKEN_A.tokenId(), TOKEN_A.secret())
            .apiVersion("2.10.0")
            .httpClientBuilder(SpecValidatingHttpClient.builder(VALIDATOR))
            .build();
    SpaazaClient none =
        SpaazaClient.builder()
            .baseUrl(server.spaaza().baseUri().toString())
            .token(TOKEN_A.tokenId(), TOKEN_A.secret())
            .apiVersion(null)
            .httpClientBuilder(SpecValidatingHttpClient.builder(VALIDATOR))
            .build();

    assertThat(later.task(task.getId()).update(new UpdateTaskRequest().desc("v2")).getVersion())
        .isEqualTo(2L);
    assertThat(none.task(task.getId()).get().getDesc()).isEqualTo("v2");
    assertThat(later.task(task.getId()).execute().getCode().getValue()).isEqualTo("DONE");
    String link = later.task(task.getId()).downloadUrl().getUrl().toString();
    assertThat(raw("GET", link, Map.of("X-Spaaza-API-Version", "1.6.1"), null).status())
        .isEqualTo(200);
    assertThat(raw("GET", "/tasks", withVersion(" 1.7.0 "), null).status()).isEqualTo(200);
  }

  @Test
  void aMalformedOrOlderVersionIs400OnEveryRouteAndChangesNothing() {
    Task task = newTask(chainA, CHAIN_A);
    String path = "/tasks/" + task.getId();
    String before = raw("GET", "/tasks?limit=1000", asChainA(), null).body();

    for (String version : REFUSED) {
      raw("GET", "/tasks", withVersion(version), null).assertError(400, "unsupported_api_version");
      raw("PUT", path, withVersion(version), "{\"desc\":\"changed\"}")
          .assertError(400, "unsupported_api_version");
      raw("POST", path + "/execute", withVersion(version), null)
          .assertError(400, "unsupported_api_version");
      raw("DELETE", path, withVersion(version), null).assertError(400, "unsupported_api_version");
    }
    Raw refused = raw("GET", "/tasks", withVersion("1.5.9"), null);
    assertThat(refused.json().path("error").path("description").asText())
        .contains("1.5.9", "1.6.1");

    assertThat(raw("GET", "/tasks?limit=1000", asChainA(), null).body())
        .as("nothing changed")
        .isEqualTo(before);
    assertThat(chainA.task(task.getId()).get()).isEqualTo(task);
  }

  @Test
  void theVersionIsCheckedBeforeRoutingAndCredentials() throws Exception {
    raw("GET", "/no/such/route", withVersion("1.0.0"), null)
        .assertError(400, "unsupported_api_version");
    raw("GET", "/tasks", Map.of("X-Spaaza-API-Version", "1.0.0"), null)
        .assertError(400, "unsupported_api_version");
    raw("GET", "/no/such/route", withVersion("1.6.1"), null).assertError(404, "route_not_found");

    HttpResponse<String> twice =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.spaaza().baseUri().resolve("tasks"))
                    .header("Authorization", asChainA().get("Authorization"))
                    .header("X-Spaaza-API-Version", "1.6.1")
                    .header("X-Spaaza-API-Version", "1.7.0")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(twice.statusCode()).isEqualTo(400);
    assertEnvelope(MAPPER.readTree(twice.body()));
    assertThat(MAPPER.readTree(twice.body()).path("error").path("name").asText())
        .isEqualTo("unsupported_api_version");
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.model.Task;
import dev.standin.spaaza.model.UpdateTaskRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Spaaza API on the wire: compressed bodies update a task like plain ones, the client's large
 * bodies arrive gzipped, JSON errors name the field, and every route answers OPTIONS.
 */
class SpaazaWireTest extends SpaazaConformanceTest {

  @Test
  void gzipDeflateAndBrotliBodiesUpdateATaskLikePlainOnes() throws Exception {
    Task task = newTask(chainA, CHAIN_A);
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("gzip", HostileCases.gzip(HostileCases.bytes("{\"desc\":\"gzip\"}")));
    bodies.put("deflate", HostileCases.deflate(HostileCases.bytes("{\"desc\":\"deflate\"}")));
    bodies.put("br", HostileCases.brotli(HostileCases.bytes("{\"desc\":\"br\"}")));
    bodies.put(
        "br, gzip",
        HostileCases.gzip(HostileCases.brotli(HostileCases.bytes("{\"desc\":\"br, gzip\"}"))));

    for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
      HttpResponse<String> r =
          SpecValidatingHttpClient.builder(VALIDATOR)
              .build()
              .send(
                  HttpRequest.newBuilder(server.spaaza().baseUri().resolve("tasks/" + task.getId()))
                      .method("PUT", HttpRequest.BodyPublishers.ofByteArray(body.getValue()))
                      .header("Authorization", asChainA().get("Authorization"))
                      .header("Content-Type", "application/json")
                      .header("Content-Encoding", body.getKey())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(body.getKey() + ": " + r.body()).isEqualTo(200);
      Task read = chainA.task(task.getId()).get();
      assertThat(read.getDesc()).isEqualTo(body.getKey());
      assertThat(read.getTarget()).isEqualTo(task.getTarget());
      assertThat(read.getTrigger()).isEqualTo(task.getTrigger());
    }
  }

  @Test
  void theClientsGzippedLargeBodiesArriveAndItNamesItself() {
    Task task = newTask(chainA, CHAIN_A);
    String big = "x".repeat(50_000);

    chainA.task(task.getId()).update(new UpdateTaskRequest().desc(big));

    assertThat(chainA.task(task.getId()).get().getDesc()).isEqualTo(big);
    assertThat(SpaazaClient.USER_AGENT).startsWith("standin-spaaza-client-java/0.1.0");
  }

  @Test
  void aJsonErrorNamesTheFieldPath() {
    Task task = newTask(chainA, CHAIN_A);

    Raw r =
        raw(
            "PUT",
            "/tasks/" + task.getId(),
            asChainA(),
            "{\"trigger\":{\"once\":{\"deep\":[1e999]}}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorName()).isEqualTo("invalid_trigger");
    assertThat(r.json().path("error").path("description").asText()).contains("\"trigger.once");
  }

  @Test
  void everyRouteAnswersOptionsWithItsAllowedMethodsAndNoCredentials() throws Exception {
    Task task = newTask(chainA, CHAIN_A);
    HttpClient http = HttpClient.newHttpClient();
    for (String path :
        new String[] {
          "tasks",
          "tasks/" + task.getId(),
          "tasks/" + task.getId() + "/execute",
          "tasks/" + task.getId() + "/download_url",
          "downloads/1/result.csv"
        }) {
      URI uri = server.spaaza().baseUri().resolve(path);
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri)
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Allow"))
          .as(path)
          .hasValueSatisfying(allow -> assertThat(allow).contains("OPTIONS"));
    }
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compressed request bodies are decoded and merged like plain ones; OPTIONS on every route. */
class WireEncodingTest extends ConformanceTest {

  @Test
  void gzipDeflateAndBrotliBodiesMergeLikePlainOnes() {
    Task task = newTask(alice);
    String path = "/v2/actor-tasks/" + task.getId() + "/input";
    Map<String, byte[]> bodies =
        Map.of(
            "gzip", HostileCases.gzip(HostileCases.bytes("{\"g\":1}")),
            "deflate", HostileCases.deflate(HostileCases.bytes("{\"d\":2}")),
            "br", HostileCases.brotli(HostileCases.bytes("{\"b\":3}")),
            "identity", HostileCases.bytes("{\"i\":4}"),
            "br, gzip", HostileCases.gzip(HostileCases.brotli(HostileCases.bytes("{\"bg\":5}"))));

    bodies.forEach(
        (encoding, body) -> {
          ServerHarness.RawResponse r =
              server.rawBytes(
                  "PUT",
                  path,
                  ServerHarness.ALICE_TOKEN,
                  Map.of("Content-Type", "application/json", "Content-Encoding", encoding),
                  body);
          assertThat(r.status()).as(encoding + ": " + r.body()).isEqualTo(200);
        });

    assertThat(alice.task(task.getId()).getInput())
        .contains(Map.of("g", 1, "d", 2, "b", 3, "i", 4, "bg", 5));
  }

  @Test
  void theClientsGzippedLargeBodiesArrive() {
    Task task = newTask(alice);
    String big = "x".repeat(50_000);

    alice.task(task.getId()).updateInput(Map.of("big", big));

    assertThat(alice.task(task.getId()).getInput()).contains(Map.of("big", big));
  }

  @Test
  void everyRouteAnswersOptionsWithItsAllowedMethodsAndNoToken() {
    Task task = newTask(alice);
    for (String path :
        new String[] {
          "/v2/acts",
          "/v2/acts/" + task.getActId(),
          "/v2/actor-tasks",
          "/v2/actor-tasks/" + task.getId(),
          "/v2/actor-tasks/" + task.getId() + "/input"
        }) {
      ServerHarness.RawResponse r = server.raw("OPTIONS", path, null, null, null);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.headers().get("Allow").get(0)).as(path).contains("OPTIONS");
    }
  }
}

package dev.standin.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.client.SpaazaTaskUpdate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Only the extension and a seed resource: the first test creates a task, merges and reads back its
 * input and changes the seeded one; the second (run after it) sees the seeded state again.
 */
@StandinTest(seed = "standin-seed.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandinExtensionTest {

  @Test
  @Order(1)
  void createsMergesAndReadsBackTaskInput(@User("alice") ApifyClient alice, SpaazaClient chain) {
    assertThat(alice.task("~nightly-crawl").getInput().orElseThrow()).containsEntry("maxItems", 10);

    Task task =
        alice
            .tasks()
            .create(new CreateTaskRequest().actId("~web-scraper").name("made-in-test-one"));
    alice.task(task.getId()).updateInput(Map.of("startUrls", List.of("https://example.org")));
    Map<String, Object> merged = alice.task(task.getId()).updateInput(Map.of("maxItems", 5));
    assertThat(merged)
        .isEqualTo(Map.of("startUrls", List.of("https://example.org"), "maxItems", 5));
    assertThat(alice.task(task.getId()).getInput()).contains(merged);

    alice.task("~nightly-crawl").updateInput(Map.of("maxItems", 99));
    chain.task(70).update(SpaazaTaskUpdate.create().desc("changed by test one").build());
  }

  @Test
  @Order(2)
  void theNextTestSeesTheSeededStateAgain(
      ApifyClient alice, @Chain(7) SpaazaClient chain, @Seeded("nightly-crawl") Task seeded) {
    assertThat(alice.task("~made-in-test-one").get()).isEmpty();
    assertThat(alice.task("~nightly-crawl").getInput().orElseThrow()).containsEntry("maxItems", 10);
    assertThat(seeded.getInput()).containsEntry("maxItems", 10);
    assertThat(chain.task(70).get().getDesc()).isEqualTo("Nightly wallet export");
  }

  @Test
  @Order(3)
  void injectsUrlsTokensAndSeededResources(
      @ApifyUrl URI apify,
      @SpaazaUrl String spaaza,
      @User("bob") String bobToken,
      @Seeded("web-scraper") Actor actor,
      @Seeded("70") dev.standin.spaaza.model.Task exportTask,
      Standin standin)
      throws Exception {
    assertThat(apify).isEqualTo(standin.apifyUrl());
    assertThat(spaaza).isEqualTo(standin.spaazaUrl().toString()).isNotEqualTo(apify.toString());
    assertThat(bobToken).isEqualTo("apify_api_seededBobToken00000000000000000002");
    assertThat(actor.getTaggedBuilds()).containsKeys("latest", "stable");
    assertThat(exportTask.getChain()).isEqualTo(7L);
    HttpResponse<String> ready =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(apify.resolve("ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    HttpResponse<String> summary =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(apify.resolve("__admin/summary"))
                    .header("Authorization", "Bearer " + standin.adminToken())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(summary.body()).contains("nightly-crawl");
  }
}

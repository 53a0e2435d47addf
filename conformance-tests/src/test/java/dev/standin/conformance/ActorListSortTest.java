package dev.standin.conformance;

import static dev.standin.conformance.ActorVersionsAndPricingTest.gitVersion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code sortBy} on the Actor list: {@code createdAt} (the default) or {@code
 * stats.lastRunStartedAt} (ADR 0024: Actors that never ran, all of them here, come first, or last
 * with {@code desc}, ties by {@code createdAt}); anything else is 400 {@code invalid-parameter}.
 */
class ActorListSortTest extends ConformanceTest {

  private static List<String> ids(ServerHarness.RawResponse answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().path("data").path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static ServerHarness.RawResponse list(String query, String token) {
    return server.raw("GET", query, token, null, null);
  }

  @Test
  void bothSortKeysOrderTheCallersActorsAndPage() {
    // bob creates Actors in this test only, so his list is exactly these
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Actor actor =
          bob.actors()
              .create(
                  new CreateActorRequest()
                      .name(uniqueName("sorted"))
                      .versions(List.of(gitVersion("0.1"))));
      created.add(actor.getId());
    }
    List<String> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    String bob = ServerHarness.BOB_TOKEN;

    for (String route : List.of("/v2/actors", "/v2/acts")) {
      assertThat(ids(list(route + "?sortBy=createdAt", bob))).containsExactlyElementsOf(created);
      assertThat(ids(list(route + "?sortBy=createdAt&desc=1", bob)))
          .containsExactlyElementsOf(newestFirst);
      assertThat(ids(list(route + "?sortBy=stats.lastRunStartedAt", bob)))
          .containsExactlyElementsOf(created);
      assertThat(ids(list(route + "?sortBy=stats.lastRunStartedAt&desc=true", bob)))
          .containsExactlyElementsOf(newestFirst);
      ServerHarness.RawResponse page =
          list(route + "?sortBy=stats.lastRunStartedAt&desc=true&offset=1&limit=2", bob);
      assertThat(ids(page)).containsExactly(newestFirst.get(1), newestFirst.get(2));
      JsonNode data = page.json().path("data");
      assertThat(data.path("total").asLong()).isEqualTo(4);
      assertThat(data.path("count").asLong()).isEqualTo(2);
      assertThat(data.path("offset").asLong()).isEqualTo(1);
      assertThat(data.path("limit").asLong()).isEqualTo(2);
      assertThat(data.path("items").get(0).path("stats").path("lastRunStartedAt").isTextual())
          .isFalse(); // never ran
      assertThat(ids(list(route + "?sortBy=stats.lastRunStartedAt&offset=9", bob))).isEmpty();
    }
  }

  @Test
  void anUnknownSortKeyIs400NamingTheParameter() {
    for (String query :
        List.of(
            "/v2/actors?sortBy=name",
            "/v2/acts?sortBy=lastRunStartedAt",
            "/v2/actors?sortBy=",
            "/v2/actors?sortBy=CREATEDAT")) {
      ServerHarness.RawResponse answer = list(query, ServerHarness.ALICE_TOKEN);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.errorType()).isEqualTo("invalid-parameter");
      assertThat(answer.json().path("error").path("message").asText()).contains("sortBy");
    }
    ServerHarness.RawResponse noToken = list("/v2/actors?sortBy=createdAt", null);
    assertThat(noToken.errorType()).isEqualTo("token-not-provided");
  }
}

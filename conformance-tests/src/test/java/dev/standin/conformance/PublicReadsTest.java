package dev.standin.conformance;

import static dev.standin.conformance.ActorVersionsAndPricingTest.gitVersion;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.UpdateActorRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ADR 0008 addendum: a public Actor, its builds and its default build can be read by anyone, with
 * or without a token; private ones keep answering 401 without a token and 403 to someone else's.
 */
class PublicReadsTest extends ConformanceTest {

  private static final String ALICE = ServerHarness.ALICE_TOKEN;
  private static final String BOB = ServerHarness.BOB_TOKEN;
  private static final String UNKNOWN = "apify_api_notARealTokenNotARealToken000";

  private static Actor actor(boolean isPublic) {
    CreateActorRequest request =
        new CreateActorRequest()
            .name(uniqueName(isPublic ? "public" : "private"))
            .versions(List.of(gitVersion("0.1")));
    if (isPublic) {
      request.isPublic(true).title("Shared").categories(List.of("AI"));
    }
    return alice.actors().create(request);
  }

  /** The four reads a token is optional for, for one Actor and one of its builds. */
  private static List<String> optionalTokenReads(Actor actor, Build build) {
    return List.of(
        "/v2/actors/" + actor.getId(),
        "/v2/acts/" + actor.getId(),
        "/v2/actors/alice~" + actor.getName(),
        "/v2/actors/" + actor.getId() + "/builds/" + build.getId(),
        "/v2/acts/" + actor.getId() + "/builds/" + build.getId(),
        "/v2/actors/" + actor.getId() + "/builds/default",
        "/v2/acts/" + actor.getId() + "/builds/default",
        "/v2/actor-builds/" + build.getId());
  }

  private static ServerHarness.RawResponse get(String path, String token) {
    return server.raw("GET", path, token, null, null);
  }

  private static void assertRawError(ServerHarness.RawResponse response, int status, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.errorType()).as(response.body()).isEqualTo(type);
  }

  @Test
  void aPublicActorAndItsBuildsAreReadWithoutATokenAndWithAnyonesToken() {
    Actor actor = actor(true);
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    for (String path : optionalTokenReads(actor, build)) {
      for (String token : new String[] {null, BOB, ALICE}) {
        ServerHarness.RawResponse answer = get(path, token);
        assertThat(answer.status()).as(path + " with " + token).isEqualTo(200);
        JsonNode data = answer.json().path("data");
        boolean isBuild = path.contains("build");
        assertThat(data.path("id").asText()).isEqualTo(isBuild ? build.getId() : actor.getId());
        if (isBuild) {
          // without a token a build leaves out what it cost
          assertThat(data.has("usageUsd")).as(path).isEqualTo(token != null);
          assertThat(data.has("usageTotalUsd")).as(path).isEqualTo(token != null);
        } else {
          assertThat(data.path("username").asText()).isEqualTo("alice");
        }
      }
    }
    // the token query parameter counts as a token here too
    JsonNode viaQuery =
        get("/v2/actor-builds/" + build.getId() + "?token=" + BOB, null).json().path("data");
    assertThat(viaQuery.has("usageTotalUsd")).isTrue();
  }

  @Test
  void aPrivateActorAndItsBuildsAre401WithoutATokenAnd403ToSomeoneElse() {
    Actor actor = actor(false);
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    for (String path : optionalTokenReads(actor, build)) {
      assertRawError(get(path, null), 401, "token-not-provided");
      assertRawError(get(path, BOB), 403, "insufficient-permissions");
      assertThat(get(path, ALICE).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void aBadTokenIsRefusedEvenWhereATokenIsOptional() {
    Actor actor = actor(true);
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    for (String path : optionalTokenReads(actor, build)) {
      assertRawError(get(path, UNKNOWN), 401, "invalid-token");
    }
  }

  @Test
  void withoutATokenNothingTellsWhatExists() {
    // missing and private answer alike without a token; with one, missing is 404
    for (String path :
        List.of(
            "/v2/actors/AAAAAAAAAAAAAAAAA",
            "/v2/actors/nobody~nothing",
            "/v2/actors/~mine",
            "/v2/actors/AAAAAAAAAAAAAAAAA/builds/default",
            "/v2/actors/AAAAAAAAAAAAAAAAA/builds/BBBBBBBBBBBBBBBBB",
            "/v2/actor-builds/BBBBBBBBBBBBBBBBB")) {
      assertRawError(get(path, null), 401, "token-not-provided");
      assertRawError(get(path, BOB), 404, "record-not-found");
    }
  }

  @Test
  void everyOtherRouteOfAPublicActorStillNeedsAToken() {
    Actor actor = actor(true);
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    assertRawError(get("/v2/actors/" + actor.getId() + "/builds", null), 401, "token-not-provided");
    assertRawError(
        server.raw("POST", "/v2/actors/" + actor.getId() + "/builds?version=0.1", null, null, null),
        401,
        "token-not-provided");
    assertRawError(
        server.rawJson("PUT", "/v2/actors/" + actor.getId(), null, "{\"title\": \"pwned\"}"),
        401,
        "token-not-provided");
    assertRawError(
        server.raw("DELETE", "/v2/actor-builds/" + build.getId(), null, null, null),
        401,
        "token-not-provided");
    assertRawError(get("/v2/actors", null), 401, "token-not-provided");
    Actor after = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(after.getTitle()).isEqualTo("Shared");
    assertThat(alice.build(build.getId()).get()).contains(build);
  }

  @Test
  void anActorMadePrivateIsNoLongerReadWithoutAToken() {
    Actor actor = actor(true);
    Build build = alice.actor(actor.getId()).builds().create("0.1");
    assertThat(get("/v2/actor-builds/" + build.getId(), null).status()).isEqualTo(200);

    alice.actor(actor.getId()).update(new UpdateActorRequest().isPublic(false));

    assertRawError(get("/v2/actor-builds/" + build.getId(), null), 401, "token-not-provided");
    assertRawError(get("/v2/actors/" + actor.getId(), null), 401, "token-not-provided");
    assertRawError(get("/v2/actors/" + actor.getId(), BOB), 403, "insufficient-permissions");
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorShort;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.ListOfActors;
import dev.standin.apify.model.UpdateActorRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Creating, reading, listing and deleting Actors, in both spellings of the routes. */
class ActorsTest extends ConformanceTest {

  @Test
  void createAndGetInEveryIdForm() {
    String name = uniqueName("actor");

    Actor created =
        alice
            .actors()
            .create(
                actorRequest()
                    .name(name)
                    .title("My Actor")
                    .description("Does things")
                    .defaultRunOptions(new DefaultRunOptions().build("latest").memoryMbytes(1024)));

    assertThat(created.getId()).matches("[a-zA-Z0-9]{17}");
    assertThat(created.getUsername()).isEqualTo("alice");
    assertThat(created.getIsPublic()).isFalse();
    assertThat(created.getDefaultRunOptions().getMemoryMbytes()).isEqualTo(1024);
    for (String id : List.of(created.getId(), "alice/" + name, "alice~" + name, "~" + name)) {
      assertThat(alice.actor(id).get()).as(id).contains(created);
    }
  }

  @Test
  void createRejectsBadNamesDuplicatesAndBadMemory() {
    Actor existing = newActor(alice);

    assertError(
        failure(() -> alice.actors().create(actorRequest().name("no"))), 400, "invalid-value");
    assertError(
        failure(() -> alice.actors().create(actorRequest().name(existing.getName()))),
        409,
        "actor-name-not-unique");
    assertError(
        failure(
            () ->
                alice
                    .actors()
                    .create(
                        actorRequest()
                            .name(uniqueName("mem"))
                            .defaultRunOptions(new DefaultRunOptions().memoryMbytes(1000)))),
        400,
        "invalid-value");
    ServerHarness.RawResponse noName =
        server.rawJson("POST", "/v2/acts", ServerHarness.ALICE_TOKEN, "{\"title\": \"x\"}");
    assertThat(noName.status()).isEqualTo(400);
  }

  @Test
  void aPublicActorNeedsATitleAndACategory() {
    assertError(
        failure(
            () ->
                alice
                    .actors()
                    .create(actorRequest().name(uniqueName("pub")).isPublic(true).title("T"))),
        403,
        "cannot-publish-actor");
    assertError(
        failure(
            () ->
                alice
                    .actors()
                    .create(
                        actorRequest()
                            .name(uniqueName("pub"))
                            .isPublic(true)
                            .categories(List.of("AI")))),
        403,
        "cannot-publish-actor");
  }

  @Test
  void privateActorsAreOnlyVisibleToTheirOwnerPublicOnesToAll() {
    Actor secret = newActor(alice);
    Actor shared =
        alice
            .actors()
            .create(
                actorRequest()
                    .name(uniqueName("shared"))
                    .isPublic(true)
                    .title("Shared")
                    .categories(List.of("AI")));

    assertError(failure(() -> bob.actor(secret.getId()).get()), 403, "insufficient-permissions");
    assertThat(bob.actor(shared.getId()).get().orElseThrow().getUsername()).isEqualTo("alice");
    assertThat(alice.actor("AAAAAAAAAAAAAAAAA").get()).isEmpty();
  }

  @Test
  void createAcceptsEveryUpdatableProperty() {
    Actor created =
        alice
            .actors()
            .create(
                actorRequest()
                    .name(uniqueName("full"))
                    .isPublic(true)
                    .title("Full")
                    .categories(List.of("AI"))
                    .actorPermissionLevel(ActorPermissionLevel.FULL_PERMISSIONS)
                    .versions(List.of(ActorVersionsAndPricingTest.gitVersion("0.1"))));

    assertThat(created.getActorPermissionLevel()).isEqualTo(ActorPermissionLevel.FULL_PERMISSIONS);
    assertThat(created.getVersions())
        .containsExactly(ActorVersionsAndPricingTest.gitVersion("0.1"));
    assertThat(created.getTaggedBuilds()).isEmpty();
    assertThat(created.getPricingInfos()).isEmpty();
    assertThat(newActor(alice).getActorPermissionLevel())
        .isEqualTo(ActorPermissionLevel.LIMITED_PERMISSIONS);
  }

  @Test
  void listPagesThroughTheCallersOwnActors() {
    // bob creates Actors in this test only, so his list is exactly these
    var own = bob;
    Actor first = newActor(own);
    Actor second = newActor(own);
    Actor third = newActor(own);
    newActor(alice);

    ListOfActors all = own.actors().list();
    assertThat(all.getTotal()).isEqualTo(3);
    assertThat(all.getItems())
        .extracting(ActorShort::getId)
        .containsExactly(first.getId(), second.getId(), third.getId());
    assertThat(all.getItems().get(0).getUsername()).isEqualTo(first.getUsername());

    ListOfActors page = own.actors().list(1L, 1, true);
    assertThat(page.getItems()).extracting(ActorShort::getId).containsExactly(second.getId());
    assertThat(page.getOffset()).isEqualTo(1);
    assertThat(page.getLimit()).isEqualTo(1);
    assertThat(page.getDesc()).isTrue();
    assertThat(page.getCount()).isEqualTo(1);

    for (String query : List.of("?my=true&desc=1", "?my=1&offset=0&limit=5000")) {
      ServerHarness.RawResponse raw =
          server.raw("GET", "/v2/acts" + query, ServerHarness.ALICE_TOKEN, null, null);
      assertThat(raw.status()).as(query).isEqualTo(200);
    }
    assertThat(
            server
                .raw("GET", "/v2/actors?limit=5000", ServerHarness.ALICE_TOKEN, null, null)
                .json()
                .path("data")
                .path("limit")
                .asInt())
        .isEqualTo(1000);
    assertThat(
            server
                .raw("GET", "/v2/actors?offset=-1", ServerHarness.ALICE_TOKEN, null, null)
                .errorType())
        .isEqualTo("invalid-parameter");
  }

  @Test
  void deleteFreesTheName() {
    Actor actor = newActor(alice);
    alice.actor(actor.getId()).delete();
    assertThat(alice.actor(actor.getId()).get()).isEmpty();
    assertThat(alice.actors().create(actorRequest().name(actor.getName())).getName())
        .isEqualTo(actor.getName());
  }

  @Test
  void bothSpellingsOfTheRoutesServeTheSameActor() {
    String name = uniqueName("spell");
    ServerHarness.RawResponse created =
        server.rawJson(
            "POST",
            "/v2/acts",
            ServerHarness.ALICE_TOKEN,
            "{\"name\": \"" + name + "\", " + FIRST_VERSION_JSON + "}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().path("data").path("id").asText();
    assertThat(created.headers().get("location").get(0)).endsWith("/v2/acts/" + id);

    ServerHarness.RawResponse updated =
        server.rawJson(
            "PUT", "/v2/acts/" + id, ServerHarness.ALICE_TOKEN, "{\"title\": \"Old path\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(alice.actor(id).get().orElseThrow().getTitle()).isEqualTo("Old path");

    alice
        .actor(id)
        .update(
            new UpdateActorRequest()
                .versions(List.of(ActorVersionsAndPricingTest.gitVersion("0.1"))));
    ServerHarness.RawResponse build =
        server.raw(
            "POST",
            "/v2/acts/" + id + "/builds?version=0.1",
            ServerHarness.ALICE_TOKEN,
            null,
            null);
    assertThat(build.status()).isEqualTo(201);
    ServerHarness.RawResponse builds =
        server.raw("GET", "/v2/acts/~" + name + "/builds", ServerHarness.ALICE_TOKEN, null, null);
    assertThat(builds.json().path("data").path("total").asInt()).isEqualTo(1);
    assertThat(
            server
                .raw("GET", "/v2/acts/alice~" + name, ServerHarness.ALICE_TOKEN, null, null)
                .json()
                .path("data")
                .path("taggedBuilds")
                .path("latest")
                .path("buildId")
                .asText())
        .isEqualTo(build.json().path("data").path("id").asText());

    ServerHarness.RawResponse deleted =
        server.raw("DELETE", "/v2/acts/" + id, ServerHarness.ALICE_TOKEN, null, null);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(alice.actor(id).get()).isEmpty();
  }
}

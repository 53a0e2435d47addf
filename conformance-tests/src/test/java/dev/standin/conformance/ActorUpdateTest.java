package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.ExampleRunInput;
import dev.standin.apify.model.UpdateActorRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PUT /v2/actors/{id}: the merge table of the plain properties, names, and publishing. */
@Backends.AlsoInMemory
class ActorUpdateTest extends ConformanceTest {

  @Test
  void presentPropertiesReplaceAbsentOnesAreKept() {
    Actor actor =
        alice
            .actors()
            .create(
                new CreateActorRequest()
                    .name(uniqueName("upd"))
                    .title("Old title")
                    .description("Old description")
                    .seoTitle("Old SEO")
                    .categories(List.of("AI", "DEVELOPER_TOOLS")));

    Actor updated =
        alice
            .actor(actor.getId())
            .update(
                new UpdateActorRequest()
                    .title("New title")
                    .categories(List.of("NEWS"))
                    .actorPermissionLevel(ActorPermissionLevel.FULL_PERMISSIONS)
                    .exampleRunInput(
                        new ExampleRunInput().body("{\"a\": 1}").contentType("application/json"))
                    .actorStandby(new ActorStandby().isEnabled(true).memoryMbytes(1024))
                    .defaultRunOptions(new DefaultRunOptions().build("beta").memoryMbytes(256))
                    .isDeprecated(true));

    assertThat(updated.getTitle()).isEqualTo("New title");
    assertThat(updated.getCategories()).containsExactly("NEWS");
    assertThat(updated.getActorPermissionLevel()).isEqualTo(ActorPermissionLevel.FULL_PERMISSIONS);
    assertThat(updated.getExampleRunInput().getBody()).isEqualTo("{\"a\": 1}");
    assertThat(updated.getActorStandby().getMemoryMbytes()).isEqualTo(1024);
    assertThat(updated.getIsDeprecated()).isTrue();
    // replaced whole: timeoutSecs from the create-time defaults is gone
    assertThat(updated.getDefaultRunOptions())
        .isEqualTo(new DefaultRunOptions().build("beta").memoryMbytes(256));
    // absent: kept
    assertThat(updated.getDescription()).isEqualTo("Old description");
    assertThat(updated.getSeoTitle()).isEqualTo("Old SEO");
    assertThat(updated.getName()).isEqualTo(actor.getName());
    assertThat(updated.getCreatedAt()).isEqualTo(actor.getCreatedAt());
    assertThat(updated.getModifiedAt()).isAfter(actor.getModifiedAt());
    assertThat(alice.actor(actor.getId()).get()).contains(updated);
  }

  @Test
  void explicitNullClearsNullablePropertiesAndResetsRunOptions() {
    Actor actor =
        alice
            .actors()
            .create(
                new CreateActorRequest()
                    .name(uniqueName("nul"))
                    .title("T")
                    .description("D")
                    .categories(List.of("AI"))
                    .defaultRunOptions(new DefaultRunOptions().build("beta").memoryMbytes(256)));

    Actor updated =
        alice
            .actor(actor.getId())
            .update(
                new UpdateActorRequest()
                    .title(null)
                    .description(null)
                    .categories(null)
                    .defaultRunOptions(null));

    assertThat(updated.getTitle()).isNull();
    assertThat(updated.getDescription()).isNull();
    assertThat(updated.getCategories()).isNull();
    assertThat(updated.getDefaultRunOptions())
        .isEqualTo(new DefaultRunOptions().build("latest").timeoutSecs(3600L).memoryMbytes(4096));
  }

  @Test
  void readOnlyAndUnknownPropertiesAreIgnored() {
    Actor actor = newActor(alice);
    ServerHarness.RawResponse answer =
        server.rawJson(
            "PUT",
            "/v2/actors/" + actor.getId(),
            ServerHarness.ALICE_TOKEN,
            "{\"id\": \"XXXXXXXXXXXXXXXXX\", \"userId\": \"u\", \"username\": \"mallory\","
                + " \"createdAt\": \"2000-01-01T00:00:00.000Z\", \"stats\": {\"totalRuns\": 99},"
                + " \"somethingNew\": 1, \"title\": \"Kept\"}");

    assertThat(answer.status()).isEqualTo(200);
    Actor after = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(after.getId()).isEqualTo(actor.getId());
    assertThat(after.getUsername()).isEqualTo("alice");
    assertThat(after.getCreatedAt()).isEqualTo(actor.getCreatedAt());
    assertThat(after.getStats()).isEqualTo(actor.getStats());
    assertThat(after.getTitle()).isEqualTo("Kept");
  }

  @Test
  void renameFollowsTheNameRulesAndUniquenessPerUser() {
    Actor first = newActor(alice);
    Actor second = newActor(alice);
    String newName = uniqueName("renamed");

    assertThat(alice.actor(first.getId()).update(new UpdateActorRequest().name(newName)).getName())
        .isEqualTo(newName);
    assertThat(alice.actor("~" + newName).get()).isPresent();

    assertError(
        failure(() -> alice.actor(second.getId()).update(new UpdateActorRequest().name(newName))),
        409,
        "actor-name-not-unique");
    assertError(
        failure(() -> alice.actor(second.getId()).update(new UpdateActorRequest().name("-bad-"))),
        400,
        "invalid-value");
    assertThat(alice.actor(second.getId()).get()).contains(second);
    // another user may use the same name
    assertThat(bob.actors().create(new CreateActorRequest().name(newName)).getName())
        .isEqualTo(newName);
  }

  @Test
  void memoryMustBeAPowerOfTwoWithinRange() {
    Actor actor = newActor(alice);
    for (int memory : new int[] {64, 100, 65536}) {
      assertError(
          failure(
              () ->
                  alice
                      .actor(actor.getId())
                      .update(
                          new UpdateActorRequest()
                              .title("not stored")
                              .defaultRunOptions(new DefaultRunOptions().memoryMbytes(memory)))),
          400,
          "invalid-value");
    }
    assertThat(alice.actor(actor.getId()).get()).contains(actor);
    for (int memory : new int[] {128, 32768}) {
      assertThat(
              alice
                  .actor(actor.getId())
                  .update(
                      new UpdateActorRequest()
                          .defaultRunOptions(new DefaultRunOptions().memoryMbytes(memory)))
                  .getDefaultRunOptions()
                  .getMemoryMbytes())
          .isEqualTo(memory);
    }
  }

  @Test
  void publishingNeedsATitleAndACategoryAfterTheMerge() {
    Actor actor = newActor(alice);

    assertError(
        failure(() -> alice.actor(actor.getId()).update(new UpdateActorRequest().isPublic(true))),
        403,
        "cannot-publish-actor");
    assertError(
        failure(
            () ->
                alice
                    .actor(actor.getId())
                    .update(new UpdateActorRequest().isPublic(true).categories(List.of("AI")))),
        403,
        "cannot-publish-actor");
    assertThat(alice.actor(actor.getId()).get()).contains(actor);

    // the title stored earlier counts: the check runs on the merged Actor
    alice.actor(actor.getId()).update(new UpdateActorRequest().title("Published"));
    Actor published =
        alice
            .actor(actor.getId())
            .update(new UpdateActorRequest().isPublic(true).categories(List.of("AI")));
    assertThat(published.getIsPublic()).isTrue();
    assertThat(bob.actor(actor.getId()).get()).isPresent();

    // a public Actor cannot lose its title
    assertError(
        failure(() -> alice.actor(actor.getId()).update(new UpdateActorRequest().title(null))),
        403,
        "cannot-publish-actor");
  }

  @Test
  void onlyTheOwnerMayUpdateOrDelete() {
    Actor actor = newActor(alice);
    assertError(
        failure(() -> bob.actor(actor.getId()).update(new UpdateActorRequest().title("x"))),
        403,
        "insufficient-permissions");
    assertError(failure(() -> bob.actor(actor.getId()).delete()), 403, "insufficient-permissions");
    assertThat(alice.actor(actor.getId()).get()).contains(actor);
    assertError(
        failure(() -> alice.actor("~no-such-actor").update(new UpdateActorRequest().title("x"))),
        404,
        "record-not-found");
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    Actor actor = newActor(alice);
    for (String body : List.of("[]", "\"x\"", "{\"title\": ", "{\"isPublic\": \"maybe\"}")) {
      ServerHarness.RawResponse answer =
          server.rawJson("PUT", "/v2/actors/" + actor.getId(), ServerHarness.ALICE_TOKEN, body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      JsonNode error = answer.json().path("error");
      assertThat(error.path("type").asText()).as(body).isEqualTo("invalid-input");
    }
    assertThat(alice.actor(actor.getId()).get()).contains(actor);
  }
}

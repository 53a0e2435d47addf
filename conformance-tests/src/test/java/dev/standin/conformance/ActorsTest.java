package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.DefaultRunOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The part of the Actor API that tasks need: create and get. */
class ActorsTest extends ConformanceTest {

  @Test
  void createAndGetInEveryIdForm() {
    String name = uniqueName("actor");

    Actor created =
        alice
            .actors()
            .create(
                new CreateActorRequest()
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
        failure(() -> alice.actors().create(new CreateActorRequest().name("no"))),
        400,
        "invalid-value");
    assertError(
        failure(() -> alice.actors().create(new CreateActorRequest().name(existing.getName()))),
        409,
        "actor-name-not-unique");
    assertError(
        failure(
            () ->
                alice
                    .actors()
                    .create(
                        new CreateActorRequest()
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
                    .create(
                        new CreateActorRequest()
                            .name(uniqueName("pub"))
                            .isPublic(true)
                            .title("T"))),
        403,
        "cannot-publish-actor");
    assertError(
        failure(
            () ->
                alice
                    .actors()
                    .create(
                        new CreateActorRequest()
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
                new CreateActorRequest()
                    .name(uniqueName("shared"))
                    .isPublic(true)
                    .title("Shared")
                    .categories(List.of("AI")));

    assertError(failure(() -> bob.actor(secret.getId()).get()), 403, "insufficient-permissions");
    assertThat(bob.actor(shared.getId()).get().orElseThrow().getUsername()).isEqualTo("alice");
    assertThat(alice.actor("AAAAAAAAAAAAAAAAA").get()).isEmpty();
  }
}

package dev.standin.conformance;

import static dev.standin.conformance.ActorVersionsAndPricingTest.gitVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorJobStatus;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.BuildTag;
import dev.standin.apify.model.ListOfBuilds;
import dev.standin.apify.model.TaggedBuildInfo;
import dev.standin.apify.model.UpdateActorRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Builds of Actor versions and the {@code taggedBuilds} patch of the Actor update. */
class BuildsAndTagsTest extends ConformanceTest {

  /** An Actor of alice with versions 0.1 (build tag {@code latest}) and 1.2 (no build tag). */
  private static Actor actorWithVersions() {
    Actor actor = newActor(alice);
    return alice
        .actor(actor.getId())
        .update(
            new UpdateActorRequest()
                .versions(List.of(gitVersion("0.1"), gitVersion("1.2").buildTag(null))));
  }

  private static Map<String, BuildTag> tags(Object... tagsAndBuildIds) {
    Map<String, BuildTag> tags = new HashMap<>(); // allows null values: remove the tag
    for (int i = 0; i < tagsAndBuildIds.length; i += 2) {
      String buildId = (String) tagsAndBuildIds[i + 1];
      tags.put(
          (String) tagsAndBuildIds[i], buildId == null ? null : new BuildTag().buildId(buildId));
    }
    return tags;
  }

  private static Actor tag(Actor actor, Map<String, BuildTag> tags) {
    return alice.actor(actor.getId()).update(new UpdateActorRequest().taggedBuilds(tags));
  }

  @Test
  void buildsAreFinishedAtOnceAndNumberedPerVersion() {
    Actor actor = actorWithVersions();

    Build first = alice.actor(actor.getId()).builds().create("0.1");
    Build second = alice.actor(actor.getId()).builds().create("0.1");
    Build other = alice.actor(actor.getId()).builds().create("1.2");

    assertThat(first.getId()).matches("[a-zA-Z0-9]{17}");
    assertThat(first.getStatus()).isEqualTo(ActorJobStatus.SUCCEEDED);
    assertThat(first.getFinishedAt()).isNotNull();
    assertThat(first.getActId()).isEqualTo(actor.getId());
    assertThat(first.getBuildNumber()).isEqualTo("0.1.1");
    assertThat(first.getBuildNumberInt()).isEqualTo(100_001L);
    assertThat(second.getBuildNumber()).isEqualTo("0.1.2");
    assertThat(other.getBuildNumber()).isEqualTo("1.2.1");
    assertThat(other.getBuildNumberInt()).isEqualTo(10_000_000L + 200_000L + 1L);

    assertThat(alice.build(first.getId()).get()).contains(first);
    ListOfBuilds list = alice.actor("~" + actor.getName()).builds().list();
    assertThat(list.getTotal()).isEqualTo(3);
    assertThat(list.getItems())
        .extracting(BuildShort::getBuildNumber)
        .containsExactly("0.1.1", "0.1.2", "1.2.1");
    assertThat(alice.actor(actor.getId()).builds().list(1L, 1, true).getItems())
        .extracting(BuildShort::getId)
        .containsExactly(second.getId());
    assertThat(alice.actor(actor.getId()).get().orElseThrow().getStats().getTotalBuilds())
        .isEqualTo(3);
  }

  @Test
  void aBuildMovesItsVersionsBuildTagOrTheTagAskedFor() {
    Actor actor = actorWithVersions();

    Build build = alice.actor(actor.getId()).builds().create("0.1");
    Map<String, TaggedBuildInfo> tags =
        alice.actor(actor.getId()).get().orElseThrow().getTaggedBuilds();
    assertThat(tags).containsOnlyKeys("latest");
    assertThat(tags.get("latest"))
        .isEqualTo(
            new TaggedBuildInfo()
                .buildId(build.getId())
                .buildNumber("0.1.1")
                .buildNumberInt(100_001L)
                .finishedAt(build.getFinishedAt()));

    alice.actor(actor.getId()).builds().create("1.2"); // no build tag: no tag changes
    Build beta = alice.actor(actor.getId()).builds().create("1.2", "beta");
    tags = alice.actor(actor.getId()).get().orElseThrow().getTaggedBuilds();
    assertThat(tags.get("latest").getBuildId()).isEqualTo(build.getId());
    assertThat(tags.get("beta").getBuildId()).isEqualTo(beta.getId());
  }

  @Test
  void buildRoutesCheckTheActorAndTheVersion() {
    Actor actor = actorWithVersions();
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    assertError(
        failure(() -> alice.actor(actor.getId()).builds().create("9.9")), 400, "invalid-parameter");
    assertError(
        failure(() -> bob.actor(actor.getId()).builds().create("0.1")),
        403,
        "insufficient-permissions");
    assertError(
        failure(() -> bob.actor(actor.getId()).builds().list()), 403, "insufficient-permissions");
    assertError(failure(() -> bob.build(build.getId()).get()), 403, "insufficient-permissions");
    assertThat(alice.build("AAAAAAAAAAAAAAAAA").get()).isEmpty();
    assertThat(
            server
                .raw(
                    "POST",
                    "/v2/actors/" + actor.getId() + "/builds",
                    ServerHarness.ALICE_TOKEN,
                    null,
                    null)
                .errorType())
        .isEqualTo("invalid-parameter");
  }

  @Test
  void tagsAreCreatedMovedAndRemovedOthersStay() {
    Actor actor = actorWithVersions();
    Build one = alice.actor(actor.getId()).builds().create("1.2");
    Build two = alice.actor(actor.getId()).builds().create("1.2");

    Actor created = tag(actor, tags("beta", one.getId(), "stable", one.getId()));
    assertThat(created.getTaggedBuilds()).containsOnlyKeys("beta", "stable");
    assertThat(created.getTaggedBuilds().get("beta").getBuildNumber()).isEqualTo("1.2.1");
    assertThat(created.getTaggedBuilds().get("beta").getBuildNumberInt()).isEqualTo(10_200_001L);

    Actor moved = tag(actor, tags("beta", two.getId()));
    assertThat(moved.getTaggedBuilds().get("beta").getBuildId()).isEqualTo(two.getId());
    assertThat(moved.getTaggedBuilds().get("stable").getBuildId()).isEqualTo(one.getId());

    Actor removed = tag(actor, tags("stable", null, "never-existed", null));
    assertThat(removed.getTaggedBuilds()).containsOnlyKeys("beta");
    ServerHarness.RawResponse raw =
        server.raw("GET", "/v2/actors/" + actor.getId(), ServerHarness.ALICE_TOKEN, null, null);
    assertThat(raw.json().path("data").path("taggedBuilds").has("stable")).isFalse();

    // other properties in the same update follow their own rules; absent taggedBuilds keeps tags
    Actor titled = alice.actor(actor.getId()).update(new UpdateActorRequest().title("T"));
    assertThat(titled.getTaggedBuilds()).containsOnlyKeys("beta");
    Actor nullPatch =
        alice.actor(actor.getId()).update(new UpdateActorRequest().taggedBuilds(null));
    assertThat(nullPatch.getTaggedBuilds()).containsOnlyKeys("beta");
  }

  @Test
  void aTagMustNameABuildOfThisActor() {
    Actor actor = actorWithVersions();
    Actor other = actorWithVersions();
    Build foreign = alice.actor(other.getId()).builds().create("0.1");
    Build own = alice.actor(actor.getId()).builds().create("1.2");
    Actor before = tag(actor, tags("beta", own.getId()));

    assertError(failure(() -> tag(actor, tags("beta", foreign.getId()))), 403, "build-not-found");
    assertError(
        failure(() -> tag(actor, tags("gamma", "AAAAAAAAAAAAAAAAA", "beta", null))),
        403,
        "build-not-found");
    assertThat(alice.actor(actor.getId()).get()).contains(before);
  }

  @Test
  void deletingAnActorDeletesItsBuilds() {
    Actor actor = actorWithVersions();
    Build build = alice.actor(actor.getId()).builds().create("0.1");

    alice.actor(actor.getId()).delete();

    assertThat(alice.actor(actor.getId()).get()).isEmpty();
    assertThat(alice.build(build.getId()).get()).isEmpty();
    alice.actor(actor.getId()).delete(); // deleting again is not an error
  }

  @Test
  void concurrentUpdatesOfDifferentTagsNeverLoseEachOther() throws Exception {
    Actor actor = actorWithVersions();
    Build build = alice.actor(actor.getId()).builds().create("1.2");
    int clients = 8;
    int rounds = 10;

    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        done.add(
            pool.submit(
                () -> {
                  var own = server.client(ServerHarness.ALICE_TOKEN);
                  for (int r = 0; r < rounds; r++) {
                    // each client adds its own tags and removes a scratch tag of its own
                    own.actor(actor.getId())
                        .update(
                            new UpdateActorRequest()
                                .taggedBuilds(
                                    tags(
                                        "t-" + client + "-" + r,
                                        build.getId(),
                                        "scratch-" + client,
                                        r % 2 == 0 ? build.getId() : null)));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, TaggedBuildInfo> tags =
        alice.actor(actor.getId()).get().orElseThrow().getTaggedBuilds();
    assertThat(tags).hasSize(clients * rounds); // every scratch tag ended removed (rounds even)
    for (int c = 0; c < clients; c++) {
      for (int r = 0; r < rounds; r++) {
        assertThat(tags).containsKey("t-" + c + "-" + r);
      }
    }
  }
}

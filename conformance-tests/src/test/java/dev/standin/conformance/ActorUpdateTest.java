package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorNotice;
import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.ExampleRunInput;
import dev.standin.apify.model.UpdateActorRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PUT /v2/actors/{id}: the merge table of the plain properties, names, and publishing. */
class ActorUpdateTest extends ConformanceTest {

  @Test
  void presentPropertiesReplaceAbsentOnesAreKept() {
    Actor actor =
        alice
            .actors()
            .create(
                actorRequest()
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
    // merged one level (ADR 0023): timeoutSecs and restartOnError from the create-time defaults
    // stay
    assertThat(updated.getDefaultRunOptions())
        .isEqualTo(
            new DefaultRunOptions()
                .build("beta")
                .timeoutSecs(3600L)
                .memoryMbytes(256)
                .restartOnError(false));
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
                actorRequest()
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
        .isEqualTo(
            new DefaultRunOptions()
                .build("latest")
                .timeoutSecs(3600L)
                .memoryMbytes(4096)
                .restartOnError(false));
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
    assertThat(bob.actors().create(actorRequest().name(newName)).getName()).isEqualTo(newName);
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

  private ServerHarness.RawResponse put(Actor actor, String body) {
    return server.rawJson("PUT", "/v2/actors/" + actor.getId(), ServerHarness.ALICE_TOKEN, body);
  }

  @Test
  void runOptionsAndStandbyMergeOneLevel() {
    Actor actor = newActor(alice);

    assertThat(put(actor, "{\"defaultRunOptions\": {\"memoryMbytes\": 1024}}").status())
        .isEqualTo(200);
    assertThat(
            put(
                    actor,
                    "{\"defaultRunOptions\": {\"timeoutSecs\": 60, \"maxItems\": 5,"
                        + " \"forcePermissionLevel\": \"FULL_PERMISSIONS\"},"
                        + " \"actorStandby\": {\"isEnabled\": true, \"memoryMbytes\": 512}}")
                .status())
        .isEqualTo(200);
    Actor merged = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(merged.getDefaultRunOptions().getBuild()).isEqualTo("latest");
    assertThat(merged.getDefaultRunOptions().getMemoryMbytes()).isEqualTo(1024);
    assertThat(merged.getDefaultRunOptions().getTimeoutSecs()).isEqualTo(60L);
    assertThat(merged.getDefaultRunOptions().getMaxItems()).isEqualTo(5L);
    assertThat(merged.getDefaultRunOptions().getForcePermissionLevel())
        .isEqualTo(DefaultRunOptions.ForcePermissionLevelEnum.FULL_PERMISSIONS);

    // null on a non-nullable run option resets it to the default; on a nullable one clears it
    assertThat(
            put(
                    actor,
                    "{\"defaultRunOptions\": {\"memoryMbytes\": null, \"maxItems\": null},"
                        + " \"actorStandby\": {\"idleTimeoutSecs\": 30, \"isEnabled\": null}}")
                .status())
        .isEqualTo(200);
    Actor reset = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(reset.getDefaultRunOptions().getMemoryMbytes()).isEqualTo(4096);
    assertThat(reset.getDefaultRunOptions().getTimeoutSecs()).isEqualTo(60L);
    assertThat(reset.getDefaultRunOptions().getMaxItems()).isNull();
    assertThat(reset.getDefaultRunOptions().getForcePermissionLevel())
        .isEqualTo(DefaultRunOptions.ForcePermissionLevelEnum.FULL_PERMISSIONS);
    assertThat(reset.getActorStandby().getIsEnabled()).isNull();
    assertThat(reset.getActorStandby().getMemoryMbytes()).isEqualTo(512);
    assertThat(reset.getActorStandby().getIdleTimeoutSecs()).isEqualTo(30);

    assertThat(put(actor, "{\"actorStandby\": null}").status()).isEqualTo(200);
    assertThat(alice.actor(actor.getId()).get().orElseThrow().getActorStandby()).isNull();
  }

  @Test
  void aRejectedPartialRunOptionChangesNothing() {
    Actor actor = newActor(alice);
    put(actor, "{\"defaultRunOptions\": {\"memoryMbytes\": 1024}}");
    Actor before = alice.actor(actor.getId()).get().orElseThrow();

    ServerHarness.RawResponse bad = put(actor, "{\"defaultRunOptions\": {\"memoryMbytes\": 1000}}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorType()).isEqualTo("invalid-value");
    assertThat(alice.actor(actor.getId()).get()).contains(before);
  }

  @Test
  void restartOnErrorIsOneSettingInTwoPlaces() {
    Actor created =
        alice.actors().create(actorRequest().name(uniqueName("restart")).restartOnError(true));
    assertThat(created.getRestartOnError()).isTrue();
    assertThat(created.getDefaultRunOptions().getRestartOnError()).isTrue();

    Actor off = alice.actor(created.getId()).update(new UpdateActorRequest().restartOnError(false));
    assertThat(off.getRestartOnError()).isFalse();
    assertThat(off.getDefaultRunOptions().getRestartOnError()).isFalse();
    assertThat(off.getDefaultRunOptions().getBuild()).isEqualTo("latest");

    // sent together, the nested one wins
    ServerHarness.RawResponse both =
        put(off, "{\"restartOnError\": false, \"defaultRunOptions\": {\"restartOnError\": true}}");
    assertThat(both.json().path("data").path("restartOnError").asBoolean()).isTrue();
    assertThat(
            both.json().path("data").path("defaultRunOptions").path("restartOnError").asBoolean())
        .isTrue();
    assertThat(alice.actor(created.getId()).get().orElseThrow().getRestartOnError()).isTrue();
  }

  @Test
  void computedPropertiesArePlausibleAndReadOnly() {
    Actor actor =
        alice.actors().create(actorRequest().name(uniqueName("computed")).description("Scrapes"));

    assertThat(actor.getReadmeSummary()).isEqualTo("Scrapes");
    assertThat(actor.getNotice()).isEqualTo(ActorNotice.NONE);
    assertThat(actor.getIsCritical()).isFalse();
    assertThat(actor.getIsGeneric()).isFalse();
    assertThat(actor.getHasNoDataset()).isFalse();
    assertThat(actor.getIsSourceCodeHidden()).isTrue();
    assertThat(actor.getPictureUrl()).isNull();
    assertThat(actor.getStandbyUrl()).isNull();
    assertThat(actor.getDeploymentKey()).startsWith("ssh-ed25519 ");
    assertThat(actor.getStats().getTotalBuilds()).isZero();
    assertThat(actor.getStats().getTotalRuns()).isZero();
    assertThat(actor.getStats().getTotalUsers30Days()).isZero();
    assertThat(actor.getStats().getActorReviewRating()).isZero();
    assertThat(actor.getStats().getLastRunStartedAt()).isNull();
    assertThat(actor.getStats().getPublicActorRunStats30Days().getTOTAL()).isZero();
    assertThat(actor.getDefaultRunOptions())
        .isEqualTo(
            new DefaultRunOptions()
                .build("latest")
                .timeoutSecs(3600L)
                .memoryMbytes(4096)
                .restartOnError(false));

    ServerHarness.RawResponse ignored =
        put(
            actor,
            "{\"deploymentKey\": \"mine\", \"readmeSummary\": \"x\", \"notice\":"
                + " \"UNDER_MAINTENANCE\", \"isCritical\": true, \"isSourceCodeHidden\": false,"
                + " \"stats\": {\"totalRuns\": 5}, \"description\": \"Crawls\"}");
    assertThat(ignored.status()).isEqualTo(200);
    Actor after = alice.actor(actor.getId()).get().orElseThrow();
    assertThat(after.getDeploymentKey()).isEqualTo(actor.getDeploymentKey());
    assertThat(after.getReadmeSummary()).isEqualTo("Crawls");
    assertThat(after.getNotice()).isEqualTo(ActorNotice.NONE);
    assertThat(after.getIsCritical()).isFalse();
    assertThat(after.getIsSourceCodeHidden()).isTrue();
    assertThat(after.getStats().getTotalRuns()).isZero();
    assertThat(newActor(alice).getDeploymentKey()).isNotEqualTo(actor.getDeploymentKey());
  }

  @Test
  void thePricingFamilyIsStoredAndAnsweredBack() throws Exception {
    Actor actor = newActor(alice);
    String pricing =
        "[{\"pricingModel\": \"PAY_PER_EVENT\", \"apifyMarginPercentage\": 0.2,"
            + " \"isPriceChangeNotificationSuppressed\": true,"
            + " \"forceContainsSignificantPriceChange\": false,"
            + " \"pricingPerEvent\": {\"actorChargeEvents\": {\"page\": {\"eventTitle\": \"Page\","
            + " \"eventDescription\": \"Per page\", \"eventPriceUsd\": 0.01,"
            + " \"isPrimaryEvent\": true, \"isOneTimeEvent\": false, \"eventTieredPricingUsd\":"
            + " {\"FREE\": {\"tieredEventPriceUsd\": 0.01}, \"GOLD\": {\"tieredEventPriceUsd\":"
            + " 0.005}}}}}},"
            + " {\"pricingModel\": \"PRICE_PER_DATASET_ITEM\", \"apifyMarginPercentage\": 0.1,"
            + " \"unitName\": \"result\", \"pricePerUnitUsd\": 0.001, \"tieredPricing\":"
            + " {\"BRONZE\": {\"tieredPricePerUnitUsd\": 0.0008}}}]";

    ServerHarness.RawResponse answer = put(actor, "{\"pricingInfos\": " + pricing + "}");

    assertThat(answer.status()).isEqualTo(200);
    ServerHarness.RawResponse read =
        server.raw("GET", "/v2/actors/" + actor.getId(), ServerHarness.ALICE_TOKEN, null, null);
    for (ServerHarness.RawResponse r : List.of(answer, read)) {
      com.fasterxml.jackson.databind.JsonNode infos = r.json().path("data").path("pricingInfos");
      com.fasterxml.jackson.databind.JsonNode event =
          infos.path(0).path("pricingPerEvent").path("actorChargeEvents").path("page");
      assertThat(infos.path(0).path("isPriceChangeNotificationSuppressed").asBoolean()).isTrue();
      assertThat(infos.path(0).path("forceContainsSignificantPriceChange").isBoolean()).isTrue();
      assertThat(event.path("isPrimaryEvent").asBoolean()).isTrue();
      assertThat(event.path("isOneTimeEvent").isBoolean()).isTrue();
      assertThat(
              event
                  .path("eventTieredPricingUsd")
                  .path("GOLD")
                  .path("tieredEventPriceUsd")
                  .asDouble())
          .isEqualTo(0.005);
      assertThat(
              infos
                  .path(1)
                  .path("tieredPricing")
                  .path("BRONZE")
                  .path("tieredPricePerUnitUsd")
                  .asDouble())
          .isEqualTo(0.0008);
    }
  }

  @Test
  void valuesOfTheWrongJsonTypeAreNotCoercedAndChangeNothing() {
    Actor actor = newActor(alice);
    Actor before = alice.actor(actor.getId()).get().orElseThrow();
    for (String body :
        List.of(
            "{\"name\": 123}",
            "{\"isPublic\": \"true\"}",
            "{\"restartOnError\": \"true\"}",
            "{\"defaultRunOptions\": {\"memoryMbytes\": \"1024\"}}",
            "{\"defaultRunOptions\": {\"timeoutSecs\": 1.5}}",
            "{\"actorStandby\": {\"build\": 1}}",
            "{\"versions\": [{\"versionNumber\": 1, \"sourceType\": \"GIT_REPO\"}]}")) {
      ServerHarness.RawResponse response = put(actor, body);
      assertThat(response.status()).as(body).isEqualTo(400);
      assertThat(response.errorType()).as(body).isEqualTo("invalid-input");
      String field = body.substring(2, body.indexOf('"', 2));
      assertThat(response.json().path("error").path("message").asText()).as(body).contains(field);
    }
    assertThat(alice.actor(actor.getId()).get()).contains(before);
  }
}

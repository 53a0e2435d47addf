package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorChargeEvent;
import dev.standin.apify.model.ActorRunPricingInfo;
import dev.standin.apify.model.EnvVar;
import dev.standin.apify.model.FlatPricePerMonthActorPricingInfo;
import dev.standin.apify.model.FreeActorPricingInfo;
import dev.standin.apify.model.PayPerEventActorPricingInfo;
import dev.standin.apify.model.PricePerDatasetItemActorPricingInfo;
import dev.standin.apify.model.PricingModel;
import dev.standin.apify.model.PricingPerEvent;
import dev.standin.apify.model.SourceCodeEntry;
import dev.standin.apify.model.SourceCodeFileFormat;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two array properties of an Actor with rules per element: versions and pricing records. */
class ActorVersionsAndPricingTest extends ConformanceTest {

  static Version gitVersion(String number) {
    return new Version()
        .versionNumber(number)
        .sourceType(VersionSourceType.GIT_REPO)
        .gitRepoUrl("https://github.com/alice/actor")
        .buildTag("latest");
  }

  @Test
  void everySourceTypeIsStoredAndTheArrayIsReplacedWhole() {
    Actor actor = newActor(alice);
    List<Version> versions =
        List.of(
            new Version()
                .versionNumber("0.1")
                .sourceType(VersionSourceType.SOURCE_FILES)
                .applyEnvVarsToBuild(false)
                .sourceFiles(
                    List.of(
                        new SourceCodeEntry()
                            .name("src/main.js")
                            .format(SourceCodeFileFormat.TEXT)
                            .content("console.log(1);"),
                        new SourceCodeEntry().name("src/lib").folder(true))),
            gitVersion("0.2"),
            new Version()
                .versionNumber("0.3")
                .sourceType(VersionSourceType.TARBALL)
                .tarballUrl("https://example.com/a.tgz"),
            new Version()
                .versionNumber("1.0")
                .sourceType(VersionSourceType.GITHUB_GIST)
                .gitHubGistUrl("https://gist.github.com/alice/1"),
            new Version()
                .versionNumber("10.99")
                .sourceType(VersionSourceType.SOURCE_CODE)
                .sourceFiles(List.of()));

    Actor updated = alice.actor(actor.getId()).update(new UpdateActorRequest().versions(versions));
    assertThat(updated.getVersions()).isEqualTo(versions);

    Actor replaced =
        alice
            .actor(actor.getId())
            .update(new UpdateActorRequest().versions(List.of(gitVersion("2.0"))));
    assertThat(replaced.getVersions()).containsExactly(gitVersion("2.0"));
    assertThat(alice.actor(actor.getId()).get().orElseThrow().getVersions())
        .containsExactly(gitVersion("2.0"));
  }

  @Test
  void versionRulesAreEnforcedAndARejectedUpdateChangesNothing() {
    Actor actor = newActor(alice);
    Actor before =
        alice
            .actor(actor.getId())
            .update(new UpdateActorRequest().versions(List.of(gitVersion("0.1"))));

    assertError(
        failure(() -> update(actor, List.of(gitVersion("0.1"), gitVersion("0.1")))),
        403,
        "version-already-exists");
    for (String bad : List.of("1", "1.0.0", "01.0", "100.0", "a.b")) {
      assertError(failure(() -> update(actor, List.of(gitVersion(bad)))), 400, "invalid-value");
    }
    assertError(
        failure(() -> update(actor, List.of(gitVersion("0.2").gitRepoUrl(null)))),
        400,
        "invalid-value");
    assertError(
        failure(
            () ->
                update(
                    actor,
                    List.of(
                        new Version().versionNumber("0.2").sourceType(VersionSourceType.TARBALL)))),
        400,
        "invalid-value");
    assertError(
        failure(
            () ->
                update(
                    actor,
                    List.of(
                        new Version()
                            .versionNumber("0.2")
                            .sourceType(VersionSourceType.SOURCE_FILES)
                            .sourceFiles(List.of(new SourceCodeEntry().name("main.js")))))),
        400,
        "invalid-value");
    ServerHarness.RawResponse unknownType =
        server.rawJson(
            "PUT",
            "/v2/actors/" + actor.getId(),
            ServerHarness.ALICE_TOKEN,
            "{\"versions\": [{\"versionNumber\": \"0.2\", \"sourceType\": \"FLOPPY_DISK\"}]}");
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.errorType()).isEqualTo("invalid-input");
    assertThat(unknownType.json().path("error").path("message").asText()).contains("sourceType");

    assertThat(alice.actor(actor.getId()).get()).contains(before);
  }

  @Test
  void secretValuesAreNeverReturnedAndSurviveARoundTrip() {
    Actor actor = newActor(alice);
    Version version =
        gitVersion("0.1")
            .envVars(
                List.of(
                    new EnvVar().name("PLAIN").value("visible").isSecret(false),
                    new EnvVar().name("API_KEY").value("s3cr3t").isSecret(true)));

    Actor updated = update(actor, List.of(version));
    List<EnvVar> shown = updated.getVersions().get(0).getEnvVars();
    assertThat(shown).extracting(EnvVar::getName).containsExactly("PLAIN", "API_KEY");
    assertThat(shown.get(0).getValue()).isEqualTo("visible");
    assertThat(shown.get(1).getValue()).isNull();
    ServerHarness.RawResponse raw =
        server.raw("GET", "/v2/actors/" + actor.getId(), ServerHarness.ALICE_TOKEN, null, null);
    assertThat(raw.body()).doesNotContain("s3cr3t");

    // what GET returned can be sent back as it is: the stored secret stays
    Actor roundTrip = update(actor, updated.getVersions());
    assertThat(roundTrip.getVersions()).isEqualTo(updated.getVersions());

    // a secret without a value that was never stored is refused
    Version newSecret =
        gitVersion("0.2").envVars(List.of(new EnvVar().name("OTHER").isSecret(true)));
    assertError(
        failure(() -> update(actor, List.of(roundTrip.getVersions().get(0), newSecret))),
        400,
        "invalid-value");
    // and the secret of another version does not carry over
    Version renumbered =
        gitVersion("0.3").envVars(List.of(new EnvVar().name("API_KEY").isSecret(true)));
    assertError(failure(() -> update(actor, List.of(renumbered))), 400, "invalid-value");
  }

  @Test
  void eachPricingModelIsStoredInItsOwnShape() {
    Actor actor = newActor(alice);
    List<ActorRunPricingInfo> infos =
        List.of(
            new ActorRunPricingInfo(
                new FreeActorPricingInfo()
                    .pricingModel(PricingModel.FREE)
                    .apifyMarginPercentage(0.0)),
            new ActorRunPricingInfo(
                new FlatPricePerMonthActorPricingInfo()
                    .pricingModel(PricingModel.FLAT_PRICE_PER_MONTH)
                    .apifyMarginPercentage(0.2)
                    .pricePerUnitUsd(9.99)
                    .trialMinutes(1440)),
            new ActorRunPricingInfo(
                new PricePerDatasetItemActorPricingInfo()
                    .pricingModel(PricingModel.PRICE_PER_DATASET_ITEM)
                    .apifyMarginPercentage(0.2)
                    .unitName("result")
                    .pricePerUnitUsd(0.001)),
            new ActorRunPricingInfo(
                new PayPerEventActorPricingInfo()
                    .pricingModel(PricingModel.PAY_PER_EVENT)
                    .apifyMarginPercentage(1.0)
                    .pricingPerEvent(
                        new PricingPerEvent()
                            .actorChargeEvents(
                                Map.of(
                                    "page",
                                    new ActorChargeEvent()
                                        .eventPriceUsd(0.01)
                                        .eventTitle("Page")
                                        .eventDescription("One page scraped"))))));

    List<ActorRunPricingInfo> stored =
        alice
            .actor(actor.getId())
            .update(new UpdateActorRequest().pricingInfos(infos))
            .getPricingInfos();

    assertThat(stored).hasSize(4);
    assertThat(stored.get(0).getActualInstance()).isInstanceOf(FreeActorPricingInfo.class);
    FlatPricePerMonthActorPricingInfo flat = stored.get(1).getFlatPricePerMonthActorPricingInfo();
    assertThat(flat.getPricePerUnitUsd()).isEqualTo(9.99);
    assertThat(flat.getTrialMinutes()).isEqualTo(1440);
    assertThat(flat.getCreatedAt()).isNotNull();
    assertThat(flat.getStartedAt()).isNotNull();
    assertThat(stored.get(2).getPricePerDatasetItemActorPricingInfo().getUnitName())
        .isEqualTo("result");
    assertThat(
            stored
                .get(3)
                .getPayPerEventActorPricingInfo()
                .getPricingPerEvent()
                .getActorChargeEvents())
        .containsKey("page");

    // replaced as a whole array
    List<ActorRunPricingInfo> one = new ArrayList<>(infos.subList(0, 1));
    assertThat(
            alice
                .actor(actor.getId())
                .update(new UpdateActorRequest().pricingInfos(one))
                .getPricingInfos())
        .hasSize(1);
  }

  @Test
  void anUnknownOrMissingPricingModelIsA400NamingTheField() {
    Actor actor = newActor(alice);
    for (String record :
        List.of(
            "{\"apifyMarginPercentage\": 0.1}",
            "{\"pricingModel\": \"PAY_WHAT_YOU_WANT\", \"apifyMarginPercentage\": 0.1}",
            "{\"pricingModel\": 7, \"apifyMarginPercentage\": 0.1}")) {
      ServerHarness.RawResponse answer =
          server.rawJson(
              "PUT",
              "/v2/actors/" + actor.getId(),
              ServerHarness.ALICE_TOKEN,
              "{\"title\": \"not stored\", \"pricingInfos\": [" + record + "]}");
      assertThat(answer.status()).as(record).isEqualTo(400);
      assertThat(answer.errorType()).as(record).isEqualTo("invalid-input");
      assertThat(answer.json().path("error").path("message").asText())
          .as(record)
          .contains("pricingInfos[0].pricingModel");
    }
    assertThat(alice.actor(actor.getId()).get()).contains(actor);
  }

  @Test
  void theMarginIsAFractionAndEachModelNeedsItsValues() {
    Actor actor = newActor(alice);
    for (double margin : new double[] {-0.1, 1.5}) {
      assertError(
          failure(
              () ->
                  pricing(
                      actor,
                      new ActorRunPricingInfo(
                          new FreeActorPricingInfo()
                              .pricingModel(PricingModel.FREE)
                              .apifyMarginPercentage(margin)))),
          400,
          "invalid-value");
    }
    assertError(
        failure(
            () ->
                pricing(
                    actor,
                    new ActorRunPricingInfo(
                        new PricePerDatasetItemActorPricingInfo()
                            .pricingModel(PricingModel.PRICE_PER_DATASET_ITEM)
                            .apifyMarginPercentage(0.1)))),
        400,
        "invalid-value");
    assertError(
        failure(
            () ->
                pricing(
                    actor,
                    new ActorRunPricingInfo(
                        new FlatPricePerMonthActorPricingInfo()
                            .pricingModel(PricingModel.FLAT_PRICE_PER_MONTH)
                            .apifyMarginPercentage(0.1)
                            .pricePerUnitUsd(5.0)))),
        400,
        "invalid-value");
    assertThat(alice.actor(actor.getId()).get()).contains(actor);
  }

  private static Actor update(Actor actor, List<Version> versions) {
    return alice.actor(actor.getId()).update(new UpdateActorRequest().versions(versions));
  }

  private static Actor pricing(Actor actor, ActorRunPricingInfo info) {
    return alice.actor(actor.getId()).update(new UpdateActorRequest().pricingInfos(List.of(info)));
  }
}

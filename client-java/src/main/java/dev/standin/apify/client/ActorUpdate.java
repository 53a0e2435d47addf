package dev.standin.apify.client;

import dev.standin.apify.model.ActorPermissionLevel;
import dev.standin.apify.model.ActorRunPricingInfo;
import dev.standin.apify.model.ActorStandby;
import dev.standin.apify.model.BuildTag;
import dev.standin.apify.model.DefaultRunOptions;
import dev.standin.apify.model.ExampleRunInput;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.model.Version;
import dev.standin.client.UpdateBuilder;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link UpdateActorRequest} where absent and {@code null} are explicit: a setter sends
 * the value, a {@code clear} (or {@code reset}) method sends {@code null}, and a property no method
 * touches is left out of the JSON (the server keeps it). Properties whose {@code null} the server
 * treats as absent ({@code name}, {@code isPublic}, {@code actorPermissionLevel}, {@code versions},
 * {@code pricingInfos}) have no clear method.
 *
 * <pre>{@code
 * client.actor(id).update(ActorUpdate.create().tagBuild("beta", buildId).removeTag("old").build());
 * }</pre>
 */
public final class ActorUpdate extends UpdateBuilder<UpdateActorRequest, ActorUpdate> {

  private ActorUpdate() {
    super(UpdateActorRequest::new);
  }

  /** An update that changes nothing until methods are called. */
  public static ActorUpdate create() {
    return new ActorUpdate();
  }

  /** Sets: renames the Actor. */
  public ActorUpdate name(String name) {
    return set(UpdateActorRequest::name, name, "name");
  }

  /** Sets whether the Actor is public (publishing needs a title and a category). */
  public ActorUpdate isPublic(boolean isPublic) {
    return step(r -> r.isPublic(isPublic));
  }

  /** Sets the permission level the Actor's runs get. */
  public ActorUpdate actorPermissionLevel(ActorPermissionLevel level) {
    return set(UpdateActorRequest::actorPermissionLevel, level, "level");
  }

  /** Sets the title. */
  public ActorUpdate title(String title) {
    return set(UpdateActorRequest::title, title, "title (use clearTitle)");
  }

  /** Clears: sends {@code "title": null}. */
  public ActorUpdate clearTitle() {
    return clear(UpdateActorRequest::title);
  }

  /** Sets the description. */
  public ActorUpdate description(String description) {
    return set(UpdateActorRequest::description, description, "description (use clearDescription)");
  }

  /** Clears: sends {@code "description": null}. */
  public ActorUpdate clearDescription() {
    return clear(UpdateActorRequest::description);
  }

  /** Sets the SEO title. */
  public ActorUpdate seoTitle(String seoTitle) {
    return set(UpdateActorRequest::seoTitle, seoTitle, "seoTitle (use clearSeoTitle)");
  }

  /** Clears: sends {@code "seoTitle": null}. */
  public ActorUpdate clearSeoTitle() {
    return clear(UpdateActorRequest::seoTitle);
  }

  /** Sets the SEO description. */
  public ActorUpdate seoDescription(String seoDescription) {
    return set(
        UpdateActorRequest::seoDescription,
        seoDescription,
        "seoDescription (use clearSeoDescription)");
  }

  /** Clears: sends {@code "seoDescription": null}. */
  public ActorUpdate clearSeoDescription() {
    return clear(UpdateActorRequest::seoDescription);
  }

  /** Sets whether the Actor is deprecated. */
  public ActorUpdate isDeprecated(boolean isDeprecated) {
    return step(r -> r.isDeprecated(isDeprecated));
  }

  /** Clears: sends {@code "isDeprecated": null}. */
  public ActorUpdate clearIsDeprecated() {
    return clear(UpdateActorRequest::isDeprecated);
  }

  /** Sets: replaces the categories as a whole list. */
  public ActorUpdate categories(List<String> categories) {
    return setList(UpdateActorRequest::categories, categories, "categories");
  }

  /** Clears: sends {@code "categories": null}. */
  public ActorUpdate clearCategories() {
    return clear(UpdateActorRequest::categories);
  }

  /** Sets: replaces the versions as a whole list. */
  public ActorUpdate versions(List<Version> versions) {
    return setList(UpdateActorRequest::versions, versions, "versions");
  }

  /** Sets: replaces the pricing infos as a whole list. */
  public ActorUpdate pricingInfos(List<ActorRunPricingInfo> pricingInfos) {
    return setList(UpdateActorRequest::pricingInfos, pricingInfos, "pricingInfos");
  }

  /** Sets whether a run of the Actor that fails is restarted. */
  public ActorUpdate restartOnError(boolean restartOnError) {
    return step(r -> r.restartOnError(restartOnError));
  }

  /**
   * Sets default run options, merged one level by the server: each sub-property set on {@code
   * options} replaces the stored one (a nullable one set to null clears it), unset ones are kept.
   * Combines with {@link #defaultRunBuild}, {@link #defaultRunTimeoutSecs} and {@link
   * #defaultRunMemoryMbytes} into one {@code defaultRunOptions} object; a later step wins.
   */
  public ActorUpdate defaultRunOptions(DefaultRunOptions options) {
    Objects.requireNonNull(options, "options (use resetDefaultRunOptions)");
    return step(r -> r.defaultRunOptions(Models.copy(options, DefaultRunOptions.class)));
  }

  /** Sets one default run option: the build (a tag or number) runs use; others are kept. */
  public ActorUpdate defaultRunBuild(String build) {
    Objects.requireNonNull(build, "build");
    return step(r -> r.defaultRunOptions(defaultRunOptionsOf(r).build(build)));
  }

  /** Sets one default run option: the run timeout in seconds; others are kept. */
  public ActorUpdate defaultRunTimeoutSecs(long timeoutSecs) {
    return step(r -> r.defaultRunOptions(defaultRunOptionsOf(r).timeoutSecs(timeoutSecs)));
  }

  /** Sets one default run option: the run memory in megabytes; others are kept. */
  public ActorUpdate defaultRunMemoryMbytes(int memoryMbytes) {
    return step(r -> r.defaultRunOptions(defaultRunOptionsOf(r).memoryMbytes(memoryMbytes)));
  }

  /** The request's default run options so far, or a new empty object. */
  private static DefaultRunOptions defaultRunOptionsOf(UpdateActorRequest r) {
    DefaultRunOptions options = r.getDefaultRunOptions();
    return options != null ? options : new DefaultRunOptions();
  }

  /**
   * Resets: sends {@code "defaultRunOptions": null}; the server restores its defaults ({@code
   * latest}, 3600 s, 4096 MB).
   */
  public ActorUpdate resetDefaultRunOptions() {
    return clear(UpdateActorRequest::defaultRunOptions);
  }

  /** Sets: replaces the example run input whole. */
  public ActorUpdate exampleRunInput(ExampleRunInput input) {
    return set(UpdateActorRequest::exampleRunInput, input, "input (use clearExampleRunInput)");
  }

  /** Clears: sends {@code "exampleRunInput": null}. */
  public ActorUpdate clearExampleRunInput() {
    return clear(UpdateActorRequest::exampleRunInput);
  }

  /**
   * Sets standby settings, merged one level by the server: each sub-property set replaces the
   * stored one (set to null clears it), unset ones are kept.
   */
  public ActorUpdate actorStandby(ActorStandby actorStandby) {
    Objects.requireNonNull(actorStandby, "actorStandby (use clearActorStandby)");
    return step(r -> r.actorStandby(Models.copy(actorStandby, ActorStandby.class)));
  }

  /** Clears: sends {@code "actorStandby": null}. */
  public ActorUpdate clearActorStandby() {
    return clear(UpdateActorRequest::actorStandby);
  }

  /**
   * Sets one entry of the {@code taggedBuilds} patch: creates tag {@code tag} or moves it to {@code
   * buildId} (a build of this Actor). Tags not named in the update stay as they are.
   */
  public ActorUpdate tagBuild(String tag, String buildId) {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(buildId, "buildId");
    return step(r -> r.putTaggedBuildsItem(tag, new BuildTag().buildId(buildId)));
  }

  /**
   * Clears one entry of the {@code taggedBuilds} patch: sends {@code {"tag": null}}, removing the
   * tag. Tags not named in the update stay as they are.
   */
  public ActorUpdate removeTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    return step(r -> r.putTaggedBuildsItem(tag, null));
  }
}

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
    Objects.requireNonNull(name, "name");
    return step(r -> r.name(name));
  }

  /** Sets whether the Actor is public (publishing needs a title and a category). */
  public ActorUpdate isPublic(boolean isPublic) {
    return step(r -> r.isPublic(isPublic));
  }

  /** Sets the permission level the Actor's runs get. */
  public ActorUpdate actorPermissionLevel(ActorPermissionLevel level) {
    Objects.requireNonNull(level, "level");
    return step(r -> r.actorPermissionLevel(level));
  }

  /** Sets the title. */
  public ActorUpdate title(String title) {
    Objects.requireNonNull(title, "title (use clearTitle)");
    return step(r -> r.title(title));
  }

  /** Clears: sends {@code "title": null}. */
  public ActorUpdate clearTitle() {
    return step(r -> r.title(null));
  }

  /** Sets the description. */
  public ActorUpdate description(String description) {
    Objects.requireNonNull(description, "description (use clearDescription)");
    return step(r -> r.description(description));
  }

  /** Clears: sends {@code "description": null}. */
  public ActorUpdate clearDescription() {
    return step(r -> r.description(null));
  }

  /** Sets the SEO title. */
  public ActorUpdate seoTitle(String seoTitle) {
    Objects.requireNonNull(seoTitle, "seoTitle (use clearSeoTitle)");
    return step(r -> r.seoTitle(seoTitle));
  }

  /** Clears: sends {@code "seoTitle": null}. */
  public ActorUpdate clearSeoTitle() {
    return step(r -> r.seoTitle(null));
  }

  /** Sets the SEO description. */
  public ActorUpdate seoDescription(String seoDescription) {
    Objects.requireNonNull(seoDescription, "seoDescription (use clearSeoDescription)");
    return step(r -> r.seoDescription(seoDescription));
  }

  /** Clears: sends {@code "seoDescription": null}. */
  public ActorUpdate clearSeoDescription() {
    return step(r -> r.seoDescription(null));
  }

  /** Sets whether the Actor is deprecated. */
  public ActorUpdate isDeprecated(boolean isDeprecated) {
    return step(r -> r.isDeprecated(isDeprecated));
  }

  /** Clears: sends {@code "isDeprecated": null}. */
  public ActorUpdate clearIsDeprecated() {
    return step(r -> r.isDeprecated(null));
  }

  /** Sets: replaces the categories as a whole list. */
  public ActorUpdate categories(List<String> categories) {
    var copy = List.copyOf(Objects.requireNonNull(categories, "categories"));
    return step(r -> r.categories(copy));
  }

  /** Clears: sends {@code "categories": null}. */
  public ActorUpdate clearCategories() {
    return step(r -> r.categories(null));
  }

  /** Sets: replaces the versions as a whole list. */
  public ActorUpdate versions(List<Version> versions) {
    var copy = List.copyOf(Objects.requireNonNull(versions, "versions"));
    return step(r -> r.versions(copy));
  }

  /** Sets: replaces the pricing infos as a whole list. */
  public ActorUpdate pricingInfos(List<ActorRunPricingInfo> pricingInfos) {
    var copy = List.copyOf(Objects.requireNonNull(pricingInfos, "pricingInfos"));
    return step(r -> r.pricingInfos(copy));
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
    return step(r -> r.defaultRunOptions(null));
  }

  /** Sets: replaces the example run input whole. */
  public ActorUpdate exampleRunInput(ExampleRunInput input) {
    Objects.requireNonNull(input, "input (use clearExampleRunInput)");
    return step(r -> r.exampleRunInput(input));
  }

  /** Clears: sends {@code "exampleRunInput": null}. */
  public ActorUpdate clearExampleRunInput() {
    return step(r -> r.exampleRunInput(null));
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
    return step(r -> r.actorStandby(null));
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

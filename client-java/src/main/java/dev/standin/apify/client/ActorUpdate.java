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

  /** Sets: replaces the default run options whole. */
  public ActorUpdate defaultRunOptions(DefaultRunOptions options) {
    return set(
        UpdateActorRequest::defaultRunOptions, options, "options (use resetDefaultRunOptions)");
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

  /** Sets: replaces the standby settings whole. */
  public ActorUpdate actorStandby(ActorStandby actorStandby) {
    return set(
        UpdateActorRequest::actorStandby, actorStandby, "actorStandby (use clearActorStandby)");
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

package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.client.api.ActorVersionsApi;
import dev.standin.apify.client.api.ActorsApi;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.UpdateActorRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * One Actor: {@code client.actor("janedoe/my-actor")}. A public Actor, its builds and its default
 * build can be read by anyone, also with a client built without a token.
 */
public final class ActorClient {

  private final ActorsApi api;
  private final ActorBuildsApi buildsApi;
  private final ActorVersionsApi versionsApi;
  private final ApiCall call;
  private final String id;

  ActorClient(
      ActorsApi api,
      ActorBuildsApi buildsApi,
      ActorVersionsApi versionsApi,
      ApiCall call,
      String id) {
    this.api = api;
    this.buildsApi = buildsApi;
    this.versionsApi = versionsApi;
    this.call = call;
    this.id = ResourceIds.toPathId(id);
  }

  /** The Actor, or empty when it does not exist. */
  public Optional<Actor> get() {
    return call.runOrEmptyIfMissing(() -> api.actorGet(id).getData());
  }

  /**
   * Replaces each property set on {@code changes} (set to null clears it); unset ones are kept. The
   * settings objects ({@code defaultRunOptions}, {@code actorStandby}) merge one level: a
   * sub-property set replaces the stored one, unset ones are kept. {@code taggedBuilds} is a patch:
   * a tag mapped to null is removed, tags not named are kept. Build the request with {@link
   * ActorUpdate}.
   */
  public Actor update(UpdateActorRequest changes) {
    return call.run(() -> api.actorPut(id, changes).getData());
  }

  /** Deletes the Actor and its builds; deleting an Actor that does not exist is not an error. */
  public void delete() {
    call.runOrEmptyIfMissing(
        () -> {
          api.actorDelete(id);
          return null;
        });
  }

  /** The Actor's builds. */
  public BuildCollectionClient builds() {
    return new BuildCollectionClient(buildsApi, call, id);
  }

  /**
   * The Actor's default build: the one its {@code defaultRunOptions.build} names (a build tag or
   * number), or empty when that names no existing build (or the Actor does not exist).
   */
  public Optional<Build> defaultBuild() {
    return defaultBuild(null);
  }

  /**
   * As {@link #defaultBuild()}, letting the server hold the answer up to {@code waitForFinish} (at
   * most 60 s) until the build has finished.
   *
   * @param waitForFinish how long the server may wait, or null not to wait
   */
  public Optional<Build> defaultBuild(Duration waitForFinish) {
    Double seconds = Waits.seconds(waitForFinish);
    return call.runOrEmptyIfMissing(() -> buildsApi.actorBuildDefaultGet(id, seconds).getData());
  }

  /** The Actor's source versions: {@code list()} and {@code create(version)}. */
  public ActorVersionCollectionClient versions() {
    return new ActorVersionCollectionClient(versionsApi, call, id);
  }

  /** One source version by its number, e.g. {@code "0.1"}. */
  public ActorVersionClient version(String versionNumber) {
    return new ActorVersionClient(versionsApi, call, id, versionNumber);
  }
}

package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.ListOfBuilds;

/** The builds of one Actor: {@code client.actor(id).builds()}. */
public final class BuildCollectionClient extends PagedListClient<BuildShort, ListOfBuilds> {

  private final ActorBuildsApi api;
  private final ApiCall call;
  private final String actorId;

  BuildCollectionClient(ActorBuildsApi api, ApiCall call, String actorId) {
    this.api = api;
    this.call = call;
    this.actorId = actorId;
  }

  /** Builds version {@code versionNumber} (e.g. {@code "0.1"}); the version's build tag follows. */
  public Build create(String versionNumber) {
    return create(versionNumber, null);
  }

  /** Builds version {@code versionNumber} and points {@code tag} (if not null) at the build. */
  public Build create(String versionNumber, String tag) {
    return call.run(
        () -> api.actorBuildsPost(actorId, versionNumber, tag, null, null, null).getData());
  }

  /**
   * One page of the Actor's builds.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  @Override
  public ListOfBuilds list(Long offset, Integer limit, boolean desc) {
    return call.run(() -> api.actorBuildsGet(actorId, offset, limit, desc).getData());
  }
}

package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.ListOfBuilds;

/** Every build of the caller's Actors: {@code client.builds()}. */
public final class UserBuildCollectionClient extends PagedListClient<BuildShort, ListOfBuilds> {

  private final ActorBuildsApi api;
  private final ApiCall call;

  UserBuildCollectionClient(ActorBuildsApi api, ApiCall call) {
    this.api = api;
    this.call = call;
  }

  /**
   * One page of the caller's builds, across all their Actors.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  @Override
  public ListOfBuilds list(Long offset, Integer limit, boolean desc) {
    return call.run(() -> api.userBuildsGet(offset, limit, desc).getData());
  }
}

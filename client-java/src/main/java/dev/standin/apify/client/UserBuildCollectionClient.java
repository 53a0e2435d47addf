package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.ListOfBuilds;
import dev.standin.client.Pager;
import java.util.stream.Stream;

/** Every build of the caller's Actors: {@code client.builds()}. */
public final class UserBuildCollectionClient {

  private final ActorBuildsApi api;
  private final ApiCall call;

  UserBuildCollectionClient(ActorBuildsApi api, ApiCall call) {
    this.api = api;
    this.call = call;
  }

  /** The first page (up to 1000 builds) of the caller's builds, oldest first. */
  public ListOfBuilds list() {
    return list(null, null, false);
  }

  /**
   * One page of the caller's builds, across all their Actors.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  public ListOfBuilds list(Long offset, Integer limit, boolean desc) {
    return call.run(() -> api.userBuildsGet(offset, limit, desc).getData());
  }

  /** Every one of the caller's builds, oldest first, fetched lazily 1000 a page. */
  public Stream<BuildShort> iterate() {
    return iterate(1000);
  }

  /**
   * Every one of the caller's builds, oldest first, fetched lazily {@code pageSize} at a time: a
   * page is requested only when the stream reaches it, and the walk stops at the {@code total} the
   * server reports.
   *
   * @throws IllegalArgumentException when {@code pageSize} is below 1
   */
  public Stream<BuildShort> iterate(int pageSize) {
    return Pager.stream(
        0,
        pageSize,
        (offset, limit) -> {
          ListOfBuilds page = list(offset, limit, false);
          return new Pager.Page<>(page.getItems(), page.getTotal());
        });
  }
}

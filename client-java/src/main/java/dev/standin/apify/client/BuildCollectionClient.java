package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildShort;
import dev.standin.apify.model.ListOfBuilds;
import dev.standin.client.Pager;
import java.util.stream.Stream;

/** The builds of one Actor: {@code client.actor(id).builds()}. */
public final class BuildCollectionClient {

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

  /** The first page (up to 1000 builds), oldest first. */
  public ListOfBuilds list() {
    return list(null, null, false);
  }

  /**
   * One page of the Actor's builds.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  public ListOfBuilds list(Long offset, Integer limit, boolean desc) {
    return call.run(() -> api.actorBuildsGet(actorId, offset, limit, desc).getData());
  }

  /** Every build of the Actor, oldest first, fetched lazily 1000 a page. */
  public Stream<BuildShort> iterate() {
    return iterate(1000);
  }

  /**
   * Every build of the Actor, oldest first, fetched lazily {@code pageSize} at a time.
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

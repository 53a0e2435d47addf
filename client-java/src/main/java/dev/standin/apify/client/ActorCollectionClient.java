package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorsApi;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorShort;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.ListOfActors;

/** The caller's Actors: {@code client.actors()}. Uses the current spelling, {@code /v2/actors}. */
public final class ActorCollectionClient extends PagedListClient<ActorShort, ListOfActors> {

  private final ActorsApi api;
  private final ApiCall call;

  ActorCollectionClient(ActorsApi api, ApiCall call) {
    this.api = api;
    this.call = call;
  }

  /**
   * Creates an Actor owned by the caller. It needs at least one version (403 {@code
   * too-few-versions} otherwise).
   */
  public Actor create(CreateActorRequest actor) {
    return call.run(() -> api.actorsPost(actor).getData());
  }

  /**
   * One page of the caller's own Actors.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc newest first
   */
  @Override
  public ListOfActors list(Long offset, Integer limit, boolean desc) {
    return list(offset, limit, desc, null);
  }

  /** The first page (up to 1000 Actors) of the caller's own Actors, in {@code sortBy} order. */
  public ListOfActors list(ActorSortBy sortBy) {
    return list(null, null, false, sortBy);
  }

  /**
   * One page of the caller's own Actors, sorted by {@code sortBy}.
   *
   * @param offset how many to skip, or null for 0
   * @param limit most to return, or null for the server's maximum (1000)
   * @param desc in descending order (newest, or most recently run, first)
   * @param sortBy the sort key, or null for the server's default ({@code createdAt})
   */
  public ListOfActors list(Long offset, Integer limit, boolean desc, ActorSortBy sortBy) {
    String key = sortBy == null ? null : sortBy.value();
    return call.run(() -> api.actorsGet(true, offset, limit, desc, key).getData());
  }
}

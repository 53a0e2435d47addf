package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.client.api.ActorsApi;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.UpdateActorRequest;
import java.util.Optional;

/** One Actor: {@code client.actor("janedoe/my-actor")}. */
public final class ActorClient {

  private final ActorsApi api;
  private final ActorBuildsApi buildsApi;
  private final ApiCall call;
  private final String id;

  ActorClient(ActorsApi api, ActorBuildsApi buildsApi, ApiCall call, String id) {
    this.api = api;
    this.buildsApi = buildsApi;
    this.call = call;
    this.id = ResourceIds.toPathId(id);
  }

  /** The Actor, or empty when it does not exist. */
  public Optional<Actor> get() {
    return call.runOrEmptyIfMissing(() -> api.actorGet(id).getData());
  }

  /**
   * Replaces each property set on {@code changes} (set to null clears it); unset ones are kept.
   * {@code taggedBuilds} is a patch: a tag mapped to null is removed, tags not named are kept.
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
}

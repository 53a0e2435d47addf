package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorsApi;
import dev.standin.apify.model.Actor;
import java.util.Optional;

/** One Actor: {@code client.actor("janedoe/my-actor")}. */
public final class ActorClient {

  private final ActorsApi api;
  private final ApiCall call;
  private final String id;

  ActorClient(ActorsApi api, ApiCall call, String id) {
    this.api = api;
    this.call = call;
    this.id = ResourceIds.toPathId(id);
  }

  /** The Actor, or empty when it does not exist. */
  public Optional<Actor> get() {
    return call.runOrEmptyIfMissing(() -> api.actGet(id).getData());
  }
}

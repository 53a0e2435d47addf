package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorsApi;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;

/** The caller's Actors: {@code client.actors()}. */
public final class ActorCollectionClient {

  private final ActorsApi api;
  private final ApiCall call;

  ActorCollectionClient(ActorsApi api, ApiCall call) {
    this.api = api;
    this.call = call;
  }

  public Actor create(CreateActorRequest actor) {
    return call.run(() -> api.actsPost(actor).getData());
  }
}

package dev.standin.server.apify;

import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorResponse;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.server.api.ActorsApi;
import dev.standin.server.http.Caller;
import dev.standin.server.http.Created;
import dev.standin.server.http.ETags;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;

/** HTTP binding of the Actor routes; the rules live in {@link ActorService}. */
public class ActorsResource implements ActorsApi {

  private final ActorService actors;
  @Context private ContainerRequestContext request;

  @Inject
  public ActorsResource(ActorService actors) {
    this.actors = actors;
  }

  @Override
  public ActorResponse actsPost(CreateActorRequest createActorRequest) {
    Actor actor = actors.create(Caller.of(request), createActorRequest);
    Created.mark(request, "/v2/acts/" + actor.getId());
    return new ActorResponse().data(actor);
  }

  @Override
  public ActorResponse actGet(String actorId) {
    Versioned<Actor> actor = actors.get(Caller.of(request), actorId);
    ETags.mark(request, actor.etag());
    return new ActorResponse().data(actor.value());
  }
}

package dev.standin.server.apify;

import dev.standin.apify.model.Actor;
import dev.standin.apify.model.ActorResponse;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.ListOfActorsResponse;
import dev.standin.apify.model.UpdateActorRequest;
import dev.standin.apify.server.api.ActorsApi;
import dev.standin.server.apify.auth.Caller;
import dev.standin.server.apify.http.ETags;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.http.Created;
import dev.standin.server.kernel.http.CurrentRequest;
import dev.standin.server.kernel.http.TokenOptional;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * HTTP binding of the Actor routes in both spellings, {@code /v2/actors} (current) and {@code
 * /v2/acts} (older): each pair of methods is one operation. The rules live in {@link ActorService}.
 */
public class ActorsResource implements ActorsApi {

  private final ActorService actors;

  public ActorsResource(ActorService actors) {
    this.actors = actors;
  }

  @Override
  public ListOfActorsResponse actorsGet(
      Boolean my, Long offset, Integer limit, Boolean desc, String sortBy) {
    // `my` narrows nothing here: the caller's own Actors are all this server lists.
    return new ListOfActorsResponse()
        .data(actors.list(caller(), offset, limit, Boolean.TRUE.equals(desc), sortBy));
  }

  @Override
  public ListOfActorsResponse actsGet(
      Boolean my, Long offset, Integer limit, Boolean desc, String sortBy) {
    return actorsGet(my, offset, limit, desc, sortBy);
  }

  @Override
  public ActorResponse actorsPost(CreateActorRequest createActorRequest) {
    Actor actor = actors.create(caller(), createActorRequest);
    Created.mark(request(), "/v2/actors/" + actor.getId());
    return new ActorResponse().data(actor);
  }

  @Override
  public ActorResponse actsPost(CreateActorRequest createActorRequest) {
    Actor actor = actors.create(caller(), createActorRequest);
    Created.mark(request(), "/v2/acts/" + actor.getId());
    return new ActorResponse().data(actor);
  }

  @Override
  @TokenOptional
  public ActorResponse actorGet(String actorId) {
    return tagged(actors.get(Caller.find(request()).orElse(null), actorId));
  }

  @Override
  @TokenOptional
  public ActorResponse actGet(String actorId) {
    return actorGet(actorId);
  }

  @Override
  public ActorResponse actorPut(String actorId, UpdateActorRequest updateActorRequest) {
    return tagged(actors.update(caller(), actorId, updateActorRequest));
  }

  @Override
  public ActorResponse actPut(String actorId, UpdateActorRequest updateActorRequest) {
    return actorPut(actorId, updateActorRequest);
  }

  @Override
  public void actorDelete(String actorId) {
    actors.delete(caller(), actorId);
  }

  @Override
  public void actDelete(String actorId) {
    actorDelete(actorId);
  }

  /** The answer for one Actor, with its entity tag in the ETag header. */
  private ActorResponse tagged(Versioned<Actor> actor) {
    ETags.mark(request(), actor.etag());
    return new ActorResponse().data(actor.value());
  }

  private User caller() {
    return Caller.of(request());
  }

  private static ContainerRequestContext request() {
    return CurrentRequest.get();
  }
}

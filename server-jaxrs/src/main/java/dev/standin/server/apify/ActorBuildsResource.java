package dev.standin.server.apify;

import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildResponse;
import dev.standin.apify.model.ListOfBuildsResponse;
import dev.standin.apify.server.api.ActorBuildsApi;
import dev.standin.server.apify.auth.Caller;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.http.Created;
import dev.standin.server.kernel.http.CurrentRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * HTTP binding of the build routes (both Actor spellings); the rules live in {@link BuildService}.
 */
public class ActorBuildsResource implements ActorBuildsApi {

  private final BuildService builds;

  public ActorBuildsResource(BuildService builds) {
    this.builds = builds;
  }

  @Override
  public ListOfBuildsResponse actorBuildsGet(
      String actorId, Long offset, Integer limit, Boolean desc) {
    return new ListOfBuildsResponse()
        .data(builds.list(caller(), actorId, offset, limit, Boolean.TRUE.equals(desc)));
  }

  @Override
  public ListOfBuildsResponse actBuildsGet(
      String actorId, Long offset, Integer limit, Boolean desc) {
    return actorBuildsGet(actorId, offset, limit, desc);
  }

  @Override
  public BuildResponse actorBuildsPost(String actorId, String version, String tag) {
    Build build = builds.create(caller(), actorId, version, tag);
    Created.mark(request(), "/v2/actor-builds/" + build.getId());
    return new BuildResponse().data(build);
  }

  @Override
  public BuildResponse actBuildsPost(String actorId, String version, String tag) {
    return actorBuildsPost(actorId, version, tag);
  }

  @Override
  public BuildResponse actorBuildGet(String buildId) {
    return new BuildResponse().data(builds.get(caller(), buildId));
  }

  private User caller() {
    return Caller.of(request());
  }

  private static ContainerRequestContext request() {
    return CurrentRequest.get();
  }
}

package dev.standin.server.apify;

import dev.standin.apify.model.Build;
import dev.standin.apify.model.BuildOptions;
import dev.standin.apify.model.BuildResponse;
import dev.standin.apify.model.ListOfBuildsResponse;
import dev.standin.apify.server.api.ActorBuildsApi;
import dev.standin.server.apify.auth.Caller;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.http.Created;
import dev.standin.server.kernel.http.CurrentRequest;
import dev.standin.server.kernel.http.TokenOptional;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * HTTP binding of the build routes (both Actor spellings); the rules live in {@link BuildService}.
 * The reads a public Actor allows anyone are {@link TokenOptional}.
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
  public BuildResponse actorBuildsPost(
      String actorId,
      String version,
      String tag,
      Boolean useCache,
      Boolean betaPackages,
      Double waitForFinish) {
    BuildOptions options =
        new BuildOptions()
            .useCache(Boolean.TRUE.equals(useCache))
            .betaPackages(Boolean.TRUE.equals(betaPackages));
    Build build = builds.create(caller(), actorId, version, tag, options, waitForFinish);
    Created.mark(request(), "/v2/actor-builds/" + build.getId());
    return new BuildResponse().data(build);
  }

  @Override
  public BuildResponse actBuildsPost(
      String actorId,
      String version,
      String tag,
      Boolean useCache,
      Boolean betaPackages,
      Double waitForFinish) {
    return actorBuildsPost(actorId, version, tag, useCache, betaPackages, waitForFinish);
  }

  @Override
  @TokenOptional
  public BuildResponse actorBuildGet(String actorId, String buildId, Double waitForFinish) {
    return new BuildResponse()
        .data(builds.getOfActor(callerIfAny(), actorId, buildId, waitForFinish));
  }

  @Override
  @TokenOptional
  public BuildResponse actBuildGet(String actorId, String buildId, Double waitForFinish) {
    return actorBuildGet(actorId, buildId, waitForFinish);
  }

  @Override
  @TokenOptional
  public BuildResponse actorBuildDefaultGet(String actorId, Double waitForFinish) {
    return new BuildResponse().data(builds.getDefault(callerIfAny(), actorId, waitForFinish));
  }

  @Override
  @TokenOptional
  public BuildResponse actBuildDefaultGet(String actorId, Double waitForFinish) {
    return actorBuildDefaultGet(actorId, waitForFinish);
  }

  @Override
  @TokenOptional
  public BuildResponse buildGet(String buildId, Double waitForFinish) {
    return new BuildResponse().data(builds.get(callerIfAny(), buildId, waitForFinish));
  }

  @Override
  public void buildDelete(String buildId) {
    builds.delete(caller(), buildId);
  }

  @Override
  public ListOfBuildsResponse userBuildsGet(Long offset, Integer limit, Boolean desc) {
    return new ListOfBuildsResponse()
        .data(builds.listOfCaller(caller(), offset, limit, Boolean.TRUE.equals(desc)));
  }

  private User caller() {
    return Caller.of(request());
  }

  /** The caller, or null on a {@link TokenOptional} route requested without a token. */
  private User callerIfAny() {
    return Caller.find(request()).orElse(null);
  }

  private static ContainerRequestContext request() {
    return CurrentRequest.get();
  }
}

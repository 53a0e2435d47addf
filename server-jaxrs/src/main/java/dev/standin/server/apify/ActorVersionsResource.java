package dev.standin.server.apify;

import dev.standin.apify.model.ListOfVersionsResponse;
import dev.standin.apify.model.UpdateVersionRequest;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionResponse;
import dev.standin.apify.server.api.ActorVersionsApi;
import dev.standin.server.apify.auth.Caller;
import dev.standin.server.apify.store.User;
import dev.standin.server.kernel.http.Created;
import dev.standin.server.kernel.http.CurrentRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * HTTP binding of an Actor's version routes in both spellings, {@code /v2/actors} and {@code
 * /v2/acts}; {@code POST} on one version is the same partial update as {@code PUT}. The rules live
 * in {@link VersionService}.
 */
public class ActorVersionsResource implements ActorVersionsApi {

  private final VersionService versions;

  public ActorVersionsResource(VersionService versions) {
    this.versions = versions;
  }

  @Override
  public ListOfVersionsResponse actorVersionsGet(String actorId) {
    return new ListOfVersionsResponse().data(versions.list(caller(), actorId));
  }

  @Override
  public ListOfVersionsResponse actVersionsGet(String actorId) {
    return actorVersionsGet(actorId);
  }

  @Override
  public VersionResponse actorVersionsPost(String actorId, Version version) {
    return created("/v2/actors/", versions.create(caller(), actorId, version));
  }

  @Override
  public VersionResponse actVersionsPost(String actorId, Version version) {
    return created("/v2/acts/", versions.create(caller(), actorId, version));
  }

  @Override
  public VersionResponse actorVersionGet(String actorId, String versionNumber) {
    return new VersionResponse().data(versions.get(caller(), actorId, versionNumber));
  }

  @Override
  public VersionResponse actVersionGet(String actorId, String versionNumber) {
    return actorVersionGet(actorId, versionNumber);
  }

  @Override
  public VersionResponse actorVersionPut(
      String actorId, String versionNumber, UpdateVersionRequest updateVersionRequest) {
    return new VersionResponse()
        .data(versions.update(caller(), actorId, versionNumber, updateVersionRequest));
  }

  @Override
  public VersionResponse actVersionPut(
      String actorId, String versionNumber, UpdateVersionRequest updateVersionRequest) {
    return actorVersionPut(actorId, versionNumber, updateVersionRequest);
  }

  @Override
  public VersionResponse actorVersionPost(
      String actorId, String versionNumber, UpdateVersionRequest updateVersionRequest) {
    return actorVersionPut(actorId, versionNumber, updateVersionRequest);
  }

  @Override
  public VersionResponse actVersionPost(
      String actorId, String versionNumber, UpdateVersionRequest updateVersionRequest) {
    return actorVersionPut(actorId, versionNumber, updateVersionRequest);
  }

  @Override
  public void actorVersionDelete(String actorId, String versionNumber) {
    versions.delete(caller(), actorId, versionNumber);
  }

  @Override
  public void actVersionDelete(String actorId, String versionNumber) {
    actorVersionDelete(actorId, versionNumber);
  }

  /** A 201 whose {@code Location} names the new version under the route it was created by. */
  private static VersionResponse created(String base, VersionService.Created created) {
    Created.mark(
        request(), base + created.actorId() + "/versions/" + created.version().getVersionNumber());
    return new VersionResponse().data(created.version());
  }

  private static User caller() {
    return Caller.of(request());
  }

  private static ContainerRequestContext request() {
    return CurrentRequest.get();
  }
}

package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorVersionsApi;
import dev.standin.apify.model.ListOfVersions;
import dev.standin.apify.model.Version;
import java.util.Objects;

/** The source versions of one Actor: {@code client.actor(id).versions()}. */
public final class ActorVersionCollectionClient {

  private final ActorVersionsApi api;
  private final ApiCall call;
  private final String actorId;

  ActorVersionCollectionClient(ActorVersionsApi api, ApiCall call, String actorId) {
    this.api = api;
    this.call = call;
    this.actorId = actorId;
  }

  /** Every version of the Actor (the list is not paged: an Actor has few versions). */
  public ListOfVersions list() {
    return call.run(() -> api.actorVersionsGet(actorId).getData());
  }

  /**
   * Adds a version; its {@code versionNumber} must be new to the Actor (403 {@code
   * version-already-exists} otherwise) and the property its {@code sourceType} names must be set.
   *
   * @return the version as stored (secret environment variable values are not sent back)
   */
  public Version create(Version version) {
    Objects.requireNonNull(version, "version");
    return call.run(() -> api.actorVersionsPost(actorId, version).getData());
  }
}

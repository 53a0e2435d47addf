package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorVersionsApi;
import dev.standin.apify.model.UpdateVersionRequest;
import dev.standin.apify.model.Version;
import java.util.Objects;
import java.util.Optional;

/** One source version of an Actor: {@code client.actor(id).version("0.1")}. */
public final class ActorVersionClient {

  private final ActorVersionsApi api;
  private final ApiCall call;
  private final String actorId;
  private final String versionNumber;

  ActorVersionClient(ActorVersionsApi api, ApiCall call, String actorId, String versionNumber) {
    this.api = api;
    this.call = call;
    this.actorId = actorId;
    if (versionNumber == null || versionNumber.isBlank()) {
      throw new IllegalArgumentException("a version number such as \"0.1\" is required");
    }
    this.versionNumber = versionNumber;
  }

  /** The version, or empty when the Actor has no such version (or does not exist). */
  public Optional<Version> get() {
    return call.runOrEmptyIfMissing(() -> api.actorVersionGet(actorId, versionNumber).getData());
  }

  /**
   * Updates the version in part: each property set on {@code changes} replaces the stored one (set
   * to null clears it), unset ones are kept, and a secret environment variable sent without a value
   * keeps its stored value. Build the request with {@link VersionUpdate}.
   *
   * @return the whole version after the update
   */
  public Version update(UpdateVersionRequest changes) {
    Objects.requireNonNull(changes, "changes");
    return call.run(() -> api.actorVersionPut(actorId, versionNumber, changes).getData());
  }

  /**
   * Deletes the version; deleting a version that does not exist is not an error. The Actor's last
   * version cannot be deleted (403 {@code too-few-versions}).
   */
  public void delete() {
    call.runOrEmptyIfMissing(
        () -> {
          api.actorVersionDelete(actorId, versionNumber);
          return null;
        });
  }
}

package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.model.Build;
import java.time.Duration;
import java.util.Optional;

/**
 * One build: {@code client.build(buildId)}. A public Actor's builds can be read by anyone, also
 * with a client built without a token.
 */
public final class BuildClient {

  private final ActorBuildsApi api;
  private final ApiCall call;
  private final String id;

  BuildClient(ActorBuildsApi api, ApiCall call, String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a build ID is required");
    }
    this.api = api;
    this.call = call;
    this.id = id;
  }

  /** The build, or empty when it does not exist. */
  public Optional<Build> get() {
    return get(null);
  }

  /**
   * The build, or empty when it does not exist, letting the server hold the answer up to {@code
   * waitForFinish} (at most 60 s) until the build has finished.
   *
   * @param waitForFinish how long the server may wait, or null not to wait
   */
  public Optional<Build> get(Duration waitForFinish) {
    Double seconds = Waits.seconds(waitForFinish);
    return call.runOrEmptyIfMissing(() -> api.buildGet(id, seconds).getData());
  }

  /**
   * Deletes the build and the tags that point at it; deleting a build that does not exist is not an
   * error. The Actor's default build cannot be deleted (400 {@code deleting-default-build}).
   */
  public void delete() {
    call.runOrEmptyIfMissing(
        () -> {
          api.buildDelete(id);
          return null;
        });
  }
}

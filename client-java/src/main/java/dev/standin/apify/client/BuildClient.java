package dev.standin.apify.client;

import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.model.Build;
import java.util.Optional;

/** One build: {@code client.build(buildId)}. */
public final class BuildClient {

  private final ActorBuildsApi api;
  private final ApiCall call;
  private final String id;

  BuildClient(ActorBuildsApi api, ApiCall call, String id) {
    this.api = api;
    this.call = call;
    this.id = id;
  }

  /** The build, or empty when it does not exist. */
  public Optional<Build> get() {
    return call.runOrEmptyIfMissing(() -> api.buildGet(id, null).getData());
  }
}

package dev.standin.apify.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.client.api.ActorTasksApi;
import dev.standin.apify.client.api.ActorVersionsApi;
import dev.standin.apify.client.api.ActorsApi;
import dev.standin.apify.invoker.ApiClient;
import dev.standin.apify.json.ApifyJson;
import dev.standin.client.ClientBuilder;

/**
 * Entry point of the Java client, shaped like the official JavaScript client:
 *
 * <pre>{@code
 * ApifyClient client = ApifyClient.builder().baseUrl("http://localhost:8080").token(token).build();
 * client.task("janedoe/my-task").updateInput(Map.of("maxItems", 10));
 * }</pre>
 *
 * <p>Calls answered with 429 or 5xx, or not answered, are retried with exponential backoff (see
 * {@link Builder#retries}); request bodies of 1 024 bytes or more are sent gzip-compressed. Failed
 * calls throw {@link ApifyApiException} with the HTTP status and the vendor's error type.
 */
public final class ApifyClient {

  public static final String DEFAULT_BASE_URL = "https://api.apify.com";

  /** This client's version, as sent in {@code User-Agent}. */
  public static final String VERSION = "0.1.0";

  /** Names the client and its version, like the official clients do. */
  public static final String USER_AGENT =
      "standin-apify-client-java/" + VERSION + " (Java " + Runtime.version().feature() + ")";

  private final ActorTasksApi tasksApi;
  private final ActorsApi actorsApi;
  private final ActorBuildsApi buildsApi;
  private final ActorVersionsApi versionsApi;
  private final ApiCall call;

  private ApifyClient(ClientBuilder.Settings settings, String token) {
    ObjectMapper mapper = ApifyJson.newMapper();
    ApiClient apiClient =
        new ApiClient(settings.wireBuilder(USER_AGENT), mapper, settings.baseUrlWithoutSlash());
    apiClient.setReadTimeout(settings.timeout());
    if (token != null) {
      apiClient.setRequestInterceptor(
          request -> request.header("Authorization", "Bearer " + token));
    }
    this.tasksApi = new ActorTasksApi(apiClient);
    this.actorsApi = new ActorsApi(apiClient);
    this.buildsApi = new ActorBuildsApi(apiClient);
    this.versionsApi = new ActorVersionsApi(apiClient);
    this.call = new ApiCall(mapper);
  }

  /** A builder with the vendor's base URL, no token and the default retries and timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** The caller's tasks. */
  public TaskCollectionClient tasks() {
    return new TaskCollectionClient(tasksApi, call);
  }

  /** A task by ID, {@code username/name}, {@code username~name} or {@code ~name}. */
  public TaskClient task(String id) {
    return new TaskClient(tasksApi, call, id);
  }

  /** The caller's Actors. */
  public ActorCollectionClient actors() {
    return new ActorCollectionClient(actorsApi, call);
  }

  /** An Actor by ID, {@code username/name}, {@code username~name} or {@code ~name}. */
  public ActorClient actor(String id) {
    return new ActorClient(actorsApi, buildsApi, versionsApi, call, id);
  }

  /** The caller's builds, across all their Actors. */
  public UserBuildCollectionClient builds() {
    return new UserBuildCollectionClient(buildsApi, call);
  }

  /** A build by its ID. */
  public BuildClient build(String id) {
    return new BuildClient(buildsApi, call, id);
  }

  /** Configures a client; only the token is usually needed. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String token;

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    /**
     * The API token, sent as {@code Authorization: Bearer}. Without one the client can still read
     * public Actors and their builds.
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** A client with these settings; it may be shared between threads. */
    public ApifyClient build() {
      return new ApifyClient(settings(), token);
    }
  }
}

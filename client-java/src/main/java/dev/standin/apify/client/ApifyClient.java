package dev.standin.apify.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.api.ActorBuildsApi;
import dev.standin.apify.client.api.ActorTasksApi;
import dev.standin.apify.client.api.ActorsApi;
import dev.standin.apify.invoker.ApiClient;
import dev.standin.apify.json.ApifyJson;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

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
  private final ApiCall call;

  private ApifyClient(Builder builder) {
    ObjectMapper mapper = ApifyJson.newMapper();
    HttpClient wire =
        new WireHttpClient(builder.httpClientBuilder.build(), builder.retries, USER_AGENT);
    ApiClient apiClient =
        new ApiClient(builder.httpClientBuilder, mapper, stripTrailingSlash(builder.baseUrl)) {
          @Override
          public HttpClient getHttpClient() {
            return wire; // one wrapped client for every API class
          }
        };
    apiClient.setReadTimeout(builder.timeout);
    String token = builder.token;
    if (token != null) {
      apiClient.setRequestInterceptor(
          request -> request.header("Authorization", "Bearer " + token));
    }
    this.tasksApi = new ActorTasksApi(apiClient);
    this.actorsApi = new ActorsApi(apiClient);
    this.buildsApi = new ActorBuildsApi(apiClient);
    this.call = new ApiCall(mapper);
  }

  public static Builder builder() {
    return new Builder();
  }

  public TaskCollectionClient tasks() {
    return new TaskCollectionClient(tasksApi, call);
  }

  /** A task by ID, {@code username/name}, {@code username~name} or {@code ~name}. */
  public TaskClient task(String id) {
    return new TaskClient(tasksApi, call, id);
  }

  public ActorCollectionClient actors() {
    return new ActorCollectionClient(actorsApi, call);
  }

  /** An Actor by ID, {@code username/name}, {@code username~name} or {@code ~name}. */
  public ActorClient actor(String id) {
    return new ActorClient(actorsApi, buildsApi, call, id);
  }

  /** A build by its ID. */
  public BuildClient build(String id) {
    return new BuildClient(buildsApi, call, id);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Configures a client; only the token is usually needed. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String token;
    private Duration timeout = Duration.ofSeconds(60);
    private RetryPolicy retries = RetryPolicy.DEFAULT;
    private HttpClient.Builder httpClientBuilder =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));

    private Builder() {}

    /** Where the API lives, e.g. {@code http://localhost:8080}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The API token, sent as {@code Authorization: Bearer}. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * How often to retry a call answered with 429 or 5xx, or without an answer at all (default 8),
     * and the wait before the first retry (default 500 ms; it doubles, with jitter, each time).
     */
    public Builder retries(int maxRetries, Duration minDelay) {
      this.retries = new RetryPolicy(maxRetries, minDelay);
      return this;
    }

    /** How long one attempt of a call may wait for its answer (default 60 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The java.net.http client to send with (proxies, TLS, test instrumentation). */
    public Builder httpClientBuilder(HttpClient.Builder httpClientBuilder) {
      this.httpClientBuilder = Objects.requireNonNull(httpClientBuilder, "httpClientBuilder");
      return this;
    }

    public ApifyClient build() {
      return new ApifyClient(this);
    }
  }
}

package dev.standin.spaaza.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.client.RetryPolicy;
import dev.standin.apify.client.WireHttpClient;
import dev.standin.spaaza.client.api.TasksApi;
import dev.standin.spaaza.invoker.ApiClient;
import dev.standin.spaaza.json.SpaazaJson;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Entry point of the Java client for the Spaaza Services API:
 *
 * <pre>{@code
 * SpaazaClient services =
 *     SpaazaClient.builder().baseUrl("http://localhost:8081").token(tokenId, secret).build();
 * Task task = services.tasks().create(new CreateTaskRequest().chain(1764L)...);
 * services.task(task.getId()).update(new UpdateTaskRequest().desc("Nightly export"));
 * }</pre>
 *
 * <p>Failed calls throw {@link SpaazaApiException} with the HTTP status and the error's code and
 * name. Calls answered 429 or 5xx (or not at all) are retried with backoff, honouring {@code
 * Retry-After}; bodies of 1 KiB or more are sent gzip-compressed.
 */
public final class SpaazaClient {

  /** This client's version, as sent in {@code User-Agent}. */
  public static final String VERSION = "0.1.0";

  /** Names the client and its version. */
  public static final String USER_AGENT =
      "standin-spaaza-client-java/" + VERSION + " (Java " + Runtime.version().feature() + ")";

  private final TasksApi api;
  private final SpaazaCall call;

  private SpaazaClient(Builder builder) {
    ObjectMapper mapper = SpaazaJson.newMapper();
    String baseUrl =
        builder.baseUrl.endsWith("/")
            ? builder.baseUrl.substring(0, builder.baseUrl.length() - 1)
            : builder.baseUrl;
    HttpClient wire =
        new WireHttpClient(builder.httpClientBuilder.build(), builder.retries, USER_AGENT);
    ApiClient apiClient =
        new ApiClient(builder.httpClientBuilder, mapper, baseUrl) {
          @Override
          public HttpClient getHttpClient() {
            return wire; // retries, gzip and User-Agent for every call
          }
        };
    apiClient.setReadTimeout(builder.timeout);
    Builder b = builder;
    apiClient.setRequestInterceptor(
        request -> {
          if (b.token != null) {
            request.header("Authorization", "Bearer " + b.token);
          } else if (b.sessionKey != null) {
            request.header("X-Spaaza-Session-User-Id", Long.toString(b.sessionUserId));
            request.header("X-Spaaza-Session-Key", b.sessionKey);
            request.header("X-Spaaza-Session-Chain-Id", Long.toString(b.sessionChainId));
          }
        });
    this.api = new TasksApi(apiClient);
    this.call = new SpaazaCall(mapper);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The tasks of the caller's chain. */
  public TaskCollectionClient tasks() {
    return new TaskCollectionClient(api, call);
  }

  /** One task by ID. */
  public TaskClient task(long id) {
    return new TaskClient(api, call, id);
  }

  /** Configures a client: where the API is and one kind of credentials. */
  public static final class Builder {
    private String baseUrl = "http://localhost:8081";
    private String token;
    private long sessionUserId;
    private String sessionKey;
    private long sessionChainId;
    private Duration timeout = Duration.ofSeconds(60);
    private RetryPolicy retries = RetryPolicy.DEFAULT;
    private HttpClient.Builder httpClientBuilder =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));

    private Builder() {}

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Privileged authentication with a chain's API token. */
    public Builder token(String tokenId, String tokenSecret) {
      this.token = tokenId + ":" + tokenSecret;
      return this;
    }

    /** Admin authentication: a user's session, acting on one chain. */
    public Builder session(long userId, String sessionKey, long chainId) {
      this.sessionUserId = userId;
      this.sessionKey = Objects.requireNonNull(sessionKey, "sessionKey");
      this.sessionChainId = chainId;
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

    public SpaazaClient build() {
      return new SpaazaClient(this);
    }
  }
}

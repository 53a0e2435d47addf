package dev.standin.spaaza.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.client.ClientBuilder;
import dev.standin.spaaza.client.api.TasksApi;
import dev.standin.spaaza.invoker.ApiClient;
import dev.standin.spaaza.json.SpaazaJson;
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
 * <p>Every call sends {@code X-Spaaza-API-Version} ({@link #API_VERSION} unless the builder's
 * {@code apiVersion} says otherwise). Failed calls throw {@link SpaazaApiException} with the HTTP
 * status and the parts of the error envelope. Calls answered 429 or 5xx (or not at all) are retried
 * with backoff, honouring {@code Retry-After}; bodies of 1 KiB or more are sent gzip-compressed.
 */
public final class SpaazaClient {

  /** This client's version, as sent in {@code User-Agent}. */
  public static final String VERSION = "0.1.0";

  /** Names the client and its version. */
  public static final String USER_AGENT =
      "standin-spaaza-client-java/" + VERSION + " (Java " + Runtime.version().feature() + ")";

  /**
   * The {@code X-Spaaza-API-Version} this client sends unless its builder says otherwise: the
   * vendor's documented minimum, which the stand-in serves like every later version (ADR 0027).
   */
  public static final String API_VERSION = "1.6.1";

  private final TasksApi api;
  private final SpaazaCall call;
  private final String apiVersion;

  private SpaazaClient(ClientBuilder.Settings settings, Builder credentials) {
    ObjectMapper mapper = SpaazaJson.newMapper();
    ApiClient apiClient =
        new ApiClient(settings.wireBuilder(USER_AGENT), mapper, settings.baseUrlWithoutSlash());
    apiClient.setReadTimeout(settings.timeout());
    String token = credentials.token;
    String sessionKey = credentials.sessionKey;
    long sessionUserId = credentials.sessionUserId;
    long sessionChainId = credentials.sessionChainId;
    apiClient.setRequestInterceptor(
        request -> {
          if (token != null) {
            request.header("Authorization", "Bearer " + token);
          } else if (sessionKey != null) {
            request.header("X-Spaaza-Session-User-Id", Long.toString(sessionUserId));
            request.header("X-Spaaza-Session-Key", sessionKey);
            request.header("X-Spaaza-Session-Chain-Id", Long.toString(sessionChainId));
          }
        });
    this.api = new TasksApi(apiClient);
    this.call = new SpaazaCall(mapper);
    this.apiVersion = credentials.apiVersion;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The tasks of the caller's chain. */
  public TaskCollectionClient tasks() {
    return new TaskCollectionClient(api, call, apiVersion);
  }

  /** One task by ID. */
  public TaskClient task(long id) {
    return new TaskClient(api, call, id, apiVersion);
  }

  /** Configures a client: where the API is and one kind of credentials. */
  public static final class Builder extends ClientBuilder<Builder> {
    private String token;
    private long sessionUserId;
    private String sessionKey;
    private long sessionChainId;
    private String apiVersion = API_VERSION;

    private Builder() {
      super("http://localhost:8081");
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
     * The {@code X-Spaaza-API-Version} to send on every call ({@link #API_VERSION} by default);
     * {@code null} sends none.
     */
    public Builder apiVersion(String version) {
      this.apiVersion = version;
      return this;
    }

    public SpaazaClient build() {
      return new SpaazaClient(settings(), this);
    }
  }
}

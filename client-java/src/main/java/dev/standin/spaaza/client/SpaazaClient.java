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
  public static final class Builder extends ClientBuilder<Builder> {
    private String token;
    private long sessionUserId;
    private String sessionKey;
    private long sessionChainId;

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

    public SpaazaClient build() {
      return new SpaazaClient(settings(), this);
    }
  }
}

package dev.standin.client;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * What the builders of both clients share: where the API is, retries, the per-attempt timeout and
 * the java.net.http client to send with. Each client's builder adds its own credentials.
 *
 * @param <B> the concrete builder, for chaining
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {

  /** The settings a client is built from. */
  public record Settings(
      String baseUrl, Duration timeout, RetryPolicy retries, HttpClient.Builder httpClientBuilder) {

    /** The base URL without a trailing slash, as the generated clients append paths to it. */
    public String baseUrlWithoutSlash() {
      return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The client every call goes through: retries, gzip and {@code User-Agent}. */
    public HttpClient wire(String userAgent) {
      return new WireHttpClient(httpClientBuilder.build(), retries, userAgent);
    }

    /**
     * A builder whose every {@code build()} gives one {@link #wire} client, for a generated {@code
     * ApiClient}: all its API classes then send through that one client.
     */
    public HttpClient.Builder wireBuilder(String userAgent) {
      return builtAlready(wire(userAgent));
    }

    /** A builder that only builds, always {@code client}: configure the client it wraps instead. */
    private static HttpClient.Builder builtAlready(HttpClient client) {
      InvocationHandler onlyBuild =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "build" -> client;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "a builder of " + client;
                default ->
                    throw new IllegalStateException(
                        "the client is built already: configure httpClientBuilder instead");
              };
      return (HttpClient.Builder)
          Proxy.newProxyInstance(
              ClientBuilder.class.getClassLoader(),
              new Class<?>[] {HttpClient.Builder.class},
              onlyBuild);
    }
  }

  private String baseUrl;
  private Duration timeout = Duration.ofSeconds(60);
  private RetryPolicy retries = RetryPolicy.DEFAULT;
  private HttpClient.Builder httpClientBuilder =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));

  protected ClientBuilder(String defaultBaseUrl) {
    this.baseUrl = defaultBaseUrl;
  }

  /** Where the API lives, e.g. {@code http://localhost:8080}. */
  public final B baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    return self();
  }

  /**
   * How often to retry a call answered with 429 or 5xx, or without an answer at all (default 8),
   * and the wait before the first retry (default 500 ms; it doubles, with jitter, each time).
   */
  public final B retries(int maxRetries, Duration minDelay) {
    this.retries = new RetryPolicy(maxRetries, minDelay);
    return self();
  }

  /** How long one attempt of a call may wait for its answer (default 60 s). */
  public final B timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  /** The java.net.http client to send with (proxies, TLS, test instrumentation). */
  public final B httpClientBuilder(HttpClient.Builder httpClientBuilder) {
    this.httpClientBuilder = Objects.requireNonNull(httpClientBuilder, "httpClientBuilder");
    return self();
  }

  /** The settings so far, for the concrete builder's {@code build()}. */
  protected final Settings settings() {
    return new Settings(baseUrl, timeout, retries, httpClientBuilder);
  }

  private B self() {
    @SuppressWarnings("unchecked")
    B self = (B) this;
    return self;
  }
}

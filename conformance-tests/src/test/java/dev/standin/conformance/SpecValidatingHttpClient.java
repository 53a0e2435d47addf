package dev.standin.conformance;

import dev.standin.client.DelegatingHttpClient;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A java.net.http client that shows every response to a {@link SpecValidator} before handing it to
 * the caller unchanged. Plugged into the generated client through its HttpClient.Builder, so every
 * answer the tests receive is checked against the spec.
 */
final class SpecValidatingHttpClient extends DelegatingHttpClient {

  private final SpecValidator validator;

  private SpecValidatingHttpClient(HttpClient delegate, SpecValidator validator) {
    super(delegate);
    this.validator = validator;
  }

  /** A builder whose clients validate; the generated ApiClient accepts it as is. */
  static HttpClient.Builder builder(SpecValidator validator) {
    return new ValidatingBuilder(HttpClient.newBuilder(), validator);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> raw = delegate().send(request, HttpResponse.BodyHandlers.ofByteArray());
    validator.check(request, raw);
    return new ReplayedResponse<>(raw, replay(raw, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return delegate()
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            raw -> {
              validator.check(request, raw);
              return new ReplayedResponse<>(raw, replay(raw, handler));
            });
  }

  /** Feeds the recorded bytes to the caller's body handler as if they came off the wire. */
  private static <T> T replay(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler) {
    HttpResponse.ResponseInfo info =
        new HttpResponse.ResponseInfo() {
          @Override
          public int statusCode() {
            return raw.statusCode();
          }

          @Override
          public HttpHeaders headers() {
            return raw.headers();
          }

          @Override
          public Version version() {
            return raw.version();
          }
        };
    HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
    subscriber.onComplete();
    return subscriber.getBody().toCompletableFuture().join();
  }

  private record ReplayedResponse<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return raw.statusCode();
    }

    @Override
    public HttpRequest request() {
      return raw.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return raw.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return raw.sslSession();
    }

    @Override
    public URI uri() {
      return raw.uri();
    }

    @Override
    public Version version() {
      return raw.version();
    }
  }

  private static final class ValidatingBuilder implements HttpClient.Builder {
    private final HttpClient.Builder delegate;
    private final SpecValidator validator;

    ValidatingBuilder(HttpClient.Builder delegate, SpecValidator validator) {
      this.delegate = delegate;
      this.validator = validator;
    }

    @Override
    public Builder cookieHandler(CookieHandler cookieHandler) {
      delegate.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public Builder connectTimeout(Duration duration) {
      delegate.connectTimeout(duration);
      return this;
    }

    @Override
    public Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    @Override
    public Builder sslParameters(SSLParameters sslParameters) {
      delegate.sslParameters(sslParameters);
      return this;
    }

    @Override
    public Builder executor(Executor executor) {
      delegate.executor(executor);
      return this;
    }

    @Override
    public Builder followRedirects(Redirect policy) {
      delegate.followRedirects(policy);
      return this;
    }

    @Override
    public Builder version(Version version) {
      delegate.version(version);
      return this;
    }

    @Override
    public Builder priority(int priority) {
      delegate.priority(priority);
      return this;
    }

    @Override
    public Builder proxy(ProxySelector proxySelector) {
      delegate.proxy(proxySelector);
      return this;
    }

    @Override
    public Builder authenticator(Authenticator authenticator) {
      delegate.authenticator(authenticator);
      return this;
    }

    @Override
    public HttpClient build() {
      return new SpecValidatingHttpClient(delegate.build(), validator);
    }
  }
}

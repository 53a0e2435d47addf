package dev.standin.client;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A java.net.http client that wraps another: everything but sending is the wrapped client's.
 * Subclasses decide what happens around {@code send} (retries, compression, test recording).
 */
public abstract class DelegatingHttpClient extends HttpClient {

  private final HttpClient delegate;

  protected DelegatingHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /** The wrapped client, which actually sends. */
  protected final HttpClient delegate() {
    return delegate;
  }

  /** HTTP/2 server push is not used by these APIs: the push handler is ignored. */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      java.net.http.HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}

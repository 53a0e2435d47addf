package dev.standin.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.zip.GZIPOutputStream;

/**
 * The client's side of the wire, wrapped around whatever java.net.http client the caller
 * configured: names the client in {@code User-Agent}, gzips request bodies of {@value
 * #COMPRESS_FROM} bytes or more, and retries by the {@link RetryPolicy}. The generated API classes
 * build their requests as usual and never notice. Shared by the clients of every API.
 */
public final class WireHttpClient extends DelegatingHttpClient {

  /** Bodies this large or larger are sent gzip-compressed, as the official clients do. */
  static final int COMPRESS_FROM = 1024;

  /**
   * Retries, at most, of a refused connection: nothing listens at the address, which a retry seldom
   * changes, so the caller hears of it within seconds instead of after the full backoff.
   */
  static final int REFUSED_RETRIES = 2;

  private final RetryPolicy retries;
  private final String userAgent;

  /**
   * @param delegate the client that sends
   * @param retries when to retry
   * @param userAgent the {@code User-Agent} of requests that do not set one
   */
  public WireHttpClient(HttpClient delegate, RetryPolicy retries, String userAgent) {
    super(delegate);
    this.retries = retries;
    this.userAgent = userAgent;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequest prepared = prepare(request);
    long started = System.nanoTime();
    for (int retry = 1; ; retry++) {
      boolean last = retry > retries.maxRetries();
      HttpResponse<T> response;
      try {
        response = delegate().send(prepared, last ? handler : skipIfRetried(handler));
      } catch (ConnectException refused) {
        if (last || retry > REFUSED_RETRIES) {
          throw refusedAfter(request, retry, started, refused);
        }
        Thread.sleep(retries.delayBefore(retry, Optional.empty()).toMillis());
        continue;
      } catch (IOException networkFailure) {
        if (last
            || networkFailure instanceof InterruptedIOException && !isTimeout(networkFailure)) {
          throw networkFailure;
        }
        Thread.sleep(retries.delayBefore(retry, Optional.empty()).toMillis());
        continue;
      }
      if (last || !RetryPolicy.isRetryable(response.statusCode())) {
        return response;
      }
      Optional<Duration> retryAfter =
          RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After"));
      Thread.sleep(retries.delayBefore(retry, retryAfter).toMillis());
    }
  }

  /** Names the address nobody answers at, which java.net.http leaves out. */
  private static ConnectException refusedAfter(
      HttpRequest request, int attempts, long startedNanos, ConnectException refused) {
    URI uri = request.uri();
    String address = uri.getScheme() + "://" + uri.getHost() + ":" + port(uri);
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    ConnectException clear =
        new ConnectException(
            "cannot connect to "
                + address
                + ": connection refused (is the server running there?); "
                + attempts
                + (attempts == 1 ? " attempt" : " attempts")
                + " in "
                + millis
                + " ms");
    clear.initCause(refused);
    return clear;
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static boolean isTimeout(IOException e) {
    return e instanceof java.net.http.HttpTimeoutException;
  }

  /** An answer that will be retried is not worth reading: its body is dropped. */
  private <T> HttpResponse.BodyHandler<T> skipIfRetried(HttpResponse.BodyHandler<T> handler) {
    return info ->
        RetryPolicy.isRetryable(info.statusCode())
            ? HttpResponse.BodySubscribers.replacing(null)
            : handler.apply(info);
  }

  /**
   * Adds the User-Agent and compresses a large body; the body is read once, so retries resend it.
   */
  private HttpRequest prepare(HttpRequest request) {
    HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
    if (request.headers().firstValue("User-Agent").isEmpty()) {
      copy.header("User-Agent", userAgent);
    }
    Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
    if (publisher.isPresent() && publisher.get().contentLength() != 0) {
      byte[] body = bytesOf(publisher.get());
      if (body.length >= COMPRESS_FROM
          && request.headers().firstValue("Content-Encoding").isEmpty()) {
        body = gzip(body);
        copy.header("Content-Encoding", "gzip");
      }
      copy.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return copy.build();
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return out.toByteArray();
  }

  /** Drains a body publisher (the generated client's are in-memory) into bytes. */
  private static byte[] bytesOf(HttpRequest.BodyPublisher publisher) {
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    publisher.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.write(chunk, 0, chunk.length);
          }

          @Override
          public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {
            done.complete(out.toByteArray());
          }
        });
    try {
      return done.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the request body could not be read", e.getCause());
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    Executor executor = delegate().executor().orElse(null);
    java.util.function.Supplier<HttpResponse<T>> call =
        () -> {
          try {
            return send(request, handler);
          } catch (IOException e) {
            throw new CompletionException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
          }
        };
    return executor == null
        ? CompletableFuture.supplyAsync(call)
        : CompletableFuture.supplyAsync(call, executor);
  }
}

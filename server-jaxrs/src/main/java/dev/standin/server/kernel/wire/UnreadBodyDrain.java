package dev.standin.server.kernel.wire;

import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Lets a client that is still sending its body read an answer given before the body was read (413
 * on a declared length, 415, 401, ...). Jetty closes such a connection at once, and closing a
 * socket with unread bytes in it resets the connection: a client that writes its whole body before
 * reading (Python's {@code http.client}, Node's {@code http}, the official clients) then sees
 * {@code EPIPE} or a reset instead of the answer. Here the answer is sent first, then the rest of
 * the body is read and thrown away, without holding a thread, up to {@link #maxBytes} and {@link
 * #maxTime}; past either bound the connection is closed as before. A request that sent {@code
 * Expect: 100-continue} and got no {@code 100 Continue} is not drained: its client sends no body.
 */
public final class UnreadBodyDrain extends Handler.Wrapper {

  /** The most bytes discarded after an answer: room for a few times the vendor's body limit. */
  public static final long MAX_BYTES = 32L << 20;

  /** The longest a connection is kept for discarding a body after its answer. */
  public static final Duration MAX_TIME = Duration.ofSeconds(10);

  private final long maxBytes;
  private final Duration maxTime;

  public UnreadBodyDrain(Handler handler) {
    this(handler, MAX_BYTES, MAX_TIME);
  }

  /** With other bounds, for tests. */
  UnreadBodyDrain(Handler handler, long maxBytes, Duration maxTime) {
    super(handler);
    this.maxBytes = maxBytes;
    this.maxTime = maxTime;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!mayHaveBody(request)) {
      return super.handle(request, response, callback); // most requests: nothing to wrap
    }
    return super.handle(
        new LeavingBodyToDrain(request), response, new Draining(request, response, callback));
  }

  /**
   * Jetty's input stream over a request, closed before the body's end (Jersey closes it after a
   * refusal while reading, such as the streamed 413), fails the request, and Jetty then resets the
   * connection. Here the rest of the body is left to {@link Draining} instead.
   */
  private static final class LeavingBodyToDrain extends Request.Wrapper {
    LeavingBodyToDrain(Request request) {
      super(request);
    }

    @Override
    public void fail(Throwable failure) {
      // The answer is still to be written; the unread rest of the body is discarded afterwards.
    }
  }

  /** HTTP/1.1: a body needs a length or chunked coding; an expected 100 means none was sent yet. */
  private static boolean mayHaveBody(Request request) {
    long length = request.getLength();
    boolean body =
        length > 0 || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    return body
        && !request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
  }

  /** Completes the answer, then discards what is left of the body before completing the request. */
  private final class Draining extends Callback.Nested {
    private final Request request;
    private final Response response;
    private long discarded;
    private long deadline;
    private EndPoint endPoint;
    private long idleTimeout;

    Draining(Request request, Response response, Callback callback) {
      super(callback);
      this.request = request;
      this.response = response;
    }

    @Override
    public void succeeded() {
      // The last write sends whatever of the answer is not sent yet; a no-op when it all went.
      response.write(true, null, Callback.from(this::startDraining, super::failed));
    }

    private void startDraining() {
      deadline = NanoTime.now() + maxTime.toNanos();
      endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
      idleTimeout = endPoint.getIdleTimeout();
      drain();
    }

    /** Reads what has arrived; waits (no thread held) for more until the body ends or a bound. */
    private void drain() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          long left = NanoTime.until(deadline);
          if (left <= 0) {
            finish();
            return;
          }
          // A client gone silent is cut off when the time is up, not after the usual idle timeout.
          endPoint.setIdleTimeout(Math.max(1, Math.min(idleTimeout, left / 1_000_000)));
          request.demand(this::drain);
          return;
        }
        boolean last = chunk.isLast();
        boolean failed = Content.Chunk.isFailure(chunk);
        discarded += chunk.remaining();
        chunk.release();
        if (last || failed || discarded > maxBytes || NanoTime.until(deadline) <= 0) {
          finish();
          return;
        }
      }
    }

    /**
     * Completes the request: a connection whose body ended stays open for the next request; one
     * with body left over is closed by Jetty.
     */
    private void finish() {
      endPoint.setIdleTimeout(idleTimeout);
      super.succeeded();
    }
  }
}

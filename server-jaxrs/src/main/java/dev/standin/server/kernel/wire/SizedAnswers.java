package dev.standin.server.kernel.wire;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Sends answers of up to {@link #LIMIT} bytes with a {@code Content-Length} instead of chunked:
 * Jersey's Jetty container turns off Jersey's own buffering for that (jersey#6042), so without this
 * every answer, however small, went out chunked, as an extra write for its last chunk. The answer
 * is collected until it passes the limit; a larger one is then streamed, chunked, as before.
 */
@Priority(Priorities.ENTITY_CODER)
public final class SizedAnswers implements WriterInterceptor {

  /** Answers up to this size are sent whole, with their length. */
  static final int LIMIT = 8192;

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    OutputStream container = context.getOutputStream();
    Collecting answer = new Collecting(container);
    context.setOutputStream(answer);
    context.proceed();
    answer.finish(context.getHeaders());
  }

  /** Holds up to {@link #LIMIT} bytes; past that, writes them and streams on. */
  private static final class Collecting extends OutputStream {
    private final OutputStream container;
    private byte[] held = new byte[512];
    private int count;
    private boolean streaming;

    Collecting(OutputStream container) {
      this.container = container;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (streaming) {
        container.write(bytes, offset, length);
        return;
      }
      if (count + length > LIMIT) {
        streaming = true;
        container.write(held, 0, count);
        held = null;
        container.write(bytes, offset, length);
        return;
      }
      if (count + length > held.length) {
        held = Arrays.copyOf(held, Math.min(LIMIT, Math.max(held.length * 2, count + length)));
      }
      System.arraycopy(bytes, offset, held, count, length);
      count += length;
    }

    @Override
    public void flush() throws IOException {
      if (streaming) {
        container.flush();
      }
      // Held bytes wait for finish(): flushing them would commit the answer without its length.
    }

    @Override
    public void close() throws IOException {
      // The container's stream is Jersey's to close.
    }

    /** Sends what is held, with its length, unless the answer already streamed. */
    void finish(MultivaluedMap<String, Object> headers) throws IOException {
      if (streaming) {
        return;
      }
      headers.putSingle(HttpHeaders.CONTENT_LENGTH, count);
      container.write(held, 0, count);
    }
  }
}

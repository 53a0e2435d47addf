package dev.standin.server.kernel.wire;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Decodes a request body by its {@code Content-Encoding} as the entity reader consumes it, and
 * counts the decoded bytes: the read fails with 413 as soon as the count passes the limit, so a
 * small compressed body that would expand to gigabytes is refused without ever being held.
 */
public class BodyDecodingInterceptor implements ReaderInterceptor {

  private final BodyLimit limit;

  public BodyDecodingInterceptor(BodyLimit limit) {
    this.limit = limit;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    String encoding = context.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
    List<String> codings = ContentEncodings.parse(encoding);
    Translating raw = new Translating(context.getInputStream(), codings);
    InputStream decoded;
    try {
      decoded = ContentEncodings.decode(raw, codings);
    } catch (IOException e) {
      throw malformed(codings);
    }
    String method = context.getProperty(METHOD) instanceof String m ? m : "request";
    Translating checked = new Translating(decoded, codings);
    Counting counted = new Counting(new StrictUtf8(checked), limit, method);
    context.setInputStream(counted);
    context.getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
    try {
      return context.proceed();
    } catch (RuntimeException | IOException e) {
      // The entity reader may wrap what the stream threw (Jackson adds the field path): the
      // stream's own verdict wins over whatever the reader made of the cut-off document.
      if (counted.refusal != null) {
        throw counted.refusal;
      }
      if (raw.refusal != null) {
        throw raw.refusal;
      }
      if (checked.refusal != null) {
        throw checked.refusal;
      }
      throw e;
    }
  }

  /** Request property holding the HTTP method, for the 413 message. */
  public static final String METHOD = BodyDecodingInterceptor.class.getName() + ".method";

  private static WireException malformed(List<String> codings) {
    if (codings.isEmpty()) { // nothing to decode: the connection failed under the read
      return new WireException(
          WireError.MALFORMED_BODY,
          "The request body ended before its declared length (the client closed or stalled).");
    }
    return new WireException(
        WireError.MALFORMED_BODY,
        "The request body could not be decoded as Content-Encoding \""
            + String.join(", ", codings)
            + "\".");
  }

  /**
   * Turns read failures into a 400: a decoder's complaint means the client sent a broken body. A
   * {@link WireException} (the limit) passes through.
   */
  private static final class Translating extends FilterInputStream {
    private final List<String> codings;
    private WireException refusal;

    Translating(InputStream in, List<String> codings) {
      super(in);
      this.codings = codings;
    }

    @Override
    public int read() {
      try {
        return super.read();
      } catch (IOException e) {
        refusal = malformed(codings);
        throw refusal;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        refusal = malformed(codings);
        throw refusal;
      }
    }
  }

  /** Counts decoded bytes and stops the read once they pass the limit. */
  private static final class Counting extends FilterInputStream {
    private final BodyLimit limit;
    private final String method;
    private long count;
    private WireException refusal;

    Counting(InputStream in, BodyLimit limit, String method) {
      super(in);
      this.limit = limit;
      this.method = method;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      // Never ask for more than one byte past the limit, so the overflow is seen at once.
      long room = limit.maxBytes() - count + 1;
      int n = super.read(b, off, (int) Math.min(len, room));
      if (n > 0) {
        add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, limit.maxBytes() - count + 1));
      add(skipped);
      return skipped;
    }

    private void add(long n) {
      count += n;
      if (count > limit.maxBytes()) {
        refusal = limit.exceeded(method, "more than " + limit.maxBytes());
        throw refusal;
      }
    }
  }
}

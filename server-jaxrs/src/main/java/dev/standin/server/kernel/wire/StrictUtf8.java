package dev.standin.server.kernel.wire;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Passes a JSON body through unchanged while checking it is well-formed UTF-8 (RFC 8259). Jackson
 * alone lets overlong forms ({@code C0 AF} for "/") and encoded surrogates through; the JDK's
 * decoder refuses them. Bytes up to the first non-ASCII one need no decoder (ASCII is always
 * well-formed), so the usual small ASCII body costs one scan and no buffers.
 */
final class StrictUtf8 extends FilterInputStream {

  private static final int CHUNK = 8192;

  /** Created at the first non-ASCII byte; from then on every byte goes through it. */
  private CharsetDecoder decoder;

  private ByteBuffer pending;
  private CharBuffer scratch;

  StrictUtf8(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, Math.min(len, CHUNK));
    if (n < 0) {
      if (decoder != null) {
        check(true);
      }
      return n;
    }
    int from = off;
    if (decoder == null) {
      from = firstNonAscii(b, off, off + n);
      if (from == off + n) {
        return n;
      }
      startDecoding();
    }
    pending.put(b, from, off + n - from);
    check(false);
    return n;
  }

  private static int firstNonAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return i;
      }
    }
    return to;
  }

  private void startDecoding() {
    decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    pending = ByteBuffer.allocate(CHUNK + 8); // a chunk plus an incomplete sequence before it
    scratch = CharBuffer.allocate(1024);
  }

  private void check(boolean end) {
    pending.flip();
    CoderResult result;
    do {
      scratch.clear();
      result = decoder.decode(pending, scratch, end);
    } while (result.isOverflow());
    if (result.isError() || (end && pending.hasRemaining())) {
      throw new WireException(WireError.MALFORMED_BODY, "The request body is not valid UTF-8.");
    }
    pending.compact(); // keeps an incomplete sequence for the next chunk
  }
}

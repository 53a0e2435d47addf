package dev.standin.server.wire;

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
 * decoder refuses them.
 */
final class StrictUtf8 extends FilterInputStream {

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer pending = ByteBuffer.allocate(8192 + 8);
  private final CharBuffer scratch = CharBuffer.allocate(8192 + 8);

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
    int n = super.read(b, off, Math.min(len, 8192));
    if (n < 0) {
      check(true);
      return n;
    }
    pending.put(b, off, n);
    check(false);
    return n;
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

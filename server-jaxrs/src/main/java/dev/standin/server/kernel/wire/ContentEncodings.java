package dev.standin.server.kernel.wire;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The request {@code Content-Encoding}s the vendor accepts ({@code identity}, {@code gzip}, {@code
 * deflate}, {@code br}) and streaming decoders for them. Nothing here buffers a whole body.
 */
public final class ContentEncodings {

  public static final Set<String> SUPPORTED = Set.of("identity", "gzip", "deflate", "br");

  private ContentEncodings() {}

  /**
   * The codings of a {@code Content-Encoding} header in the order they were applied, without {@code
   * identity}; empty for no header.
   *
   * @throws WireException 415 naming the first coding the server does not decode
   */
  public static List<String> parse(String header) {
    List<String> codings = new ArrayList<>();
    if (header == null) {
      return codings;
    }
    for (String raw : header.split(",")) {
      String coding = raw.trim().toLowerCase(Locale.ROOT);
      if (coding.isEmpty() && header.isBlank()) {
        continue;
      }
      if (!SUPPORTED.contains(coding)) {
        throw new WireException(
            WireError.UNSUPPORTED_CONTENT_ENCODING,
            "Content-Encoding \"" + raw.trim() + "\" is not supported.");
      }
      if (!coding.equals("identity")) {
        codings.add(coding);
      }
    }
    return codings;
  }

  /** Undoes the codings (last applied, first undone); the stream is decoded as it is read. */
  public static InputStream decode(InputStream body, List<String> codings) throws IOException {
    InputStream in = body;
    for (int i = codings.size() - 1; i >= 0; i--) {
      in = decodeOne(in, codings.get(i));
    }
    return in;
  }

  private static InputStream decodeOne(InputStream in, String coding) throws IOException {
    return switch (coding) {
      case "gzip" -> new GZIPInputStream(in, 8192);
      case "deflate" -> inflate(in);
      case "br" -> brotli(in);
      default -> throw new IllegalArgumentException("not a supported coding: " + coding);
    };
  }

  /**
   * HTTP's "deflate" is the zlib format, but some clients send a raw deflate stream: a zlib stream
   * starts with a header whose two bytes, read as a big-endian number, divide by 31.
   */
  private static InputStream inflate(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 8192);
    buffered.mark(2);
    int cmf = buffered.read();
    int flg = buffered.read();
    buffered.reset();
    boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
    return new InflaterInputStream(buffered, new Inflater(!zlib), 8192);
  }

  private static InputStream brotli(InputStream in) throws IOException {
    if (!Brotli4jLoader.isAvailable()) {
      throw new WireException(
          WireError.UNSUPPORTED_CONTENT_ENCODING,
          "Content-Encoding \"br\" is not supported on this platform.");
    }
    return new BrotliInputStream(in);
  }

  /** Whether the native brotli decoder loaded (it is prebuilt for the common platforms). */
  public static boolean brotliAvailable() {
    return Brotli4jLoader.isAvailable();
  }
}

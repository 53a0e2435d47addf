package dev.standin.server.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

  /** Hands out at most {@code step} bytes per read, so sequences get split across reads. */
  private static InputStream trickle(byte[] bytes, int step) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  private static byte[] readAll(byte[] body, int step) throws IOException {
    try (InputStream in = new StrictUtf8(trickle(body, step))) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 8192})
  void wellFormedTextPassesUnchangedHoweverItIsSplit(int step) throws IOException {
    byte[] body =
        "{\"ascii\":\"plain\",\"two\":\"é\",\"three\":\"€\",\"four\":\"😀\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(readAll(body, step)).isEqualTo(body);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8192})
  void asciiOnlyBodiesPassUnchanged(int step) throws IOException {
    byte[] body =
        "{\"a\":1,\"b\":[true,null,\"x\"]}".repeat(500).getBytes(StandardCharsets.US_ASCII);

    assertThat(readAll(body, step)).isEqualTo(body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ff", // never valid
        "c0af", // overlong "/"
        "eda080", // an encoded surrogate
        "f4908080", // past U+10FFFF
        "80", // a continuation byte alone
        "c3", // cut off at the end
        "e282" // cut off at the end
      })
  void malformedBytesAnywhereAreRefused(String hex) {
    byte[] bad = java.util.HexFormat.of().parseHex(hex);
    for (int step : new int[] {1, 8192}) {
      byte[] body = concat("{\"a\":\"ok é then ".getBytes(StandardCharsets.UTF_8), bad);
      assertThatThrownBy(() -> readAll(body, step))
          .as("%s read %d bytes at a time", hex, step)
          .isInstanceOf(WireException.class)
          .hasMessageContaining("not valid UTF-8");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 8192})
  void malformedBytesAfterALongAsciiStretchAreRefused(int step) {
    byte[] body = concat("x".repeat(20_000).getBytes(StandardCharsets.US_ASCII), new byte[] {-64});

    assertThatThrownBy(() -> readAll(body, step)).isInstanceOf(WireException.class);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}

package dev.standin.server.kernel.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UnreadBodyDrain} on a bare Jetty whose handler answers 413 without reading the body, with
 * small bounds (1 MiB, 1 s): a client writing its whole body before reading gets the answer and may
 * reuse the connection; a body beyond the byte bound, or a client gone silent, is cut off within
 * the bounds.
 */
class UnreadBodyDrainTest {

  private static final long MAX_BYTES = 1 << 20;
  private static final Duration MAX_TIME = Duration.ofSeconds(1);
  private static final String ANSWER = "{\"error\":\"too large\"}";

  private Server jetty;
  private int port;

  @BeforeEach
  void start() throws Exception {
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setIdleTimeout(30_000); // the drain must cut a silent client well before this
    jetty.addConnector(connector);
    jetty.setHandler(new UnreadBodyDrain(new AnswersAtOnce(), MAX_BYTES, MAX_TIME));
    jetty.start();
    port = connector.getLocalPort();
  }

  @AfterEach
  void stop() throws Exception {
    jetty.stop();
  }

  /** Answers 413 (or 200 to a GET) without reading a byte of the body. */
  private static final class AnswersAtOnce extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      response.setStatus("GET".equals(request.getMethod()) ? 200 : 413);
      response.getHeaders().put("Content-Type", "application/json");
      response.write(true, ByteBuffer.wrap(ANSWER.getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
  }

  @Test
  void aClientWritingItsWholeBodyFirstReadsTheAnswerAndKeepsTheConnection() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      int size = 900 * 1024; // under the bound, more than the socket buffers hold on their own
      out.write(headers("PUT", size));
      out.write(new byte[size]); // would fail with a reset if the server closed without reading
      out.write(headers("GET", 0));
      out.flush();

      String answers = readUntil(socket.getInputStream(), "HTTP/1.1 200");

      assertThat(answers).startsWith("HTTP/1.1 413").contains(ANSWER);
      assertThat(answers).contains("HTTP/1.1 200"); // the same connection served the next request
    }
  }

  @Test
  void aBodyBeyondTheByteBoundIsCutOff() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      long declared = 1L << 30;
      out.write(headers("PUT", declared));
      byte[] block = new byte[64 * 1024];
      long[] sent = {0};

      assertThatThrownBy(
              () -> {
                while (sent[0] < declared) {
                  out.write(block);
                  sent[0] += block.length;
                }
              })
          .isInstanceOf(IOException.class);
      // The bound plus what the socket buffers of both ends hold, far from the 1 GiB declared.
      assertThat(sent[0]).isLessThan(MAX_BYTES + (32L << 20));
    }
  }

  @Test
  void aClientGoneSilentIsCutOffWhenTheTimeIsUp() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(headers("PUT", 1_000_000));
      out.write(new byte[1000]);
      out.flush();
      long started = System.nanoTime();

      String answer = readToEnd(socket.getInputStream());
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(answer).startsWith("HTTP/1.1 413").contains(ANSWER);
      assertThat(took)
          .isGreaterThanOrEqualTo(MAX_TIME.minusMillis(100))
          .isLessThan(MAX_TIME.multipliedBy(4));
    }
  }

  private static byte[] headers(String method, long length) {
    return (method
            + " / HTTP/1.1\r\nHost: localhost\r\n"
            + (length > 0 ? "Content-Length: " + length + "\r\n" : "")
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String readUntil(InputStream in, String marker) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      seen.write(buffer, 0, n);
      String text = seen.toString(StandardCharsets.UTF_8);
      int at = text.indexOf(marker);
      if (at >= 0 && text.indexOf(ANSWER, at) > 0) {
        break;
      }
    }
    return seen.toString(StandardCharsets.UTF_8);
  }

  /** Everything until the server closes the connection. */
  private static String readToEnd(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}

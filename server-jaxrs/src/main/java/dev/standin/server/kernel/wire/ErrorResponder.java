package dev.standin.server.kernel.wire;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link WireError} into one API's error answer. The wire protections are shared by every
 * API; each API registers them with its own responder so the answers come in its own shape.
 */
public interface ErrorResponder {

  /** The HTTP status the API uses for this error. */
  int status(WireError error);

  /** The complete JSON body of the error answer. */
  String body(WireError error, String message);

  /** The error as a JAX-RS answer. */
  default Response response(WireError error, String message) {
    // A known length, not chunks: the answer may be cut off when the connection closes on an
    // unread body, and a complete, counted answer survives that.
    byte[] bytes = body(error, message).getBytes(StandardCharsets.UTF_8);
    return Response.status(status(error))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CONTENT_LENGTH, bytes.length)
        .entity(bytes)
        .build();
  }
}

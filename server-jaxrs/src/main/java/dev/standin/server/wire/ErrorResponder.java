package dev.standin.server.wire;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    return Response.status(status(error))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(error, message))
        .build();
  }
}

package dev.standin.server.kernel.wire;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers a {@link WireException} in the shape of the API it is registered on. */
public class WireExceptionMapper implements ExceptionMapper<WireException> {

  private final ErrorResponder responder;

  public WireExceptionMapper(ErrorResponder responder) {
    this.responder = responder;
  }

  @Override
  public Response toResponse(WireException e) {
    Response.ResponseBuilder answer =
        Response.fromResponse(responder.response(e.error(), e.getMessage()));
    e.headers().forEach(answer::header);
    return answer.build();
  }
}

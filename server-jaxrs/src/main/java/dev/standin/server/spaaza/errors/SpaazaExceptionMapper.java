package dev.standin.server.spaaza.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Errors the Spaaza services raise on purpose: answered exactly as the catalogue says. */
public class SpaazaExceptionMapper implements ExceptionMapper<SpaazaException> {
  @Override
  public Response toResponse(SpaazaException e) {
    return SpaazaErrorResponses.of(e.error(), e.getMessage());
  }
}

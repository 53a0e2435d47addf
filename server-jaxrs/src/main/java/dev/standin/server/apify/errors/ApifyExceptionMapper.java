package dev.standin.server.apify.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors the services raise on purpose: answered exactly as the catalogue says. */
@Provider
public class ApifyExceptionMapper implements ExceptionMapper<ApifyException> {
  @Override
  public Response toResponse(ApifyException e) {
    return ErrorResponses.of(e.error(), e.getMessage());
  }
}

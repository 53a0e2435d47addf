package dev.standin.server.spaaza.errors;

import dev.standin.spaaza.errors.SpaazaError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our bug: logged with its stack trace, answered without one. */
public class SpaazaUnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(SpaazaUnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    LOG.error("Unexpected error while serving a Spaaza request", e);
    return SpaazaErrorResponses.of(SpaazaError.INTERNAL_ERROR);
  }
}

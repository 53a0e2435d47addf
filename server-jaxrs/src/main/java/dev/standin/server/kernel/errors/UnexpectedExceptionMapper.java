package dev.standin.server.kernel.errors;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.apify.errors.ErrorResponses;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our bug: logged with its stack trace, answered without one. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    return internalError(e);
  }

  static Response internalError(Throwable e) {
    LOG.error("Unexpected error while serving a request", e);
    return ErrorResponses.of(ApifyError.INTERNAL_SERVER_ERROR);
  }
}

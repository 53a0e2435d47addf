package dev.standin.server.kernel.errors;

import dev.standin.server.kernel.wire.WireError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else is our bug: logged with its stack trace, answered without one. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  private final VendorErrors<?> errors;

  public UnexpectedExceptionMapper(VendorErrors<?> errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(Throwable e) {
    return internalError(errors, e);
  }

  static <E> Response internalError(VendorErrors<E> errors, Throwable e) {
    LOG.error("Unexpected error while serving a request of the {} API", errors.api(), e);
    return errors.response(errors.entryFor(WireError.INTERNAL));
  }
}

package dev.standin.server.kernel.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Errors the services raise on purpose: answered exactly as the vendor's catalogue says. */
public final class VendorExceptionMapper implements ExceptionMapper<VendorException> {

  private final VendorErrors<?> errors;

  public VendorExceptionMapper(VendorErrors<?> errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(VendorException e) {
    return errors.response(e);
  }
}

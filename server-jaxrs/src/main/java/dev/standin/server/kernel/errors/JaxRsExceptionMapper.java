package dev.standin.server.kernel.errors;

import dev.standin.server.kernel.wire.WireError;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.TreeSet;
import org.glassfish.jersey.server.ParamException;

/**
 * Errors the JAX-RS runtime raises before our code runs (no such route, wrong method, wrong media
 * type, unreadable parameter), answered in the vendor's error shape instead of Jersey's HTML/text.
 */
public final class JaxRsExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private final VendorErrors<?> errors;

  public JaxRsExceptionMapper(VendorErrors<?> errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(WebApplicationException e) {
    return answer(errors, e);
  }

  private static <E> Response answer(VendorErrors<E> errors, WebApplicationException e) {
    if (e instanceof NotAllowedException) {
      TreeSet<String> methods = new TreeSet<>(e.getResponse().getAllowedMethods());
      methods.add("OPTIONS"); // answered on every route
      String allowed = errors.joinMethods(methods);
      Response body =
          errors.response(
              errors.entryFor(WireError.METHOD_NOT_ALLOWED),
              errors.methodNotAllowedMessage(allowed));
      return Response.fromResponse(body).header(HttpHeaders.ALLOW, allowed).build();
    }
    if (e instanceof ParamException param) {
      return errors.response(
          errors.entryFor(WireError.INVALID_PARAMETER),
          "Parameter \"" + param.getParameterName() + "\" has an invalid value.");
    }
    if (e instanceof NotFoundException) {
      return errors.response(errors.entryFor(WireError.NOT_FOUND));
    }
    if (e instanceof NotSupportedException) {
      return errors.response(
          errors.entryFor(WireError.INVALID_CONTENT_TYPE), errors.notJsonMessage());
    }
    int status = e.getResponse().getStatus();
    if (status >= 400 && status < 500) {
      return errors.response(
          errors.entryFor(WireError.INVALID_PARAMETER),
          "The request could not be understood: check its parameters.");
    }
    return UnexpectedExceptionMapper.internalError(errors, e);
  }
}

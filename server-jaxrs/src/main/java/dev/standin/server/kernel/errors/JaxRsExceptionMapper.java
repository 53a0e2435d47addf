package dev.standin.server.kernel.errors;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.apify.errors.ErrorResponses;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ParamException;

/**
 * Errors the JAX-RS runtime raises before our code runs (no such route, wrong method, wrong media
 * type, unreadable parameter), answered in the vendor's error shape instead of Jersey's HTML/text.
 */
@Provider
public class JaxRsExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException e) {
    if (e instanceof NotAllowedException) {
      return methodNotAllowed(e.getResponse().getAllowedMethods());
    }
    if (e instanceof ParamException param) {
      return ErrorResponses.of(
          ApifyError.INVALID_PARAMETER,
          "Parameter \"" + param.getParameterName() + "\" has an invalid value.");
    }
    if (e instanceof NotFoundException) {
      return ErrorResponses.of(ApifyError.PAGE_NOT_FOUND);
    }
    if (e instanceof NotSupportedException) {
      return ErrorResponses.of(
          ApifyError.INVALID_CONTENT_TYPE_HEADER,
          "The request body must be JSON: send the header Content-Type: application/json.");
    }
    int status = e.getResponse().getStatus();
    if (status >= 400 && status < 500) {
      return ErrorResponses.of(
          ApifyError.INVALID_PARAMETER,
          "The request could not be understood: check its parameters.");
    }
    return UnexpectedExceptionMapper.internalError(e);
  }

  private static Response methodNotAllowed(Set<String> allowed) {
    Set<String> methods = new TreeSet<>(allowed);
    methods.add("OPTIONS");
    String list = String.join(",", methods);
    Response body =
        ErrorResponses.of(
            ApifyError.METHOD_NOT_ALLOWED,
            "This API end-point can only be accessed using the following HTTP methods: " + list);
    return Response.fromResponse(body).header(HttpHeaders.ALLOW, list).build();
  }
}

package dev.standin.server.spaaza.errors;

import dev.standin.spaaza.errors.SpaazaError;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.TreeSet;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the JAX-RS runtime refuses before our code runs, answered in the Spaaza error shape. */
public class SpaazaJaxRsExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = LoggerFactory.getLogger(SpaazaJaxRsExceptionMapper.class);

  @Override
  public Response toResponse(WebApplicationException e) {
    if (e instanceof NotAllowedException) {
      TreeSet<String> allowed = new TreeSet<>(e.getResponse().getAllowedMethods());
      allowed.add("OPTIONS"); // answered on every route
      String list = String.join(", ", allowed);
      Response body =
          SpaazaErrorResponses.of(
              SpaazaError.METHOD_NOT_ALLOWED, "This route accepts only: " + list + ".");
      return Response.fromResponse(body).header(HttpHeaders.ALLOW, list).build();
    }
    if (e instanceof ParamException param) {
      return SpaazaErrorResponses.of(
          SpaazaError.INVALID_PARAMETER,
          "Parameter \"" + param.getParameterName() + "\" has an invalid value.");
    }
    if (e instanceof NotFoundException) {
      return SpaazaErrorResponses.of(SpaazaError.ROUTE_NOT_FOUND);
    }
    if (e instanceof NotSupportedException) {
      return SpaazaErrorResponses.of(SpaazaError.UNSUPPORTED_MEDIA_TYPE);
    }
    int status = e.getResponse().getStatus();
    if (status >= 400 && status < 500) {
      return SpaazaErrorResponses.of(
          SpaazaError.INVALID_PARAMETER,
          "The request could not be understood: check its parameters.");
    }
    LOG.error("Unexpected error while serving a Spaaza request", e);
    return SpaazaErrorResponses.of(SpaazaError.INTERNAL_ERROR);
  }
}

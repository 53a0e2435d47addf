package dev.standin.server.kernel.wire;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * A path whose segments carry JAX-RS matrix parameters ({@code /tasks/1;anything}) names no
 * resource: without this, Jersey would drop {@code ;anything} and route the request to task 1. It
 * is answered 404 in the API's shape before routing, so a path segment reaches a resource only as
 * the plain text it is. An encoded {@code %3B} is not a matrix parameter: it stays part of the
 * segment, which the route then reads (and refuses) as an ID.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR - 100)
public class PlainPathFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (path != null && path.indexOf(';') >= 0) {
      throw new WireException(
          WireError.NOT_FOUND, "No such route: a path segment may not carry parameters (;).");
    }
  }
}

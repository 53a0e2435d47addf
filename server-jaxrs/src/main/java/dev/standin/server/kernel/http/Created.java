package dev.standin.server.kernel.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Lets a typed resource method (which can only return its entity) answer 201 with a Location: the
 * method calls {@link #mark}, and this filter turns its 200 into 201 on the way out.
 */
@Provider
public class Created implements ContainerResponseFilter {

  private static final String PROPERTY = Created.class.getName();

  /** Marks the current request as having created the resource at {@code path} (server-relative). */
  public static void mark(ContainerRequestContext request, String path) {
    request.setProperty(PROPERTY, request.getUriInfo().getBaseUri().resolve(path.substring(1)));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object location = request.getProperty(PROPERTY);
    if (location instanceof URI uri && response.getStatus() == 200) {
      response.setStatus(201);
      response.getHeaders().putSingle(HttpHeaders.LOCATION, uri.toString());
    }
  }
}

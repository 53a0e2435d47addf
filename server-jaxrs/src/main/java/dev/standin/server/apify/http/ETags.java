package dev.standin.server.apify.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets a typed resource method (which can only return its entity) answer with an {@code ETag}: the
 * method calls {@link #mark}, and this filter adds the header to its successful answer.
 */
@Provider
public class ETags implements ContainerResponseFilter {

  private static final String PROPERTY = ETags.class.getName();

  /** Tags the current request's answer with {@code etag} (already quoted). */
  public static void mark(ContainerRequestContext request, String etag) {
    request.setProperty(PROPERTY, etag);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(PROPERTY) instanceof String etag && response.getStatus() == 200) {
      response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
    }
  }
}

package dev.standin.server.kernel.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * The request being served on this thread, for resources that are singletons.
 *
 * <p>Resources are registered as single instances: letting Jersey build one per request (to inject
 * the request into a field) cost about a tenth of the server's CPU under load. Every resource
 * method here is synchronous, so Jersey runs the request filters, the method and the response
 * filters on one thread, and this filter can hand the request over in a thread-local.
 */
@PreMatching
@Priority(0) // before every other request filter
public final class CurrentRequest implements ContainerRequestFilter, ContainerResponseFilter {

  private static final ThreadLocal<ContainerRequestContext> CURRENT = new ThreadLocal<>();

  /** The request being served on the calling thread. */
  public static ContainerRequestContext get() {
    ContainerRequestContext request = CURRENT.get();
    if (request == null) {
      throw new IllegalStateException("no request is being served on this thread");
    }
    return request;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    CURRENT.set(request);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    CURRENT.remove(); // the thread goes back to the pool; don't keep the request alive
  }
}

package dev.standin.server.kernel.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.eclipse.jetty.server.Request;

/**
 * Makes the client's IP address available to filters that Jersey does not inject, such as an API's
 * authentication filter (registered per route by {@link Authenticated}). Registered by the API that
 * needs it; the address is looked up only when asked for.
 */
@PreMatching
@Priority(1) // right after CurrentRequest, before every filter that could ask
public final class ClientAddress implements ContainerRequestFilter {

  private static final String PROPERTY = ClientAddress.class.getName();

  @Inject private Provider<Request> jettyRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(PROPERTY, jettyRequest);
  }

  /**
   * The IP address the request came from; {@code "unknown"} where this filter is not registered.
   */
  public static String of(ContainerRequestContext request) {
    Object jetty = request.getProperty(PROPERTY);
    return jetty instanceof Provider<?> provider && provider.get() instanceof Request r
        ? Request.getRemoteAddr(r)
        : "unknown";
  }
}

package dev.standin.server.kernel.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Puts an API's authentication filter on every resource method except those of {@link PublicRoute}
 * classes. Deciding per method once, at start-up, keeps the check off the request path, and the
 * filter still runs after route matching, so unknown routes and wrong methods are answered as such
 * with or without credentials.
 */
public final class Authenticated implements DynamicFeature {

  private final ContainerRequestFilter filter;

  public Authenticated(ContainerRequestFilter filter) {
    this.filter = filter;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Class<?> resourceClass = resource.getResourceClass();
    if (resourceClass != null && !resourceClass.isAnnotationPresent(PublicRoute.class)) {
      context.register(filter, Priorities.AUTHENTICATION);
    }
  }
}

package dev.standin.server.kernel.http;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Puts an API's authentication filter on every resource method except those of {@link PublicRoute}
 * classes. Deciding per method once, at start-up, keeps the check off the request path, and the
 * filter still runs after route matching, so unknown routes and wrong methods are answered as such
 * with or without credentials. On a {@link TokenOptional} method a marker runs first, and the
 * filter asks {@link #tokenOptional} whether a request without a token may go on.
 */
public final class Authenticated implements DynamicFeature {

  private static final String TOKEN_OPTIONAL = TokenOptional.class.getName();

  private final ContainerRequestFilter filter;

  public Authenticated(ContainerRequestFilter filter) {
    this.filter = filter;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Class<?> resourceClass = resource.getResourceClass();
    if (resourceClass != null && !resourceClass.isAnnotationPresent(PublicRoute.class)) {
      if (isTokenOptional(resourceClass, resource.getResourceMethod())) {
        context.register(
            (ContainerRequestFilter) request -> request.setProperty(TOKEN_OPTIONAL, Boolean.TRUE),
            Priorities.AUTHENTICATION - 1);
      }
      context.register(filter, Priorities.AUTHENTICATION);
    }
  }

  /** Whether the matched route may be called without a token ({@link TokenOptional}). */
  public static boolean tokenOptional(ContainerRequestContext request) {
    return Boolean.TRUE.equals(request.getProperty(TOKEN_OPTIONAL));
  }

  /**
   * Jersey names the method that carries the JAX-RS annotations (here, of the generated interface);
   * the marker is on the class's implementation of it.
   */
  private static boolean isTokenOptional(Class<?> resourceClass, Method method) {
    if (method == null) {
      return false;
    }
    if (method.isAnnotationPresent(TokenOptional.class)) {
      return true;
    }
    try {
      return resourceClass
          .getMethod(method.getName(), method.getParameterTypes())
          .isAnnotationPresent(TokenOptional.class);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}

package dev.standin.server.http;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.errors.ApifyException;
import dev.standin.server.users.UserService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Authenticates every request by its token, except on resources marked {@link PublicRoute}: {@code
 * Authorization: Bearer <token>} or the {@code token} query parameter (the header wins when both
 * are sent). Runs after route matching, so unknown routes and wrong methods are answered as such,
 * with or without a token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final UserService users;

  @Context private ResourceInfo resource;

  @Inject
  public AuthFilter(UserService users) {
    this.users = users;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      return; // says which methods a route allows, nothing more (and browsers send no token)
    }
    Class<?> resourceClass = resource.getResourceClass();
    if (resourceClass != null && resourceClass.isAnnotationPresent(PublicRoute.class)) {
      return;
    }
    String token = tokenOf(request);
    if (token == null || token.isBlank()) {
      throw new ApifyException(ApifyError.TOKEN_NOT_PROVIDED);
    }
    Caller.set(
        request,
        users.findByToken(token).orElseThrow(() -> new ApifyException(ApifyError.INVALID_TOKEN)));
  }

  private static String tokenOf(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return header.substring(BEARER.length()).trim();
    }
    return request.getUriInfo().getQueryParameters().getFirst("token");
  }
}

package dev.standin.server.apify.auth;

import dev.standin.apify.errors.ApifyError;
import dev.standin.server.apify.errors.ApifyException;
import dev.standin.server.kernel.http.Authenticated;
import dev.standin.server.kernel.http.PublicRoute;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates an Apify request by its token: {@code Authorization: Bearer <token>} or the {@code
 * token} query parameter (the header wins when both are sent). {@link Authenticated} puts it on
 * every route that is not a {@link PublicRoute}; on a {@link
 * dev.standin.server.kernel.http.TokenOptional} route a request without a token goes on with no
 * caller, while a token that is sent must still be valid.
 */
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final UserService users;

  public AuthFilter(UserService users) {
    this.users = users;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      return; // says which methods a route allows, nothing more (and browsers send no token)
    }
    String token = tokenOf(request);
    if (token == null || token.isBlank()) {
      if (Authenticated.tokenOptional(request)) {
        return; // anonymous: the resource decides what it may see (ADR 0008 addendum)
      }
      String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
      if (header != null && !header.isBlank() && !isBearer(header)) {
        throw new ApifyException(
            ApifyError.TOKEN_NOT_PROVIDED,
            "Authentication token was not provided: the Authorization header must be"
                + " \"Bearer <token>\" (its scheme is missing or not Bearer).");
      }
      throw new ApifyException(ApifyError.TOKEN_NOT_PROVIDED);
    }
    Caller.set(
        request,
        users.findByToken(token).orElseThrow(() -> new ApifyException(ApifyError.INVALID_TOKEN)));
  }

  private static boolean isBearer(String header) {
    return header.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  private static String tokenOf(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header != null && isBearer(header)) {
      return header.substring(BEARER.length()).trim();
    }
    return request.getUriInfo().getQueryParameters().getFirst("token");
  }
}

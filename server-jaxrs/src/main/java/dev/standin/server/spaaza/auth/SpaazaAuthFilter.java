package dev.standin.server.spaaza.auth;

import dev.standin.server.kernel.http.ClientAddress;
import dev.standin.server.spaaza.errors.SpaazaException;
import dev.standin.spaaza.errors.SpaazaError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates Spaaza requests: a privileged token ({@code Bearer TOKEN_ID:TOKEN_SECRET}) or an
 * admin session (the three {@code X-Spaaza-Session-*} headers). Missing or wrong credentials are
 * 401; a valid session without an access level on its chain, or with {@code read} on a writing
 * route, is 403; too many wrong token secrets from one address are 429 before any slow hashing
 * ({@link SecretCheckBudget}). {@link dev.standin.server.kernel.http.Authenticated} keeps it off
 * the public routes (download links, which carry their own signature, and the docs); OPTIONS
 * passes.
 */
@Priority(Priorities.AUTHENTICATION)
public class SpaazaAuthFilter implements ContainerRequestFilter {

  static final String USER_ID = "X-Spaaza-Session-User-Id";
  static final String SESSION_KEY = "X-Spaaza-Session-Key";
  static final String CHAIN_ID = "X-Spaaza-Session-Chain-Id";
  private static final String BEARER = "Bearer ";

  private final SpaazaCredentials credentials;

  public SpaazaAuthFilter(SpaazaCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      return; // says which methods a route allows, nothing more (and browsers send no token)
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    SpaazaCaller caller =
        authorization != null
            ? byToken(authorization, () -> ClientAddress.of(request))
            : bySession(
                request.getHeaderString(USER_ID),
                request.getHeaderString(SESSION_KEY),
                request.getHeaderString(CHAIN_ID));
    if (!caller.access().allows(request.getMethod())) {
      throw new SpaazaException(
          SpaazaError.PERMISSION_DENIED,
          "Your access to chain " + caller.chainId() + " is read-only.");
    }
    SpaazaCaller.set(request, caller);
  }

  private SpaazaCaller byToken(String authorization, Supplier<String> address) {
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new SpaazaException(
          SpaazaError.NOT_AUTHENTICATED,
          "The Authorization header must be \"Bearer TOKEN_ID:TOKEN_SECRET\"; its scheme is"
              + " missing or not Bearer.");
    }
    String token = authorization.substring(BEARER.length()).trim();
    int colon = token.indexOf(':');
    if (colon <= 0 || colon == token.length() - 1) {
      throw new SpaazaException(
          SpaazaError.NOT_AUTHENTICATED,
          "The bearer token must be TOKEN_ID:TOKEN_SECRET, the two parts printed at first start.");
    }
    return credentials
        .chainOfToken(token.substring(0, colon), token.substring(colon + 1), address)
        .map(chain -> new SpaazaCaller(chain, AccessLevel.WRITE))
        .orElseThrow(SpaazaAuthFilter::notAuthenticated);
  }

  private SpaazaCaller bySession(String userHeader, String key, String chainHeader) {
    Optional<Long> userId = positiveLong(userHeader);
    Optional<Long> chainId = positiveLong(chainHeader);
    if (userId.isEmpty()
        || chainId.isEmpty()
        || key == null
        || !credentials.isSession(userId.get(), key)) {
      throw notAuthenticated();
    }
    AccessLevel level =
        credentials
            .accessOf(userId.get(), chainId.get())
            .orElseThrow(
                () ->
                    new SpaazaException(
                        SpaazaError.PERMISSION_DENIED,
                        "You have no access to chain " + chainId.get() + "."));
    return new SpaazaCaller(chainId.get(), level);
  }

  private static Optional<Long> positiveLong(String text) {
    try {
      long value = Long.parseLong(text == null ? "" : text.trim());
      return value > 0 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static SpaazaException notAuthenticated() {
    return new SpaazaException(SpaazaError.NOT_AUTHENTICATED);
  }
}

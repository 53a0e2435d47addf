package dev.standin.server.apify.auth;

import dev.standin.server.apify.store.User;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The authenticated user of the current request, put there by {@link AuthFilter}. */
public final class Caller {

  private static final String PROPERTY = Caller.class.getName();

  private Caller() {}

  static void set(ContainerRequestContext request, User user) {
    request.setProperty(PROPERTY, user);
  }

  /**
   * The caller, when the request was authenticated: public routes have none, nor have {@link
   * dev.standin.server.kernel.http.TokenOptional} routes requested without a token.
   */
  public static java.util.Optional<User> find(ContainerRequestContext request) {
    return java.util.Optional.ofNullable((User) request.getProperty(PROPERTY));
  }

  /**
   * The caller of a route that needs a token: the auth filter refused the request otherwise, so
   * this is never absent there.
   */
  public static User of(ContainerRequestContext request) {
    Object user = request.getProperty(PROPERTY);
    if (user == null) {
      throw new IllegalStateException("no authenticated caller on this request");
    }
    return (User) user;
  }
}

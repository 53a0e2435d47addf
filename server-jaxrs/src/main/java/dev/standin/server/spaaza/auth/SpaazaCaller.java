package dev.standin.server.spaaza.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Who is calling and on which chain: a privileged token (always {@code write} on its own chain) or
 * an admin session (its level on the chain named by the session's chain header).
 */
public record SpaazaCaller(long chainId, AccessLevel access) {

  private static final String PROPERTY = SpaazaCaller.class.getName();

  static void set(ContainerRequestContext request, SpaazaCaller caller) {
    request.setProperty(PROPERTY, caller);
  }

  /** The caller, when the request was authenticated (not on public routes or OPTIONS). */
  public static Optional<SpaazaCaller> find(ContainerRequestContext request) {
    return Optional.ofNullable((SpaazaCaller) request.getProperty(PROPERTY));
  }

  /** The caller; every task route is authenticated, so this is never absent inside a resource. */
  public static SpaazaCaller of(ContainerRequestContext request) {
    Object caller = request.getProperty(PROPERTY);
    if (caller == null) {
      throw new IllegalStateException("no authenticated Spaaza caller on this request");
    }
    return (SpaazaCaller) caller;
  }
}

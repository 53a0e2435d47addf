package dev.standin.server.kernel.state;

import dev.standin.admin.server.api.StateApi;
import dev.standin.server.kernel.http.PublicRoute;
import dev.standin.server.kernel.http.Unlimited;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The admin API on the Apify port, {@code spec/src/main/openapi/admin/} (generated {@link
 * StateApi}): not part of either vendor's API, served only when the server has an admin token, and
 * only to callers who send it ({@code Authorization: Bearer <admin token>}). Reset, load a seed,
 * export a snapshot, say what exists; every change is atomic ({@link ServerState}).
 */
@PublicRoute // not a vendor route: the vendor's credentials do not apply; the admin token does
@Unlimited
public class AdminResource implements StateApi {

  private static final String JSON = MediaType.APPLICATION_JSON;

  private final ServerState state;
  private final byte[] token;

  /** The request's headers (a proxy Jersey fills per request): the admin token is checked here. */
  @Context private HttpHeaders headers;

  public AdminResource(ServerState state, String token) {
    this.state = state;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Response getSummary() {
    return guarded(() -> Response.ok(json(state.summary()), JSON).build());
  }

  @Override
  public Response getSnapshot() {
    return guarded(() -> Response.ok(state.exportBytes(), JSON).build());
  }

  @Override
  public Response loadSeed(InputStream body, String mode) {
    return guarded(
        () -> {
          SeedMode seedMode = SeedMode.parse(mode);
          state.load(body == null ? new byte[0] : readAll(body), seedMode);
          return Response.noContent().build();
        });
  }

  @Override
  public Response reset(String to) {
    return guarded(
        () -> {
          state.reset(toSeed(to), null, null);
          return Response.noContent().build();
        });
  }

  @Override
  public Response resetScope(String section, String scope, String to) {
    return guarded(
        () -> {
          state.reset(toSeed(to), section, scope);
          return Response.noContent().build();
        });
  }

  private static byte[] readAll(InputStream body) {
    try {
      return body.readAllBytes();
    } catch (IOException e) {
      throw new SeedException("$", "cannot be read: " + e.getMessage());
    }
  }

  private static boolean toSeed(String to) {
    if (to == null || to.equals("seed")) {
      return true;
    }
    if (to.equals("empty")) {
      return false;
    }
    throw new IllegalArgumentException("to must be seed or empty, got '" + to + "'");
  }

  private interface Call {
    Response run();
  }

  private Response guarded(Call call) {
    String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8))) {
      return error(
          Response.Status.UNAUTHORIZED,
          "admin-token-required",
          "Send the admin token: Authorization: Bearer <admin token>.");
    }
    try {
      return call.run();
    } catch (SeedException e) {
      return error(Response.Status.BAD_REQUEST, "invalid-seed", e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(Response.Status.BAD_REQUEST, "invalid-parameter", e.getMessage());
    }
  }

  private static Response error(Response.Status status, String type, String message) {
    return Response.status(status)
        .type(JSON)
        .entity(json(Map.of("error", Map.of("type", type, "message", message))))
        .build();
  }

  private static byte[] json(Object value) {
    try {
      return ServerState.mapper().writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an admin answer", e);
    }
  }
}

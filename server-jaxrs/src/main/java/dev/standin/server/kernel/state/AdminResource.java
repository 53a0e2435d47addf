package dev.standin.server.kernel.state;

import dev.standin.server.kernel.http.PublicRoute;
import dev.standin.server.kernel.http.Unlimited;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The admin API on the operations port ({@code spec/src/main/openapi/admin/}): not part of either
 * vendor's API, served only when the server has an admin token, and only to callers who send it
 * ({@code Authorization: Bearer <admin token>}). Reset, load a seed, export a snapshot, say what
 * exists; every change is atomic ({@link ServerState}).
 */
@PublicRoute // not a vendor route: the vendor's credentials do not apply; the admin token does
@Unlimited
@Path("/__admin")
public class AdminResource {

  private static final String JSON = MediaType.APPLICATION_JSON;

  private final ServerState state;
  private final byte[] token;

  public AdminResource(ServerState state, String token) {
    this.state = state;
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @GET
  @Path("summary")
  public Response summary(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return guarded(authorization, () -> Response.ok(json(state.summary()), JSON).build());
  }

  @GET
  @Path("snapshot")
  public Response snapshot(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    return guarded(authorization, () -> Response.ok(state.exportBytes(), JSON).build());
  }

  @POST
  @Path("seed")
  public Response seed(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("mode") String mode,
      byte[] body) {
    return guarded(
        authorization,
        () -> {
          SeedMode seedMode = mode == null ? SeedMode.KEEP : SeedMode.parse(mode);
          state.load(body == null ? new byte[0] : body, seedMode);
          return Response.noContent().build();
        });
  }

  @POST
  @Path("reset")
  public Response reset(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("to") String to) {
    return guarded(
        authorization,
        () -> {
          state.reset(toSeed(to), null, null);
          return Response.noContent().build();
        });
  }

  @POST
  @Path("reset/{section}/{scope}")
  public Response resetScope(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("section") String section,
      @PathParam("scope") String scope,
      @QueryParam("to") String to) {
    return guarded(
        authorization,
        () -> {
          state.reset(toSeed(to), section, scope);
          return Response.noContent().build();
        });
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

  private Response guarded(String authorization, Call call) {
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

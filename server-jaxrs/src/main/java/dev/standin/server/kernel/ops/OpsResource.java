package dev.standin.server.kernel.ops;

import dev.standin.server.kernel.http.PublicRoute;
import dev.standin.server.kernel.store.Database;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes for operators, public like the docs (no token): {@code /health} (the process answers),
 * {@code /ready} (and so does the store) and {@code /metrics} (Prometheus). Served on the Apify
 * API's port only; they are not part of either vendor's API.
 */
@PublicRoute
@Path("/")
public class OpsResource {

  private static final Logger LOG = LoggerFactory.getLogger(OpsResource.class);
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Database store;
  private final Metrics metrics;

  public OpsResource(Database store, Metrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @GET
  @Path("health")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @GET
  @Path("ready")
  @Produces(MediaType.APPLICATION_JSON)
  public Response ready() {
    try {
      store.ping();
      return Response.ok(Map.of("status", "UP")).build();
    } catch (RuntimeException e) {
      LOG.warn("readiness check: the store does not answer: {}", e.getMessage());
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .entity(Map.of("status", "DOWN", "reason", "the store does not answer"))
          .build();
    }
  }

  @GET
  @Path("metrics")
  @Produces(PROMETHEUS_TEXT)
  public String metrics() {
    return metrics.scrape();
  }
}

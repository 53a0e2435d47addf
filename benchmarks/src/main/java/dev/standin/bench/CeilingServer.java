package dev.standin.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The most this stack can do for a task-input merge: Jersey on Jetty with Jackson, one resource, an
 * in-memory map, nothing else. Benchmarks report the real server as a ratio of this.
 */
public final class CeilingServer {

  private CeilingServer() {}

  /** {@code PUT /v2/actor-tasks/{id}/input}: a top-level merge into memory. */
  @Path("/v2/actor-tasks/{id}/input")
  public static final class InputResource {
    private static final Map<String, Map<String, Object>> INPUTS = new ConcurrentHashMap<>();

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> merge(@PathParam("id") String id, Map<String, Object> patch) {
      return INPUTS.compute(
          id,
          (key, current) -> {
            Map<String, Object> merged =
                current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
            merged.putAll(patch);
            return merged;
          });
    }
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    ResourceConfig app = new ResourceConfig(InputResource.class).register(JacksonFeature.class);
    Server server =
        JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:" + port + "/"), app);
    System.out.println("Ceiling server listening on http://127.0.0.1:" + port + "/");
    server.join();
  }
}

package dev.standin.server.kernel.module;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.kernel.docs.DocsResource;
import dev.standin.server.kernel.errors.JaxRsExceptionMapper;
import dev.standin.server.kernel.errors.JsonExceptionMapper;
import dev.standin.server.kernel.errors.UnexpectedExceptionMapper;
import dev.standin.server.kernel.errors.VendorErrors;
import dev.standin.server.kernel.errors.VendorExceptionMapper;
import dev.standin.server.kernel.http.Authenticated;
import dev.standin.server.kernel.http.Created;
import dev.standin.server.kernel.http.CurrentRequest;
import dev.standin.server.kernel.http.JacksonConfig;
import dev.standin.server.kernel.ops.Metrics;
import dev.standin.server.kernel.ops.OpsResource;
import dev.standin.server.kernel.ops.RequestObserver;
import dev.standin.server.kernel.state.AdminResource;
import dev.standin.server.kernel.wire.BodyDecodingInterceptor;
import dev.standin.server.kernel.wire.BodyLimit;
import dev.standin.server.kernel.wire.ErrorResponder;
import dev.standin.server.kernel.wire.JettyWire;
import dev.standin.server.kernel.wire.LocalRateLimiter;
import dev.standin.server.kernel.wire.PlainPathFilter;
import dev.standin.server.kernel.wire.RateLimitFilter;
import dev.standin.server.kernel.wire.RateLimiter;
import dev.standin.server.kernel.wire.RateLimits;
import dev.standin.server.kernel.wire.RequestBodyFilter;
import dev.standin.server.kernel.wire.SizedAnswers;
import dev.standin.server.kernel.wire.WireExceptionMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey set-up both APIs share, and starting it on a port. Each API hands over what makes it
 * its own (JSON mapper, authentication, error shape, how callers are keyed for rate limits) and
 * then registers its exception mappers and resources on the returned application.
 */
public final class ApiApplication {

  /**
   * Jersey warns, twice per resource and start, that a resource registered as an instance "will be
   * ignored" as a provider (Jersey issue #3700); it is served as a resource all the same (ADR
   * 0021). Quietened at its source, for the jar and for servers started inside a test suite alike.
   * Held here because java.util.logging keeps only weak references to its loggers.
   */
  private static final Logger JERSEY_PROVIDER_CHECKS =
      Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

  static {
    JERSEY_PROVIDER_CHECKS.setLevel(Level.SEVERE);
  }

  private ApiApplication() {}

  /** What differs between the APIs in the shared part of their set-up. */
  public record Parts(
      ObjectMapper mapper,
      ContainerRequestFilter authentication,
      VendorErrors<?> errors,
      Function<ContainerRequestContext, Optional<String>> callerKey) {}

  /**
   * An application with JSON, the current request, request metrics and IDs, paths without matrix
   * parameters (404 otherwise), authentication of every route that is not a {@code @PublicRoute},
   * the vendor's body limit and decodings, rate limits, every error (wire, JAX-RS, JSON, the API's
   * own, unexpected) in the API's shape, {@code 201 Location} handling, the API's docs and, when
   * the context says so, the operations routes.
   */
  public static ResourceConfig create(Parts parts, ModuleContext context) {
    String api = parts.errors().api();
    Metrics metrics = context.metrics();
    RateLimits rateLimits = context.rateLimits();
    RateLimiter limiter =
        context.sharedRateLimiter() != null
            ? context.sharedRateLimiter().forApi(api)
            : new LocalRateLimiter(rateLimits.longestPeriod());
    ResourceConfig app =
        new ResourceConfig()
            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
            .register(JacksonFeature.withoutExceptionMappers())
            .register(new JacksonConfig(parts.mapper()))
            .register(new CurrentRequest())
            .register(new RequestObserver(api, metrics))
            .register(new Authenticated(parts.authentication()))
            .register(new PlainPathFilter())
            .register(new RequestBodyFilter(BodyLimit.VENDOR))
            .register(new BodyDecodingInterceptor(BodyLimit.VENDOR))
            .register(new SizedAnswers())
            .register(
                new RateLimitFilter(
                    limiter, rateLimits, parts.callerKey(), () -> metrics.rateLimitRejected(api)))
            .register(new WireExceptionMapper(parts.errors()))
            .register(new VendorExceptionMapper(parts.errors()))
            .register(new JsonExceptionMapper(parts.errors()))
            .register(new JaxRsExceptionMapper(parts.errors()))
            .register(new UnexpectedExceptionMapper(parts.errors()))
            .register(Created.class)
            .register(new DocsResource(api, context.otherApis()));
    if (context.servesOperations()) {
      app.register(new OpsResource(context.database(), metrics));
      if (context.adminToken() != null) {
        app.register(new AdminResource(context.state(), context.adminToken()));
      }
    }
    return app;
  }

  /** A started listener and the address it really listens on (port 0 asks for a free one). */
  public record Listening(Server http, URI baseUri) {

    /** Stops accepting connections and lets requests in flight finish within {@code grace}. */
    public void stop(Duration grace) {
      try {
        Listeners.stop(http, grace);
      } catch (Exception e) {
        throw new IllegalStateException("the listener on " + baseUri + " did not stop cleanly", e);
      }
    }
  }

  /**
   * Starts {@code app} on the already bound {@code port}, which the listener takes over (and closes
   * when it stops).
   */
  public static Listening listen(BoundPort port, ResourceConfig app, ErrorResponder errors) {
    String where = port.host() + ":" + port.port();
    Server http = Listeners.create(URI.create("http://" + where + "/"), app);
    JettyWire.harden(http, errors);
    try {
      ((ServerConnector) http.getConnectors()[0]).open(port.takeChannel());
      http.start();
    } catch (Exception e) {
      try {
        http.stop();
      } catch (Exception ignored) {
        // already failing: the first error is the one to report
      }
      throw new IllegalStateException("cannot listen on " + where + ": " + e.getMessage(), e);
    }
    return new Listening(http, URI.create("http://" + where + "/"));
  }
}

package dev.standin.server.kernel.module;

import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** Jetty servers for the Jersey apps, able to stop gracefully. */
public final class Listeners {

  private static final Duration SHUTDOWN_IDLE = Duration.ofSeconds(5);

  private Listeners() {}

  /**
   * A Jetty server (not yet started) for {@code app} that, when stopped, first stops accepting
   * connections, then lets requests in flight finish for at most the server's stop timeout.
   */
  public static Server create(URI uri, ResourceConfig app) {
    Server http = JettyHttpContainerFactory.createServer(uri, app, false);
    // Jersey's factory sets only the port, which binds every interface; listen where asked (the
    // default 127.0.0.1 keeps a sandbox with a well-known token off the network).
    for (Connector connector : http.getConnectors()) {
      if (connector instanceof ServerConnector c) {
        c.setHost(uri.getHost());
      }
    }
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(http.getHandler());
    http.setHandler(graceful);
    return http;
  }

  /** Stops {@code http}, waiting at most {@code grace} for requests in flight. */
  public static void stop(Server http, Duration grace) throws Exception {
    http.setStopTimeout(grace.toMillis());
    // Once shutdown starts, Jetty closes connections silent for this long: idle keep-alive
    // connections must go soon (stop waits for them), but a request whose body is still arriving
    // deserves more than Jetty's default of 1 s.
    long idle = Math.max(1, Math.min(grace.toMillis(), SHUTDOWN_IDLE.toMillis()));
    for (Connector connector : http.getConnectors()) {
      if (connector instanceof AbstractConnector c) {
        c.setShutdownIdleTimeout(idle);
      }
    }
    http.stop();
  }
}

package dev.standin.server.kernel.wire;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;

/** The Jetty settings every API's listener shares; call before starting the server. */
public final class JettyWire {

  private JettyWire() {}

  /**
   * Answers Jetty's own refusals in the API's JSON shape, lets opaque IDs through (a path like
   * {@code /v2/actor-tasks/..%2Fx} must reach the API and get its 404 instead of being refused by
   * Jetty with an empty 400; nothing here serves files), and lets a client still sending a body
   * read an answer given before the body was read ({@link UnreadBodyDrain}).
   */
  public static void harden(Server http, ErrorResponder responder) {
    http.setErrorHandler(new JsonErrorHandler(responder));
    http.setHandler(new UnreadBodyDrain(http.getHandler()));
    for (var connector : http.getConnectors()) {
      var factory = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (factory != null) {
        factory.getHttpConfiguration().setUriCompliance(UriCompliance.UNSAFE);
        factory.getHttpConfiguration().setSendServerVersion(false);
      }
    }
  }
}

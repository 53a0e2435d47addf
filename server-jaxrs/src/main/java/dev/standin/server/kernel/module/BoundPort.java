package dev.standin.server.kernel.module;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.UnresolvedAddressException;

/**
 * A port an API will listen on, bound before the API creates anything: a start whose port is taken
 * stops before any store is written or credential created. The API's listener later accepts on this
 * socket ({@link ApiApplication#listen}); until then it accepts nothing.
 */
public final class BoundPort implements AutoCloseable {

  private final String host;
  private final String option;
  private final ServerSocketChannel channel;
  private boolean handedOver;

  private BoundPort(String host, String option, ServerSocketChannel channel) {
    this.host = host;
    this.option = option;
    this.channel = channel;
  }

  /**
   * Binds {@code host:port}.
   *
   * @param option the command-line option that sets the port, named when it cannot be bound
   * @throws IllegalStateException with one line saying what to change
   */
  public static BoundPort bind(String host, int port, String option) {
    String where = host + ":" + port;
    ServerSocketChannel channel;
    try {
      channel = ServerSocketChannel.open();
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + where + ": " + e.getMessage(), e);
    }
    try {
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true); // as Jetty's own listeners
      channel.bind(new InetSocketAddress(host, port));
      return new BoundPort(host, option, channel);
    } catch (BindException e) {
      closeQuietly(channel);
      String reason = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (reason.contains("in use")) {
        throw new IllegalStateException(
            "cannot listen on "
                + where
                + ": address already in use; pick another "
                + option
                + " (or stop the process that holds it)",
            e);
      }
      throw new IllegalStateException(
          "cannot listen on " + where + ": " + reason + "; check --host and " + option, e);
    } catch (IOException | IllegalArgumentException e) {
      closeQuietly(channel);
      String reason =
          e instanceof UnresolvedAddressException ? "unknown host " + host : e.getMessage();
      throw new IllegalStateException(
          "cannot listen on " + where + ": " + reason + "; check --host and " + option, e);
    }
  }

  /** The interface bound, as it was asked for. */
  public String host() {
    return host;
  }

  /** The port really bound (a free one when 0 was asked for). */
  public int port() {
    return channel.socket().getLocalPort();
  }

  /** The option that sets this port, e.g. {@code --port}. */
  public String option() {
    return option;
  }

  /** The socket, for the listener that takes it over (and closes it when it stops). */
  ServerSocketChannel takeChannel() {
    if (handedOver) {
      throw new IllegalStateException(host + ":" + port() + " is already taken over");
    }
    handedOver = true;
    return channel;
  }

  /** Releases the port unless a listener took it over. */
  @Override
  public void close() {
    if (!handedOver) {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(ServerSocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was served on it
    }
  }
}

package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server listens only where it is told: by default on 127.0.0.1, so a sandbox with a well-known
 * token is not reachable from the network. Checked from this machine's own non-loopback address,
 * when it has one.
 */
class ListenAddressTest {

  @TempDir Path dataDir;

  @Test
  void theDefaultListenersAreReachableOnLoopbackOnly() throws IOException {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

    try (StandinServer server = StandinServer.start(ServerConfig.forDataDir(dataDir))) {
      for (URI base : new URI[] {server.baseUri(), server.spaaza().baseUri()}) {
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        connect(new InetSocketAddress("127.0.0.1", base.getPort())); // reachable here
        assertThatThrownBy(() -> connect(new InetSocketAddress(external.get(), base.getPort())))
            .as("port %d on %s", base.getPort(), external.get())
            .isInstanceOf(IOException.class);
      }
    }
  }

  private static void connect(InetSocketAddress address) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, 2_000);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(ListenAddressTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}

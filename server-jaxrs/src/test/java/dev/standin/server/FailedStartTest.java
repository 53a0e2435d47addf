package dev.standin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start whose port is taken stops before it creates anything, says which option to change, and
 * leaves the one-time credentials to the next start that succeeds.
 */
class FailedStartTest {

  @TempDir Path dataDir;

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(err, true));
  }

  @Test
  void spaazaPortTakenCreatesNoCredentialsAndNamesTheOption() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int exit =
          run(
              "--port=0",
              "--spaaza-port=" + taken.getLocalPort(),
              "--data-dir=" + dataDir,
              "--host=127.0.0.1");

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip())
          .doesNotContain("\n")
          .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("address already in use; pick another --spaaza-port");
    }
    assertTheNextStartPrintsTheCredentials();
  }

  @Test
  void apifyPortTakenNamesItsOption() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int exit =
          run(
              "--port=" + taken.getLocalPort(),
              "--spaaza-port=0",
              "--data-dir=" + dataDir,
              "--host=127.0.0.1");

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString()).contains("address already in use; pick another --port ");
    }
    assertTheNextStartPrintsTheCredentials();
  }

  private void assertTheNextStartPrintsTheCredentials() {
    try (StandinServer server = StandinServer.start(ServerConfig.forDataDir(dataDir))) {
      assertThat(server.createdToken()).as("the default user's token").isPresent();
      assertThat(server.spaaza().createdChain()).as("chain 1 and its token").isPresent();
    }
  }
}

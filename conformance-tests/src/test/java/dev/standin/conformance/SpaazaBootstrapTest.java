package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.spaaza.auth.SpaazaCredentials.CreatedChain;
import dev.standin.spaaza.client.SpaazaClient;
import dev.standin.spaaza.model.Task;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First start on an empty store: a chain and a working token, created once. */
class SpaazaBootstrapTest {

  private static final SpecValidator VALIDATOR = new SpecValidator("/openapi/spaaza.yaml");

  @TempDir Path dataDir;

  @Test
  void theFirstStartCreatesAChainWithAWorkingTokenAndLaterStartsDoNot() {
    CreatedChain chain;
    long taskId;
    try (StandinServer first = StandinServer.start(ServerConfig.forDataDir(dataDir))) {
      assertThat(first.spaaza().createdChain()).isPresent();
      chain = first.spaaza().createdChain().get();
      SpaazaClient client = client(first, chain);
      Task task = client.tasks().create(SpaazaConformanceTest.newTaskRequestFor(chain.chainId()));
      assertThat(task.getChain()).isEqualTo(chain.chainId());
      taskId = task.getId();
    }
    try (StandinServer second = StandinServer.start(ServerConfig.forDataDir(dataDir))) {
      assertThat(second.spaaza().createdChain()).isEmpty();
      assertThat(client(second, chain).task(taskId).get().getId()).isEqualTo(taskId);
    }
    assertThat(VALIDATOR.drainViolations()).isEmpty();
  }

  private static SpaazaClient client(StandinServer server, CreatedChain chain) {
    return SpaazaClient.builder()
        .baseUrl(server.spaaza().baseUri().toString())
        .token(chain.tokenId(), chain.tokenSecret())
        .httpClientBuilder(SpecValidatingHttpClient.builder(VALIDATOR))
        .build();
  }
}

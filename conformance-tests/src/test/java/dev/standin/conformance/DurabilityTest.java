package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.client.ApifyClient;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.CreateTaskRequest;
import dev.standin.apify.model.Task;
import dev.standin.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process, killed with SIGKILL right after its last answer: every write it
 * acknowledged must be there when it starts again.
 */
class DurabilityTest {

  private static final String TOKEN = "apify_api_durableDurableDurableDurable01";
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  @TempDir Path dataDir;

  private record ServerProcess(Process process, String baseUrl) {}

  private ServerProcess startServer() throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--port",
                "0",
                "--data-dir",
                dataDir.toString(),
                "--user",
                "dora:" + TOKEN)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return new ServerProcess(process, m.group(1));
      }
    }
    throw new IllegalStateException("the server process exited before listening");
  }

  private static ApifyClient client(ServerProcess server) {
    return ApifyClient.builder().baseUrl(server.baseUrl()).token(TOKEN).build();
  }

  @Test
  void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
    ServerProcess first = startServer();
    Task task;
    int writes = 40;
    try {
      ApifyClient client = client(first);
      client.actors().create(new CreateActorRequest().name("durable-actor"));
      task =
          client
              .tasks()
              .create(new CreateTaskRequest().actId("~durable-actor").name("durable-task"));
      for (int i = 0; i < writes; i++) {
        client.task(task.getId()).updateInput(Map.of("write-" + i, i));
      }
    } finally {
      first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
      first.process().waitFor(30, TimeUnit.SECONDS);
    }

    ServerProcess second = startServer();
    try {
      Map<String, Object> input = client(second).task("dora/durable-task").getInput().orElseThrow();
      assertThat(input).hasSize(writes);
      for (int i = 0; i < writes; i++) {
        assertThat(input).containsEntry("write-" + i, i);
      }
    } finally {
      second.process().destroyForcibly();
      second.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}

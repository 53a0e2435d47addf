package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.StateConfig;
import dev.standin.server.kernel.state.SeedMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apify's own JavaScript client ({@code apify-client} 2.25 from npm, unchanged) against our server,
 * as a user runs it: {@code src/test/js/apify-client-check.mjs} makes every call issue 16 lists and
 * checks each answer against what the vendor documents; this test fails when it exits non-zero and
 * shows its report.
 *
 * <p>The package is installed with {@code npm ci} from the committed lockfile into {@code
 * target/js-client/} and reused while the lockfile is unchanged, so only a clean build reaches the
 * npm registry. The test is skipped, saying why, when {@code node} or {@code npm} is missing or the
 * registry cannot be reached for a first install. One server (the embedded store: the script checks
 * the client's view of the wire, which does not depend on the backend), one run of {@code node}.
 */
class ApifyJsClientTest {

  private static final NpmProject CLIENT = NpmProject.APIFY_CLIENT;

  /**
   * Installs the client before the server starts, so that without node, npm or the package the test
   * is skipped (with the reason in the report) at once.
   */
  @Test
  void theOfficialJavaScriptClientWorksUnchanged(@TempDir Path dataDir) throws IOException {
    CLIENT.install();

    NpmProject.Result check;
    try (ServerHarness server =
        new ServerHarness(Backend.SQLITE, dataDir, new SpecValidator("/openapi/apify.yaml"))) {
      String base = server.baseUri().toString().replaceAll("/+$", "");
      check =
          CLIENT.run(
              List.of("node", "apify-client-check.mjs", base, ServerHarness.ALICE_TOKEN), 90);
    }

    System.out.println(check.output()); // the per-call report, also when every call passed
    assertThat(check.exitCode())
        .as("apify-client-check.mjs exit code; its report:%n%s", check.output())
        .isZero();
    assertThat(check.output()).contains("calls as documented").doesNotContain("FAIL ");
  }

  /**
   * The README's Node example ("Use it in your tests"), as written, on the README's seed with the
   * admin token it names: only the address changes to the test server's.
   */
  @Test
  void theReadmeNodeExampleRunsAsWritten(@TempDir Path dataDir) throws IOException {
    CLIENT.install();
    String readme = ReadmeTest.readme();
    byte[] seed =
        ReadmeTest.blocks(ReadmeTest.section(readme, "Seeds, snapshots and the admin API"), "json")
            .get(0)
            .getBytes(StandardCharsets.UTF_8);
    List<String> examples =
        ReadmeTest.blocks(ReadmeTest.section(readme, "Use it in your tests"), "js");
    assertThat(examples).hasSize(1);

    NpmProject.Result run;
    ServerConfig config =
        Backend.MEMORY
            .newConfig(dataDir)
            .withState(
                StateConfig.NONE
                    .withSeed("README seed", seed, SeedMode.KEEP)
                    .withAdmin("test-admin-token"));
    try (StandinServer server = StandinServer.start(config)) {
      String base = server.baseUri().toString().replaceAll("/+$", "");
      String example = examples.get(0);
      assertThat(example).contains("'http://127.0.0.1:8080'");
      CLIENT.write("readme-example.cjs", example.replace("http://127.0.0.1:8080", base));
      run = CLIENT.run(List.of("node", "mocha-globals.cjs", "readme-example.cjs"), 60);
    }
    System.out.println(run.output());
    assertThat(run.exitCode()).as("the README's example; its report:%n%s", run.output()).isZero();
    assertThat(run.output()).contains("2 of 2 passed");
  }
}

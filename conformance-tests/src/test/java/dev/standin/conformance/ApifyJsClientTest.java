package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

  private static final NpmProject CLIENT =
      new NpmProject(
          "js",
          "js-client",
          List.of("package.json", "package-lock.json", "apify-client-check.mjs"),
          "run Apify's JavaScript client");

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
}

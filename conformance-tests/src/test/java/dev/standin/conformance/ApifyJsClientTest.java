package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private static final Path SOURCES = moduleDir().resolve("src/test/js");
  private static final Path WORK = moduleDir().resolve("target/js-client");
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "apify-client-check.mjs");

  /**
   * Installs the client before the server starts, so that without node, npm or the package the test
   * is skipped (with the reason in the report) at once.
   */
  @Test
  void theOfficialJavaScriptClientWorksUnchanged(@TempDir Path dataDir) throws IOException {
    requireTool("node", "--version");
    requireTool("npm", "--version");
    installClient();

    Result check;
    try (ServerHarness server =
        new ServerHarness(Backend.SQLITE, dataDir, new SpecValidator("/openapi/apify.yaml"))) {
      String base = server.baseUri().toString().replaceAll("/+$", "");
      check = run(List.of("node", "apify-client-check.mjs", base, ServerHarness.ALICE_TOKEN), 90);
    }

    System.out.println(check.output()); // the per-call report, also when every call passed
    assertThat(check.exitCode())
        .as("apify-client-check.mjs exit code; its report:%n%s", check.output())
        .isZero();
    assertThat(check.output()).contains("calls as documented").doesNotContain("FAIL ");
  }

  /** Surefire runs in the module directory; an IDE may run in the repository root. */
  private static Path moduleDir() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("src/test/js"))
        ? here
        : here.resolve("conformance-tests");
  }

  /** Copies the script and package files to target/ and runs {@code npm ci} when needed. */
  private static void installClient() throws IOException {
    Files.createDirectories(WORK);
    for (String file : FILES) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path installedLock = WORK.resolve("node_modules/.standin-installed-lock.json");
    byte[] lock = Files.readAllBytes(WORK.resolve("package-lock.json"));
    if (Files.exists(installedLock) && Arrays.equals(Files.readAllBytes(installedLock), lock)) {
      return; // installed from this very lockfile by an earlier run
    }
    // A quick look first: npm retries an unreachable registry for minutes.
    Result ping = run(List.of("npm", "ping", "--fetch-retries=0", "--fetch-timeout=10000"), 30);
    if (ping.exitCode() != 0) {
      Result offline = run(List.of("npm", "ci", "--offline", "--no-audit", "--no-fund"), 120);
      if (offline.exitCode() != 0) {
        abort(
            "Skipped: the npm registry cannot be reached (`npm ping` failed) and npm's cache"
                + " cannot install apify-client offline:\n"
                + head(ping.output()));
      }
    } else {
      Result install =
          run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"), 180);
      if (install.exitCode() != 0) {
        throw new AssertionError(
            "`npm ci` failed with the registry reachable:\n" + install.output());
      }
    }
    Files.write(installedLock, lock);
  }

  /** Skips the test when {@code tool} cannot be started. */
  private static void requireTool(String... command) {
    try {
      Result version = run(List.of(command), 30);
      if (version.exitCode() != 0) {
        abort("Skipped: `" + String.join(" ", command) + "` failed:\n" + version.output());
      }
    } catch (UncheckedIOException e) {
      abort(
          "Skipped: `"
              + command[0]
              + "` is not installed (Node.js 18 or later with npm is needed to run Apify's"
              + " JavaScript client): "
              + e.getCause().getMessage());
    }
  }

  private record Result(int exitCode, String output) {}

  /** Runs {@code command} in target/js-client, output and errors in one text. */
  private static Result run(List<String> command, int timeoutSeconds) {
    try {
      Files.createDirectories(WORK);
      Path log = Files.createTempFile(WORK, "run-", ".log");
      try {
        Process process =
            new ProcessBuilder(new ArrayList<>(command))
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor();
          return new Result(
              -1,
              "`"
                  + String.join(" ", command)
                  + "` did not finish within "
                  + timeoutSeconds
                  + " s; its output:\n"
                  + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String head(String text) {
    return text.strip().lines().limit(4).collect(java.util.stream.Collectors.joining("\n"));
  }
}

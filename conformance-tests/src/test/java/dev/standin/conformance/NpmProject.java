package dev.standin.conformance;

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
import java.util.stream.Collectors;

/**
 * A Node.js script with its npm packages, as the build runs it: the files of {@code
 * src/test/<folder>} (a {@code package.json} with a committed {@code package-lock.json}) are copied
 * to {@code target/<work>/}, where {@code npm ci} installs the packages once and again only when
 * the lockfile changes, so only a clean build reaches the npm registry. The calling test is
 * skipped, saying why, when {@code node} or {@code npm} is missing or the registry cannot be
 * reached for a first install.
 */
final class NpmProject {

  private final Path sources;
  private final Path work;
  private final List<String> files;
  private final String purpose;

  /**
   * @param purpose what the packages are for, completing "Node.js with npm is needed to …"
   */
  NpmProject(String folder, String work, List<String> files, String purpose) {
    this.sources = moduleDir().resolve("src/test").resolve(folder);
    this.work = moduleDir().resolve("target").resolve(work);
    this.files = List.copyOf(files);
    this.purpose = purpose;
  }

  record Result(int exitCode, String output) {}

  /** Writes a file of the test's own (a script it built) into the project, beside the packages. */
  void write(String name, String content) throws IOException {
    Files.writeString(work.resolve(name), content, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Surefire runs in the module directory; an IDE may run in the repository root. */
  private static Path moduleDir() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("src/test/js"))
        ? here
        : here.resolve("conformance-tests");
  }

  /**
   * The {@code src/test/js} packages (Apify's JavaScript client) with every script that runs on
   * them: one install shared by the tests that use it.
   */
  static final NpmProject APIFY_CLIENT =
      new NpmProject(
          "js",
          "js-client",
          List.of(
              "package.json",
              "package-lock.json",
              "apify-client-check.mjs",
              "mocha-globals.cjs",
              "large-body-check.mjs"),
          "run Apify's JavaScript client");

  /**
   * Checks for node and npm, copies the files and runs {@code npm ci} when needed. Test JVMs run
   * side by side: a file lock lets one install while the others wait.
   */
  void install() throws IOException {
    requireTool("node", "--version");
    requireTool("npm", "--version");
    Files.createDirectories(work);
    try (java.nio.channels.FileChannel channel =
            java.nio.channels.FileChannel.open(
                work.resolveSibling(work.getFileName() + ".lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = channel.lock()) {
      installLocked();
    }
  }

  private void installLocked() throws IOException {
    for (String file : files) {
      Files.copy(sources.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path installedLock = work.resolve("node_modules/.standin-installed-lock.json");
    byte[] lock = Files.readAllBytes(work.resolve("package-lock.json"));
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
                + " cannot install "
                + sources.getFileName()
                + "/package-lock.json offline:\n"
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
  private void requireTool(String... command) {
    try {
      Result version = run(List.of(command), 30);
      if (version.exitCode() != 0) {
        abort("Skipped: `" + String.join(" ", command) + "` failed:\n" + version.output());
      }
    } catch (UncheckedIOException e) {
      abort(
          "Skipped: `"
              + command[0]
              + "` is not installed (Node.js with npm is needed to "
              + purpose
              + "): "
              + e.getCause().getMessage());
    }
  }

  /** Runs {@code command} in the work folder, output and errors in one text. */
  Result run(List<String> command, int timeoutSeconds) {
    return run(command, timeoutSeconds, false);
  }

  /** As {@link #run(List, int)}, with standard output alone when {@code stdoutOnly}. */
  Result run(List<String> command, int timeoutSeconds, boolean stdoutOnly) {
    try {
      Files.createDirectories(work);
      Path log = Files.createTempFile(work, "run-", ".log");
      Path errors = Files.createTempFile(work, "run-", ".err");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(new ArrayList<>(command))
                .directory(work.toFile())
                .redirectOutput(log.toFile());
        if (stdoutOnly) {
          builder.redirectError(errors.toFile());
        } else {
          builder.redirectErrorStream(true);
        }
        Process process = builder.start();
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
                  + Files.readString(log, StandardCharsets.UTF_8)
                  + Files.readString(errors, StandardCharsets.UTF_8));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (stdoutOnly && process.exitValue() != 0) {
          out += Files.readString(errors, StandardCharsets.UTF_8);
        }
        return new Result(process.exitValue(), out);
      } finally {
        Files.deleteIfExists(log);
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String head(String text) {
    return text.strip().lines().limit(4).collect(Collectors.joining("\n"));
  }
}

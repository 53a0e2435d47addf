package dev.standin.conformance;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for browser tests: found on the PATH (or at {@code $STANDIN_CHROMIUM}), else
 * installed once from Debian's {@code chromium} package when this user may do so (root with
 * apt-get, as on CI). Only where neither is possible are browser tests skipped, saying why.
 */
final class Chromium {

  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  /** Keeps the browser from phoning home: the test must see only what our server sends. */
  private static final List<String> QUIET_HEADLESS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--no-first-run",
          "--virtual-time-budget=15000");

  private static Path binary;

  private Chromium() {}

  /** The browser binary; installs it when possible, skips the calling test when not. */
  static synchronized Path findOrInstall() {
    if (binary != null) {
      return binary;
    }
    Optional<Path> found = find();
    if (found.isEmpty()) {
      if (!canInstall()) {
        abort(
            "Skipped: no Chromium on the PATH ("
                + String.join(", ", NAMES)
                + ") or at $STANDIN_CHROMIUM, and this user cannot install one (needs root and"
                + " apt-get). Install it with `apt-get install chromium` to run this test.");
      }
      // Waits for a dpkg lock held by another install rather than failing at once.
      String lockWait = "DPkg::Lock::Timeout=300";
      run(List.of("apt-get", "-o", lockWait, "update"), 10);
      run(
          List.of(
              "apt-get", "-o", lockWait, "install", "-y", "--no-install-recommends", "chromium"),
          15);
      found = find();
    }
    binary =
        found.orElseThrow(
            () -> new IllegalStateException("apt-get installed chromium, yet it is not on PATH"));
    return binary;
  }

  /** The DOM after the page's scripts ran, as HTML. */
  static String dumpDom(URI page, Path profile) {
    List<String> command = command(profile);
    command.add("--dump-dom");
    command.add(page.toString());
    return new String(run(command, 2), StandardCharsets.UTF_8);
  }

  /** A PNG of the rendered page. */
  static void screenshot(URI page, Path profile, Path png) {
    List<String> command = command(profile);
    command.add("--window-size=1280,2000");
    command.add("--screenshot=" + png.toAbsolutePath());
    command.add(page.toString());
    run(command, 2);
  }

  private static List<String> command(Path profile) {
    List<String> command = new ArrayList<>();
    command.add(findOrInstall().toString());
    command.addAll(QUIET_HEADLESS);
    command.add("--user-data-dir=" + profile.toAbsolutePath());
    return command;
  }

  private static Optional<Path> find() {
    String configured = System.getenv("STANDIN_CHROMIUM");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return Optional.of(Path.of(configured));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : NAMES) {
      for (String dir : path.split(":")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean canInstall() {
    try {
      return Files.isExecutable(Path.of("/usr/bin/apt-get"))
          && Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Runs a command to completion and returns its standard output; fails on a non-zero exit. */
  private static byte[] run(List<String> command, int timeoutMinutes) {
    try {
      Path errors = Files.createTempFile("chromium-test", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectError(errors.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "exit " + process.exitValue() + " from " + command + ":\n" + Files.readString(errors));
      }
      Files.deleteIfExists(errors);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

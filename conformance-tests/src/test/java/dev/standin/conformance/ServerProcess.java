package dev.standin.conformance;

import dev.standin.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a process of its own (what the kill -9 tests need): started on free ports from the
 * test classpath with the given options, returned once both APIs listen. Everything it prints goes
 * to a file of its own in {@code target/server-processes/}, for when a test fails.
 */
record ServerProcess(Process process, String apifyUrl, String spaazaUrl) {

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private static final Path LOGS = Path.of("target", "server-processes");

  /**
   * Starts {@code Main} with {@code --port 0 --spaaza-port 0} (never a default port another server
   * on this machine may hold) and {@code options}; its output (standard error merged in) is copied
   * to its log file as it comes, so a chatty server never blocks on a full pipe.
   */
  static ServerProcess start(List<String> options) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                javaBin,
                // The quick compiler alone: the process lives for seconds, what is tested is its
                // store.
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--port",
                "0",
                "--spaaza-port",
                "0"));
    command.addAll(options);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Path log = Files.createDirectories(LOGS).resolve("server-" + process.pid() + ".log");
    Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> urls = new ArrayList<>();
    for (String line; urls.size() < 2 && (line = out.readLine()) != null; ) {
      copy.write(line + "\n");
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        urls.add(m.group(1)); // the Apify API first, then Spaaza's
      }
    }
    copy.flush();
    if (urls.size() < 2) {
      process.destroyForcibly();
      copy.close();
      throw new IllegalStateException("the server process exited before listening; see " + log);
    }
    Thread drain =
        new Thread(
            () -> {
              try (copy) {
                for (String line; (line = out.readLine()) != null; ) {
                  copy.write(line + "\n");
                  copy.flush(); // readable while the test runs, and whole after a kill
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "server-process-output");
    drain.setDaemon(true);
    drain.start();
    return new ServerProcess(process, urls.get(0), urls.get(1));
  }

  /** SIGKILL: no shutdown hook, no clean close. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

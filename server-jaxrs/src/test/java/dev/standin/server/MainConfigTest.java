package dev.standin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Configuration errors stop start-up with one line and exit code 2; the file ranks last. */
class MainConfigTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return Main.run(args, env, new PrintWriter(err, true));
  }

  private void assertOneLineError(int exit, String expected) {
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains(expected);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void badFlagValue() {
    assertOneLineError(run(Map.of(), "--port", "abc"), "'abc' is not an int");
  }

  @Test
  void badValueInTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("standin.properties"), "port=abc\n");
    assertOneLineError(run(Map.of(), "--config", file.toString()), "'abc' is not an int");
    assertThat(err.toString()).contains("key 'port' in the config file " + file);
  }

  @Test
  void badValueInTheEnvironmentNamesTheVariable() {
    assertOneLineError(run(Map.of("STANDIN_PORT", "abc")), "'abc' is not an int");
    assertThat(err.toString())
        .contains("environment variable STANDIN_PORT")
        .doesNotContain("option '--port'");
  }

  @Test
  void theFlagIsNamedWhenTheFlagGaveTheValue() {
    assertOneLineError(
        run(Map.of("STANDIN_PORT", "9000"), "--port=abc"), "option '--port': 'abc' is not an int");
    assertThat(err.toString()).doesNotContain("STANDIN_PORT");
  }

  @Test
  void portOutOfRangeIsAConfigurationError() {
    assertOneLineError(
        run(Map.of(), "--port", "70000", "--data-dir", dir.toString()),
        "option '--port': 70000 is not a TCP port");
  }

  @Test
  void portOutOfRangeFromTheEnvironmentNamesTheVariable() {
    assertOneLineError(
        run(Map.of("STANDIN_SPAAZA_PORT", "-1"), "--port=0", "--data-dir", dir.toString()),
        "environment variable STANDIN_SPAAZA_PORT (--spaaza-port): -1 is not a TCP port");
  }

  @Test
  void missingConfigFileNamesItsPathOnceAndWhy() {
    Path missing = dir.resolve("missing.properties");
    assertOneLineError(run(Map.of(), "--config", missing.toString()), "no such file");
    assertThat(err.toString().split(java.util.regex.Pattern.quote(missing.toString()), -1))
        .as("the path appears once")
        .hasSize(2);
  }

  @Test
  void unknownKeyInTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("standin.properties"), "port=9\nprot=9\n");
    assertOneLineError(run(Map.of(), "--config=" + file), "unknown key(s)");
    assertThat(err.toString()).contains("prot").doesNotContain("port,");
  }

  @Test
  void unreadableFileNamedByTheEnvironment() {
    assertOneLineError(
        run(Map.of("STANDIN_CONFIG", dir.resolve("missing.properties").toString())),
        "cannot read the config file");
  }

  @Test
  void databasePoolOfNoConnections() {
    assertOneLineError(
        run(
            Map.of(),
            "--port=0",
            "--spaaza-port=0",
            "--database-url=jdbc:postgresql://127.0.0.1:1/none",
            "--database-pool-size=0"),
        "the database pool size must be at least 1, got 0");
  }

  @Test
  void unknownStore() {
    assertOneLineError(
        run(Map.of(), "--port=0", "--spaaza-port=0", "--store=redis"),
        "--store must be sqlite, memory or postgresql, got 'redis'");
  }

  @Test
  void memoryStoreWithADatabaseUrl() {
    assertOneLineError(
        run(
            Map.of(),
            "--port=0",
            "--spaaza-port=0",
            "--store=memory",
            "--database-url=jdbc:postgresql://127.0.0.1:1/none"),
        "--store memory does not take a --database-url");
  }

  @Test
  void brokenSeedFile() throws Exception {
    Path seed =
        Files.writeString(
            dir.resolve("seed.json"),
            "{\"apify\": {\"users\": [{\"username\": \"a\", \"tokens\": [\"t\", 7]}]}}");
    assertOneLineError(
        run(Map.of(), "--port=0", "--spaaza-port=0", "--store=memory", "--seed", seed.toString()),
        "the seed " + seed + " cannot be loaded: $.apify.users[0].tokens[1]: must be a string");
  }

  @Test
  void seedThatIsNotJson() throws Exception {
    Path seed = Files.writeString(dir.resolve("seed.json"), "{\"spaaza\": ");
    assertOneLineError(
        run(Map.of(), "--port=0", "--spaaza-port=0", "--store=memory", "--seed=" + seed),
        "cannot be loaded: $: not valid JSON");
  }

  @Test
  void missingSeedFile() {
    assertOneLineError(
        run(Map.of(), "--port=0", "--spaaza-port=0", "--seed", dir.resolve("none.json").toString()),
        "cannot read the seed file");
  }

  @Test
  void badSeedMode() {
    assertOneLineError(
        run(Map.of(), "--port=0", "--spaaza-port=0", "--store=memory", "--seed-mode=merge"),
        "the seed mode must be keep or replace, got 'merge'");
  }

  @Test
  void badPresetUser() {
    assertOneLineError(
        run(Map.of(), "--port", "0", "--spaaza-port", "0", "--user", "nocolon"),
        "expected username:token");
  }

  @Test
  void fileValuesApplyBelowFlagsAndEnvironment() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("standin.properties"),
            "port=9191\nspaaza-port=9192\nhost=0.0.0.0\nlog-format=json\nuser=a:t1,b:t2\n");
    Map<String, String> env = Map.of("STANDIN_HOST", "10.0.0.1");
    Main main = new Main();
    CommandLine command = new CommandLine(main);
    ConfigFile config = ConfigFile.load(file, command.getCommandSpec(), env);
    command.setDefaultValueProvider(config);
    command.parseArgs("--spaaza-port", "7000");

    assertThat(main.port).as("from the file").isEqualTo(9191);
    assertThat(main.spaazaPort).as("the flag wins").isEqualTo(7000);
    assertThat(main.logFormat).hasToString("json");
    assertThat(main.users).containsExactly("a:t1", "b:t2");
    // STANDIN_HOST is set: the file gives way to the variable.
    assertThat(main.host).isEqualTo("10.0.0.1");
    assertThat(config.defaultValue(command.getCommandSpec().findOption("--host")))
        .isEqualTo("10.0.0.1");
    assertThat(config.defaultValue(command.getCommandSpec().findOption("--port")))
        .isEqualTo("9191");
  }
}

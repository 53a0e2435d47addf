package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.spaaza.auth.PresetToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a new user follows it: its commands run as written (the curl walk-throughs in
 * {@code sh} and {@code bash} against a real server), its Java examples are the ones the build
 * compiles and runs, its coordinates are the client's, and its {@code sh} blocks are plain sh.
 */
class ReadmeTest {

  private static final Path ROOT = Path.of("..");
  private static final String TOKEN = "apify_api_readmeReadmeReadmeReadme0001";
  private static final PresetToken SPAAZA = new PresetToken(1, "readmeTokenId0001", "readmeSecret");

  @TempDir Path dataDir;

  static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  /** The code blocks of one language in {@code text}, in order. */
  static List<String> blocks(String text, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  static String section(String text, String heading) {
    int start = text.indexOf("\n## " + heading);
    assertThat(start).as("section " + heading).isNotNegative();
    int end = text.indexOf("\n## ", start + 4);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  @Test
  void theJavaExamplesAreTheOnesTheBuildRuns() throws IOException {
    String readme = readme();
    for (String example : List.of("QuickStart", "SpaazaQuickStart")) {
      String source =
          Files.readString(
              Path.of("src/test/java/dev/standin/examples/" + example + ".java"),
              StandardCharsets.UTF_8);
      String fromImports = source.substring(source.indexOf("import ")).strip();
      assertThat(blocks(readme, "java"))
          .as(example + " as it is, from its imports on")
          .anySatisfy(block -> assertThat(block.strip()).isEqualTo(fromImports));
    }
  }

  @Test
  void theTestDependencyExampleIsTheOneTheBuildRuns() throws IOException {
    String section = section(readme(), "Use it in your tests");
    Path example = ROOT.resolve("examples/junit-extension/src/test");
    String source =
        Files.readString(
            example.resolve("java/com/example/CrawlerTest.java"), StandardCharsets.UTF_8);
    assertThat(blocks(section, "java"))
        .as("CrawlerTest as it is, from its annotation on")
        .anySatisfy(
            block ->
                assertThat(block.strip())
                    .isEqualTo(source.substring(source.indexOf("@StandinTest")).strip()));
    String seed = blocks(section(readme(), "Seeds, snapshots and the admin API"), "json").get(0);
    assertThat(Files.readString(example.resolve("resources/standin-seed.json")))
        .as("the example's seed is the README's")
        .isEqualTo(seed);
  }

  @Test
  void theDependencyBlockNamesTheClientAsBuilt() throws IOException {
    String dependency = blocks(section(readme(), "Use the Java client"), "xml").get(0);
    String clientPom = Files.readString(ROOT.resolve("client-java/pom.xml"));
    String rootPom = Files.readString(ROOT.resolve("pom.xml"));

    assertThat(tag(dependency, "artifactId")).isEqualTo(tag(clientPom, "artifactId", 1));
    assertThat(tag(dependency, "groupId")).isEqualTo(tag(rootPom, "groupId"));
    assertThat(tag(dependency, "version")).isEqualTo(tag(rootPom, "version"));
  }

  private static String tag(String xml, String name) {
    return tag(xml, name, 0);
  }

  /** The text of the {@code n}-th {@code <name>} element, 0 for the first. */
  private static String tag(String xml, String name, int n) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    for (int i = 0; i <= n; i++) {
      assertThat(m.find()).as("<" + name + "> number " + (i + 1)).isTrue();
    }
    return m.group(1).trim();
  }

  @Test
  void theTwoCommandsAreTwo() throws IOException {
    String start = section(readme(), "Start the server");
    assertThat(start).contains("The two commands");
    List<String> commands =
        blocks(start, "sh").get(0).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    assertThat(commands).hasSize(2);
  }

  @Test
  void shBlocksAreShNotBash() throws Exception {
    for (String block : blocks(readme(), "sh")) {
      assertThat(block).as(block).doesNotContain("=(", "[@]", "[[");
      Process check = new ProcessBuilder("sh", "-n").redirectErrorStream(true).start();
      check.getOutputStream().write(block.getBytes(StandardCharsets.UTF_8));
      check.getOutputStream().close();
      String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor()).as("sh -n on:\n" + block + said).isZero();
    }
  }

  @Test
  void theCurlWalkThroughsRunAsWrittenInShAndBash() throws Exception {
    assumeTrue(onPath("curl"), "curl is not installed");
    String curl = section(readme(), "Try it with curl");
    List<String> walks = blocks(curl, "sh");
    assertThat(walks).hasSize(2);
    assertThat(walks.get(1)).doesNotContain("/tasks/1", "\"once\": \"20");

    ServerConfig config =
        ServerConfig.forDataDir(dataDir)
            .withUsers(List.of(new UserToken("local-user", TOKEN)))
            .withSpaaza(ServerConfig.forDataDir(dataDir).spaaza().withTokens(List.of(SPAAZA)));
    try (StandinServer server = StandinServer.start(config)) {
      int apify = server.baseUri().getPort();
      int spaaza = server.spaaza().baseUri().getPort();
      for (String shell : List.of("sh", "bash")) {
        String apifyOut =
            run(
                shell,
                walks
                    .get(0)
                    .replace("apify_api_...", TOKEN)
                    .replace("localhost:8080", "localhost:" + apify));
        assertThat(apifyOut.strip())
            .as(shell)
            .endsWith("{\"startUrls\":[\"https://example.com\"],\"maxItems\":10}");

        String spaazaOut =
            run(
                shell,
                walks
                    .get(1)
                    .replace("TOKEN_ID:TOKEN_SECRET", SPAAZA.tokenId() + ":" + SPAAZA.secret())
                    .replace("localhost:8081", "localhost:" + spaaza));
        assertThat(spaazaOut).as(shell).contains("\"export_format\":\"json\"").contains("DONE");
        // the file fetched through the link: the JSON export, after the execute's answer
        String file = spaazaOut.substring(spaazaOut.lastIndexOf("DONE"));
        assertThat(file).as(shell).contains("[").doesNotContain("error");
      }
    }
  }

  private static String run(String shell, String script) throws Exception {
    Process process =
        new ProcessBuilder(shell, "-e", "-c", script).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(shell + " finished").isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(shell + ":\n" + script + "\n" + out).isZero();
    return out;
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}

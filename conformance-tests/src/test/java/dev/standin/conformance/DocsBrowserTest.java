package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.apify.model.Actor;
import dev.standin.apify.model.CreateActorRequest;
import dev.standin.apify.model.Version;
import dev.standin.apify.model.VersionSourceType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads {@code /docs} of each API in headless Chromium, as a reviewer would, and checks that the
 * rendered page lists every PUT operation of the bundled document and offers this server (on its
 * free, non-default port) as the one "Try it out" calls. Keeps a screenshot per API in {@code
 * target/docs/}. Then clicks "Try it out" and "Execute" on {@code GET /v2/actors}, as a user would,
 * with Playwright ({@code src/test/browser/try-it-out.mjs}, {@code playwright-core} from npm,
 * installed like {@link ApifyJsClientTest}'s package; skipped without node and npm) and checks that
 * the answer shown came from this server. The page does not depend on the store, so one
 * embedded-store server serves every run.
 */
class DocsBrowserTest {

  @TempDir static Path dataDir;
  private static ServerHarness server;

  private static final NpmProject PLAYWRIGHT =
      new NpmProject(
          "browser",
          "browser",
          List.of("package.json", "package-lock.json", "try-it-out.mjs"),
          "drive Chromium with Playwright");

  @BeforeAll
  static void startServer() {
    server = new ServerHarness(Backend.SQLITE, dataDir, new SpecValidator("/openapi/apify.yaml"));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static URI docsOf(String api) {
    URI base = api.equals("spaaza") ? server.spaazaBaseUri() : server.baseUri();
    return base.resolve("docs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"apify", "spaaza"})
  void theDocsPageListsEveryPutOperation(String api, @TempDir Path profile) throws IOException {
    Chromium.findOrInstall();
    Map<String, String> puts = putSummariesByPath(bundledSpec(api));
    assertThat(puts).isNotEmpty();

    Document dom = Jsoup.parse(Chromium.dumpDom(docsOf(api), profile));

    for (Map.Entry<String, String> put : puts.entrySet()) {
      Element block =
          putBlocks(dom).stream()
              .filter(b -> put.getKey().equals(b.select("[data-path]").attr("data-path")))
              .findFirst()
              .orElse(null);
      assertThat(block).as("PUT " + put.getKey() + " on the docs page").isNotNull();
      assertThat(block.select(".opblock-summary-description").text())
          .as("summary of PUT " + put.getKey())
          .isEqualTo(put.getValue());
    }
    assertThat(putBlocks(dom)).hasSize(puts.size());

    // "Try it out" sends to the server selected here: this server, on its (non-default) port.
    URI self = api.equals("spaaza") ? server.spaazaBaseUri() : server.baseUri();
    assertThat(self.getPort()).isNotIn(8080, 8081);
    assertThat(dom.select(".servers select option").eachAttr("value"))
        .containsExactly(self.toString().replaceFirst("/$", ""));
    assertThat(dom.select("nav.standin-apis a").eachAttr("href"))
        .as("the link to the other API's page")
        .hasSize(1);

    Path screenshot = Files.createDirectories(Path.of("target", "docs")).resolve(api + ".png");
    Files.deleteIfExists(screenshot);
    Chromium.screenshot(docsOf(api), profile, screenshot);
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png).as("a PNG image").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void tryItOutOnANonDefaultPortCallsThisServer(@TempDir Path profile) throws IOException {
    Path chromium = Chromium.findOrInstall();
    PLAYWRIGHT.install();
    URI self = server.baseUri();
    assertThat(self.getPort()).isNotIn(8080, 8081);
    // Only this server knows this Actor: created here, under a name no other test uses.
    Actor mine =
        server
            .client(ServerHarness.ALICE_TOKEN)
            .actors()
            .create(
                new CreateActorRequest()
                    .name("try-it-out-" + self.getPort())
                    .versions(
                        List.of(
                            new Version()
                                .versionNumber("0.1")
                                .sourceType(VersionSourceType.GIT_REPO)
                                .gitRepoUrl("https://github.com/me/my-actor")
                                .buildTag("latest"))));

    NpmProject.Result run =
        PLAYWRIGHT.run(
            List.of(
                "node",
                "try-it-out.mjs",
                chromium.toString(),
                self.toString(),
                ServerHarness.ALICE_TOKEN,
                profile.toAbsolutePath().toString()),
            60,
            true);
    assertThat(run.exitCode())
        .as("try-it-out.mjs exit code; its output:%n%s", run.output())
        .isZero();

    JsonNode shown = new ObjectMapper().readTree(run.output());
    String origin = self.getScheme() + "://" + self.getHost() + ":" + self.getPort() + "/";
    assertThat(shown.path("requestUrl").asText()).startsWith(origin + "v2/actors");
    assertThat(shown.path("sent")).as("what the page sent to /v2/actors").hasSize(1);
    assertThat(shown.path("sent").get(0).path("url").asText()).startsWith(origin + "v2/actors");
    assertThat(shown.path("sent").get(0).path("status").asInt()).isEqualTo(200);
    assertThat(shown.path("status").asText()).as("status Swagger UI shows").isEqualTo("200");
    JsonNode items = new ObjectMapper().readTree(shown.path("body").asText()).at("/data/items");
    assertThat(items.findValuesAsText("id")).containsExactly(mine.getId());
    assertThat(items.findValuesAsText("name")).containsExactly(mine.getName());
  }

  /** PUT operations; deprecated ones are styled as deprecated, not as PUT, but still say PUT. */
  private static List<Element> putBlocks(Document dom) {
    return dom.select(".opblock").stream()
        .filter(b -> "PUT".equals(b.select(".opblock-summary-method").text()))
        .toList();
  }

  private static OpenAPI bundledSpec(String api) throws IOException {
    try (InputStream in = DocsBrowserTest.class.getResourceAsStream("/openapi/" + api + ".yaml")) {
      return new OpenAPIV3Parser()
          .readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getOpenAPI();
    }
  }

  private static Map<String, String> putSummariesByPath(OpenAPI spec) {
    Map<String, String> puts = new LinkedHashMap<>();
    spec.getPaths()
        .forEach(
            (path, item) -> {
              var put = item.readOperationsMap().get(PathItem.HttpMethod.PUT);
              if (put != null) {
                puts.put(path, put.getSummary());
              }
            });
    return puts;
  }
}

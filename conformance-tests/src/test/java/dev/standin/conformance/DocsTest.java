package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The documentation routes: public, serving the bundled document and a docs page whose assets all
 * come from this server. The API routes next to them still need a token.
 *
 * <p>The docs routes are not part of the vendor's API, so they are fetched with a plain HTTP client
 * (no spec validation); the API routes go through the validating one.
 */
class DocsTest extends ConformanceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String bundled(String name) throws IOException {
    try (InputStream in = DocsTest.class.getResourceAsStream("/openapi/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theBundledDocumentIsServedWithoutAToken() throws Exception {
    HttpResponse<String> yaml = get("openapi.yaml");
    HttpResponse<String> json = get("openapi.json");

    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    String self = server.baseUri().toString().replaceFirst("/$", "");
    assertThat(yaml.body())
        .isEqualTo(bundled("apify.yaml").replace("url: http://localhost:8080", "url: " + self));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.body())
        .isEqualTo(
            bundled("apify.json")
                .replace("\"url\" : \"http://localhost:8080\"", "\"url\" : \"" + self + "\""));
  }

  @Test
  void theDocumentsNameThisServerAsTheCallerReachedIt() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(get("openapi.json").body());
    assertThat(spec.path("servers")).hasSize(1);
    assertThat(spec.path("servers").path(0).path("url").asText())
        .isEqualTo("http://127.0.0.1:" + server.baseUri().getPort());
    // Another host name for the same server (as behind a port mapping) is answered with that name.
    HttpResponse<String> viaLocalhost =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.baseUri().getPort() + "/openapi.yaml"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(viaLocalhost.body())
        .contains("servers:\n- url: http://localhost:" + server.baseUri().getPort() + "\n");
  }

  @Test
  void theRootLeadsToTheDocsPage() throws Exception {
    HttpResponse<String> root = get("");

    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(root.headers().firstValue("Location")).contains(server.baseUri() + "docs");
  }

  @Test
  void eachDocsPageLinksToTheOtherApi() throws Exception {
    Document apify = Jsoup.parse(get("docs").body());
    assertThat(apify.select("nav.standin-apis a").eachAttr("href"))
        .containsExactly("http://127.0.0.1:" + server.spaazaBaseUri().getPort() + "/docs");

    HttpResponse<String> spaazaPage =
        HTTP.send(
            HttpRequest.newBuilder(server.spaazaBaseUri().resolve("docs")).build(),
            HttpResponse.BodyHandlers.ofString());
    Document spaaza = Jsoup.parse(spaazaPage.body());
    assertThat(spaaza.select("nav.standin-apis a").eachAttr("href"))
        .containsExactly("http://127.0.0.1:" + server.baseUri().getPort() + "/docs");
    assertThat(spaaza.select("nav.standin-apis a").text()).isEqualTo("Apify API");
  }

  @Test
  void aWrongTokenDoesNotBlockTheDocs() throws Exception {
    assertThat(get("docs", "Authorization", "Bearer not-a-token").statusCode()).isEqualTo(200);
    assertThat(get("openapi.json?token=not-a-token").statusCode()).isEqualTo(200);
  }

  @Test
  void theDocsPageLoadsEverythingFromThisServer() throws Exception {
    HttpResponse<String> page = get("docs");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    Document html = Jsoup.parse(page.body(), server.baseUri().resolve("docs").toString());
    assertThat(html.title()).contains("Apify API v2");
    List<String> assets =
        html.select("script[src], link[href]").stream()
            .map(e -> e.hasAttr("src") ? e.attr("src") : e.attr("href"))
            .toList();
    assertThat(assets).hasSizeGreaterThanOrEqualTo(2);
    html.select("nav.standin-apis").remove(); // links to the other API's page, loads nothing
    assertThat(html.outerHtml()).doesNotContain("http://", "https://", "\"//");
    for (String asset : assets) {
      URI url = server.baseUri().resolve("docs").resolve(asset);
      assertThat(url.getAuthority()).as(asset).isEqualTo(server.baseUri().getAuthority());
      HttpResponse<String> answer = get(server.baseUri().relativize(url).toString());
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.body()).as(asset).isNotEmpty();
    }
  }

  @Test
  void onlyTheAssetsThePageUsesAreServed() throws Exception {
    for (String path : List.of("docs/assets/index.html", "docs/assets/pom.properties", "docs/x")) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).contains("page-not-found");
    }
    // An encoded path is refused before it reaches the resource (Jetty: ambiguous URI).
    HttpResponse<String> traversal = get("docs/assets/..%2F..%2Fpom.properties");
    assertThat(traversal.statusCode()).isBetween(400, 404);
    assertThat(traversal.body()).doesNotContain("artifactId");
  }

  @Test
  void apiRoutesStillNeedAToken() {
    for (String path :
        List.of("/v2/acts/some-actor", "/v2/actor-tasks", "/v2/actor-tasks/x/input")) {
      ServerHarness.RawResponse anonymous = server.raw("GET", path, null, null, null);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.errorType()).as(path).isEqualTo("token-not-provided");

      ServerHarness.RawResponse wrong = server.raw("GET", path, "not-a-token", null, null);
      assertThat(wrong.status()).as(path).isEqualTo(401);
      assertThat(wrong.errorType()).as(path).isEqualTo("invalid-token");
    }
  }
}

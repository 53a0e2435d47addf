package dev.standin.server.kernel.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.kernel.http.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The API's own documentation, without a token: the bundled OpenAPI document at {@code
 * /openapi.yaml} and {@code /openapi.json}, and a Swagger UI page at {@code /docs} whose assets
 * come from the swagger-ui webjar on the classpath (nothing is loaded from elsewhere).
 *
 * <p>One instance serves one API: {@code new DocsResource("apify")} serves {@code
 * openapi/apify.yaml} of the spec jar. Each API's application mounts its own.
 */
@PublicRoute
@Path("/")
public class DocsResource {

  private static final MediaType YAML = new MediaType("application", "yaml", "utf-8");
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

  /** The only webjar files the page uses, with their media types. */
  private static final Map<String, String> ASSETS =
      Map.of(
          "swagger-ui.css", "text/css; charset=utf-8",
          "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
          "favicon-32x32.png", "image/png");

  private final String yaml;
  private final String json;
  private final String page;
  private final String assetRoot;

  /**
   * @param api the API's folder name in the spec module, e.g. {@code apify}
   */
  public DocsResource(String api) {
    this.yaml = classpathText("openapi/" + api + ".yaml");
    this.json = classpathText("openapi/" + api + ".json");
    this.assetRoot = WEBJAR + swaggerUiVersion() + "/";
    this.page = page(title(json));
  }

  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml")
  public Response yaml() {
    return Response.ok(yaml, YAML).build();
  }

  @GET
  @Path("openapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response json() {
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8")).build();
  }

  @GET
  @Path("docs")
  @Produces(MediaType.TEXT_HTML)
  public Response page() {
    return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build();
  }

  @GET
  @Path("docs/assets/{file}")
  public Response asset(@PathParam("file") String file) {
    String type = ASSETS.get(file);
    InputStream in =
        type == null
            ? null
            : DocsResource.class.getClassLoader().getResourceAsStream(assetRoot + file);
    if (in == null) {
      throw new NotFoundException();
    }
    return Response.ok(in, type).header("Cache-Control", "max-age=86400").build();
  }

  /** Relative URLs, so the page also works behind a proxy that mounts the server under a path. */
  private static String page(String title) {
    String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>%s</title>
          <link rel="icon" type="image/png" href="docs/assets/favicon-32x32.png">
          <link rel="stylesheet" href="docs/assets/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="docs/assets/swagger-ui-bundle.js"></script>
          <script>
            // validatorUrl null: no call to an online validator; everything stays on this server.
            window.ui = SwaggerUIBundle({
              url: "openapi.json",
              dom_id: "#swagger-ui",
              deepLinking: true,
              validatorUrl: null,
              presets: [SwaggerUIBundle.presets.apis],
              layout: "BaseLayout"
            });
          </script>
        </body>
        </html>
        """
        .formatted(escaped);
  }

  private static String title(String json) {
    try {
      String title = new ObjectMapper().readTree(json).path("info").path("title").asText("");
      return title.isBlank() ? "API reference" : title + " — API reference";
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled OpenAPI document is not JSON", e);
    }
  }

  private static String swaggerUiVersion() {
    Properties pom = new Properties();
    try (InputStream in =
        DocsResource.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static String classpathText(String name) {
    try (InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath (the spec jar)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

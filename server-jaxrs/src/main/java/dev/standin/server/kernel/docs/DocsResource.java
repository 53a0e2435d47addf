package dev.standin.server.kernel.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.kernel.http.PublicRoute;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The API's own documentation, without a token: the bundled OpenAPI document at {@code
 * /openapi.yaml} and {@code /openapi.json}, and a Swagger UI page at {@code /docs} whose assets
 * come from the swagger-ui webjar on the classpath (nothing is loaded from elsewhere); {@code /}
 * leads to the page.
 *
 * <p>The documents are served with this server's own address as their only {@code servers} entry
 * (the address the caller used, so "Try it out" calls the server the page came from, on whatever
 * port); the spec's own entry names the default port. The page links to the docs of the other APIs
 * of the server.
 *
 * <p>One instance serves one API: {@code new DocsResource("apify", others)} serves {@code
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

  private final ServedDocument yaml;
  private final ServedDocument json;
  private final String title;
  private final List<OtherApi> others;
  private final String assetRoot;

  /**
   * @param api the API's folder name in the spec module, e.g. {@code apify}
   * @param others the other APIs of this server, linked from the page
   */
  public DocsResource(String api, List<OtherApi> others) {
    String jsonText = classpathText("openapi/" + api + ".json");
    String specServer = specServer(jsonText);
    this.yaml =
        ServedDocument.of(
            classpathText("openapi/" + api + ".yaml"), "\nservers:", "url: ", specServer);
    this.json = ServedDocument.of(jsonText, "\"servers\"", "\"url\" : \"", specServer);
    this.others = List.copyOf(others);
    this.assetRoot = WEBJAR + swaggerUiVersion() + "/";
    this.title = title(jsonText);
  }

  /** The document's text split around the URL of its first server, to put another there. */
  private record ServedDocument(String head, String tail) {
    static ServedDocument of(String text, String section, String key, String url) {
      int start = text.indexOf(section);
      int at = start < 0 ? -1 : text.indexOf(key + url, start);
      if (at < 0) {
        throw new IllegalStateException("the bundled document's servers entry is not " + url);
      }
      int urlAt = at + key.length();
      return new ServedDocument(text.substring(0, urlAt), text.substring(urlAt + url.length()));
    }

    String with(String url) {
      return head + url + tail;
    }
  }

  /** This server as the caller reached it, e.g. {@code http://127.0.0.1:19080}. */
  private static String self(UriInfo uri) {
    String base = uri.getBaseUri().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  @GET // the class's own path, "/": no @Path("") here, which Jersey warns about at every start
  public Response root() {
    return Response.seeOther(URI.create("docs")).build();
  }

  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml")
  public Response yaml(@Context UriInfo uri) {
    return Response.ok(yaml.with(self(uri)), YAML).build();
  }

  @GET
  @Path("openapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response json(@Context UriInfo uri) {
    return Response.ok(json.with(self(uri)), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
        .build();
  }

  @GET
  @Path("docs")
  @Produces(MediaType.TEXT_HTML)
  public Response page(@Context UriInfo uri) {
    return Response.ok(page(title, links(uri)), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .build();
  }

  /** Links to the other APIs' pages, on the host the caller used. */
  private String links(UriInfo uri) {
    URI base = uri.getBaseUri();
    StringBuilder html = new StringBuilder();
    for (OtherApi other : others) {
      try {
        URI docs =
            new URI(base.getScheme(), null, base.getHost(), other.port(), "/docs", null, null);
        html.append(html.isEmpty() ? "" : " · ")
            .append("<a href=\"")
            .append(escape(docs.toString()))
            .append("\">")
            .append(escape(other.name()))
            .append("</a>");
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return html.isEmpty()
        ? ""
        : "<nav class=\"standin-apis\" style=\"font-family: sans-serif; padding: 8px 20px\">"
            + "Also on this server: "
            + html
            + "</nav>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
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
  private static String page(String title, String links) {
    String escaped = escape(title);
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
          %s
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
        .formatted(escaped, links);
  }

  private static String specServer(String json) {
    try {
      String url = new ObjectMapper().readTree(json).path("servers").path(0).path("url").asText("");
      if (url.isEmpty()) {
        throw new IllegalStateException("the bundled OpenAPI document names no server");
      }
      return url;
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled OpenAPI document is not JSON", e);
    }
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

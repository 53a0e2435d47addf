package dev.standin.spec;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;

/** Parses a split OpenAPI document into one model, with swagger-parser's validation messages. */
public final class SpecLoader {

  /** The parsed document (null when it could not be read) and what the parser complained about. */
  public record Loaded(OpenAPI openApi, List<String> problems) {}

  private SpecLoader() {}

  public static Loaded load(Path root) {
    ParseOptions options = new ParseOptions();
    // Resolve external $refs into components so the result is one self-contained document.
    options.setResolve(true);
    options.setValidateExternalRefs(true);
    SwaggerParseResult result =
        new OpenAPIParser().readLocation(root.toUri().toString(), null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    List<String> problems = messages.stream().map(m -> root + ": [parser] " + m).toList();
    return new Loaded(result.getOpenAPI(), problems);
  }
}

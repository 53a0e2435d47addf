package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.errors.ApifyError;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The error catalogue shared by server and client and the spec's list of known error types ({@code
 * ErrorType.x-known-values}, ADR 0025) are one set: a type the server sends is documented, and a
 * documented type is one the client can name.
 */
class ErrorCatalogueTest {

  @Test
  void theCatalogueAndTheSpecsKnownTypesAreOneSet() throws Exception {
    String spec;
    try (InputStream in = getClass().getResourceAsStream("/openapi/apify.yaml")) {
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> known =
        SpecValidator.knownErrorTypes(new OpenAPIV3Parser().readContents(spec).getOpenAPI());
    Set<String> catalogue =
        Arrays.stream(ApifyError.values()).map(ApifyError::type).collect(Collectors.toSet());

    assertThat(catalogue).containsExactlyInAnyOrderElementsOf(known);
  }
}

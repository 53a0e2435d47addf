package dev.standin.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec build must reject broken documents, or "the build validates the spec" means nothing. */
class SpecToolsTest {

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SpecToolsTest.class.getResource("/broken/" + name + "/openapi.yaml").toURI());
  }

  @Test
  void theRealDocumentsAreCleanAndBundleIntoOneFile() throws Exception {
    Path root = Path.of("src/main/openapi/apify/openapi.yaml");
    SpecLoader.Loaded loaded = SpecLoader.load(root);

    assertThat(loaded.problems()).isEmpty();
    assertThat(SpecLint.check(root, loaded.openApi())).isEmpty();
    assertThat(loaded.openApi().getComponents().getSchemas()).containsKeys("Task", "ErrorResponse");
  }

  @Test
  void aDanglingRefIsReportedByTheParser() throws Exception {
    SpecLoader.Loaded loaded = SpecLoader.load(fixture("bad-ref"));

    assertThat(loaded.problems()).anyMatch(p -> p.contains("Missing.yaml"));
  }

  @Test
  void houseRulesNameTheirViolations() throws Exception {
    Path root = fixture("no-errors");
    SpecLoader.Loaded loaded = SpecLoader.load(root);

    List<String> problems = SpecLint.check(root, loaded.openApi());

    assertThat(problems)
        .anyMatch(p -> p.contains("[one-tag]"))
        .anyMatch(p -> p.contains("[auth-errors]"))
        .anyMatch(p -> p.contains("[method-errors]"))
        .anyMatch(p -> p.contains("[schema-type]") && p.contains("integr"));
  }
}

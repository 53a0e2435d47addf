package dev.standin.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec build must reject broken documents, or "the build validates the spec" means nothing. */
class SpecToolsTest {

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SpecToolsTest.class.getResource("/" + name + "/openapi.yaml").toURI());
  }

  private static List<String> lint(Path root) {
    SpecLoader.Loaded loaded = SpecLoader.load(root);
    assertThat(loaded.openApi()).as("parsed " + root).isNotNull();
    return SpecLint.check(root, loaded.openApi());
  }

  @Test
  void everyRealDocumentIsCleanAndItsBundleUsesEveryComponent() throws Exception {
    List<Path> roots = SpecBuild.findRootDocuments(Path.of("src/main/openapi"));
    assertThat(roots).isNotEmpty();
    for (Path root : roots) {
      SpecLoader.Loaded loaded = SpecLoader.load(root);

      assertThat(loaded.problems()).as(root.toString()).isEmpty();
      assertThat(SpecLint.check(root, loaded.openApi())).as(root.toString()).isEmpty();

      String api = root.getParent().getFileName().toString();
      Path bundled = Path.of("target/classes/openapi/" + api + ".yaml");
      SpecLoader.Loaded bundle = SpecLoader.load(bundled);
      assertThat(bundle.problems()).as(bundled.toString()).isEmpty();
      assertThat(ComponentUsage.unused(bundle.openApi())).as(bundled.toString()).isEmpty();
    }
  }

  @Test
  void theApifyBundleHoldsItsSchemas() {
    SpecLoader.Loaded loaded = SpecLoader.load(Path.of("target/classes/openapi/apify.yaml"));

    assertThat(loaded.openApi().getComponents().getSchemas()).containsKeys("Task", "ErrorResponse");
  }

  @Test
  void aDanglingRefIsReportedByTheParser() throws Exception {
    SpecLoader.Loaded loaded = SpecLoader.load(fixture("broken/bad-ref"));

    assertThat(loaded.problems()).anyMatch(p -> p.contains("Missing.yaml"));
  }

  @Test
  void houseRulesNameTheirViolations() throws Exception {
    List<String> problems = lint(fixture("broken/no-errors"));

    assertThat(problems)
        .anyMatch(p -> p.contains("[one-tag]"))
        .anyMatch(p -> p.contains("[auth-errors]"))
        .anyMatch(p -> p.contains("[method-errors]"))
        .anyMatch(p -> p.contains("[schema-type]") && p.contains("integr"));
  }

  @Test
  void anOperationWithoutAnErrorResponseFailsTheLintNamingFileAndRule() throws Exception {
    Path root = fixture("lint/no-error-response");

    List<String> problems = lint(root);

    assertThat(problems)
        .containsExactly(root + ": GET /things: [method-errors] every operation must declare 405");
  }

  @Test
  void aComponentNothingUsesFailsTheLint() throws Exception {
    Path root = fixture("lint/unused-component");

    assertThat(lint(root))
        .containsExactly(
            root
                + ": components/schemas/Orphan: [unused-component] nothing refers to this"
                + " component");
  }

  @Test
  void twoSchemasOfOneNameFailTheLint() throws Exception {
    Path root = fixture("lint/duplicate-names");

    assertThat(lint(root))
        .anyMatch(p -> p.startsWith(root + ": [unique-schema-name]") && p.contains("v2"))
        .anyMatch(p -> p.contains("schema Thing_1: [unique-schema-name]"));
  }

  @Test
  void operationIdsThatCamelCaseToOneMethodNameFailTheLint() throws Exception {
    Path root = fixture("lint/clashing-operation-ids");

    assertThat(lint(root))
        .containsExactly(
            root
                + ": [unique-operation-id] these operationIds give one generated method name"
                + " (thingget): thing_get (GET /things/{id}), thingGet (GET /other-things/{id})");
  }
}

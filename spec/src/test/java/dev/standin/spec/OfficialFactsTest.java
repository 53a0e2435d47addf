package dev.standin.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the committed fact file of official property paths from the vendor's document. Runs
 * only on demand, because the vendor's document is not part of this repository:
 *
 * <pre>
 * mvn -B -pl spec test -Dtest=OfficialFactsTest \
 *     -Dofficial.apify.excerpt=/path/to/apify/openapi-excerpt.yaml
 * </pre>
 */
class OfficialFactsTest {

  private static final Path FACTS = Path.of("src/test/resources/official/apify-property-paths.txt");

  @Test
  @EnabledIfSystemProperty(named = "official.apify.excerpt", matches = ".+")
  void regenerateTheApifyFactFile() throws Exception {
    Path excerpt = Path.of(System.getProperty("official.apify.excerpt"));

    OfficialCoverage.writeFacts("apify", excerpt, FACTS);

    try (var in = java.nio.file.Files.newInputStream(FACTS)) {
      List<PropertyPaths.Entry> facts = OfficialCoverage.readFacts(in);
      assertThat(PropertyPaths.operations(facts)).isNotEmpty();
      System.out.println(
          "[spec] wrote "
              + FACTS
              + ": "
              + PropertyPaths.operations(facts).size()
              + " operations, "
              + facts.stream().filter(e -> !e.body().equals(PropertyPaths.OPERATION)).count()
              + " property paths");
    }
  }
}

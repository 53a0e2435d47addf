package dev.standin.spec;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step of the spec module: every {@code <api>/openapi.yaml} under the source folder is parsed
 * and validated by swagger-parser, checked against the house rules, and written as one bundled file
 * ({@code <api>.yaml} and {@code <api>.json}) into the output folder. Each bundled document is then
 * compared with its baseline ({@code <baseline dir>/<api>.yaml}, the last released version) and a
 * Markdown change report written to {@code <report dir>/<api>.md}.
 *
 * <p>Exits non-zero, naming the file and the rule, when any document has a problem or breaks
 * compatibility with its baseline. With {@code updateBaseline=true} a breaking change is
 * acknowledged instead: the bundled documents become the new baselines.
 */
public final class SpecBuild {

  private SpecBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: SpecBuild <spec source dir> <output dir> <baseline dir> <report dir>"
              + " <update baseline: true|false>");
    }
    Path sourceDir = Path.of(args[0]);
    Path outputDir = Path.of(args[1]);
    Path baselineDir = Path.of(args[2]);
    Path reportDir = Path.of(args[3]);
    boolean updateBaseline = Boolean.parseBoolean(args[4]);
    Files.createDirectories(outputDir);
    Files.createDirectories(reportDir);

    List<String> problems = new ArrayList<>();
    List<Path> roots = findRootDocuments(sourceDir);
    if (roots.isEmpty()) {
      problems.add(sourceDir + ": no <api>/openapi.yaml found");
    }
    for (Path root : roots) {
      String api = root.getParent().getFileName().toString();
      SpecLoader.Loaded loaded = SpecLoader.load(root);
      problems.addAll(loaded.problems());
      if (loaded.openApi() == null) {
        continue;
      }
      List<String> lint = SpecLint.check(root, loaded.openApi());
      problems.addAll(lint);
      ComponentUsage.prune(loaded.openApi());
      Path bundled = write(loaded.openApi(), outputDir, api);
      if (loaded.problems().isEmpty() && lint.isEmpty()) {
        problems.addAll(checkCompatibility(api, bundled, baselineDir, reportDir, updateBaseline));
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("[spec] " + p));
      throw new IllegalStateException(problems.size() + " problem(s) in the OpenAPI documents");
    }
    System.out.println(
        "[spec] "
            + roots.size()
            + " document(s) valid, bundled into "
            + outputDir
            + "; change reports in "
            + reportDir);
  }

  /** Writes the change report; a breaking change is a problem unless acknowledged. */
  static List<String> checkCompatibility(
      String api, Path bundled, Path baselineDir, Path reportDir, boolean updateBaseline)
      throws IOException {
    Path baseline = baselineDir.resolve(api + ".yaml");
    Path report = reportDir.resolve(api + ".md");
    SpecChanges.Report changes =
        Files.isRegularFile(baseline)
            ? SpecChanges.compare(api, baseline, bundled)
            : SpecChanges.unreleased(api);
    String markdown = changes.markdown();
    List<PropertyPaths.Entry> official = OfficialCoverage.facts(api);
    if (official != null) {
      OfficialCoverage.Result coverage =
          OfficialCoverage.compare(official, PropertyPaths.of(bundled));
      markdown += "\n" + coverage.markdown(api);
      System.out.printf(
          java.util.Locale.ROOT,
          "[spec] %s: %d of %d official property paths covered (%.1f %%), %d of %d operations%n",
          api,
          coverage.covered(),
          coverage.official().size(),
          coverage.percent(),
          coverage.officialOperations().size() - coverage.missingOperations().size(),
          coverage.officialOperations().size());
    }
    Files.writeString(report, markdown);
    System.out.println("[spec] " + api + ": change report written to " + report);

    if (updateBaseline) {
      Files.createDirectories(baselineDir);
      Files.copy(bundled, baseline, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("[spec] " + api + ": baseline updated: " + baseline + " (commit it)");
      return List.of();
    }
    if (!changes.breaking()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    changes.houseBreaks().forEach(b -> problems.add(bundled + ": " + b));
    problems.add(
        bundled
            + ": [breaking-change] the document breaks compatibility with its baseline "
            + baseline
            + " (details in "
            + report
            + "). If the break is intended, acknowledge it by updating the baseline in the same"
            + " change: mvn -B -pl spec process-test-classes -Dspec.updateBaseline=true, then"
            + " commit spec/baseline/"
            + api
            + ".yaml and note the break in CHANGELOG.md.");
    return problems;
  }

  static List<Path> findRootDocuments(Path sourceDir) throws IOException {
    try (Stream<Path> apis = Files.list(sourceDir)) {
      return apis.map(dir -> dir.resolve("openapi.yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }

  private static Path write(OpenAPI openApi, Path outputDir, String api) throws IOException {
    Path yaml = outputDir.resolve(api + ".yaml");
    Files.writeString(yaml, Yaml.pretty(openApi));
    Files.writeString(outputDir.resolve(api + ".json"), Json.pretty(openApi));
    return yaml;
  }
}

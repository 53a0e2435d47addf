package dev.standin.spec;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step of the spec module: every {@code <api>/openapi.yaml} under the source folder is parsed
 * and validated by swagger-parser, checked against the house rules, and written as one bundled file
 * ({@code <api>.yaml} and {@code <api>.json}) into the output folder.
 *
 * <p>Exits non-zero, naming the file and the rule, when any document has a problem.
 */
public final class SpecBuild {

  private SpecBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SpecBuild <spec source dir> <output dir>");
    }
    Path sourceDir = Path.of(args[0]);
    Path outputDir = Path.of(args[1]);
    Files.createDirectories(outputDir);

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
      problems.addAll(SpecLint.check(root, loaded.openApi()));
      write(loaded.openApi(), outputDir, api);
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("[spec] " + p));
      throw new IllegalStateException(problems.size() + " problem(s) in the OpenAPI documents");
    }
    System.out.println("[spec] " + roots.size() + " document(s) valid, bundled into " + outputDir);
  }

  static List<Path> findRootDocuments(Path sourceDir) throws IOException {
    try (Stream<Path> apis = Files.list(sourceDir)) {
      return apis.map(dir -> dir.resolve("openapi.yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    }
  }

  private static void write(OpenAPI openApi, Path outputDir, String api) throws IOException {
    Files.writeString(outputDir.resolve(api + ".yaml"), Yaml.pretty(openApi));
    Files.writeString(outputDir.resolve(api + ".json"), Json.pretty(openApi));
  }
}

package dev.standin.spec;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares a bundled document with its baseline (the last released version): openapi-diff's verdict
 * plus {@link CompatibilityRules}, rendered as Markdown a reviewer can paste into a PR.
 */
public final class SpecChanges {

  /** The outcome of one comparison. */
  public record Report(
      String api, boolean changed, boolean breaking, List<String> houseBreaks, String markdown) {}

  private SpecChanges() {}

  public static Report compare(String api, Path baseline, Path current) {
    ChangedOpenApi diff = OpenApiCompare.fromFiles(baseline.toFile(), current.toFile());
    // Our own parse of each file: openapi-diff may inline or rewrite parts of its copies.
    OpenAPI before = SpecLoader.load(baseline).openApi();
    OpenAPI after = SpecLoader.load(current).openApi();
    List<String> houseBreaks = CompatibilityRules.check(before, after);

    boolean breaking = diff.isIncompatible() || !houseBreaks.isEmpty();
    boolean changed = !diff.isUnchanged() || !houseBreaks.isEmpty();
    String verdict =
        breaking ? "**BREAKING**" : changed ? "compatible changes" : "no changes to the contract";

    StringBuilder md = new StringBuilder();
    md.append("# API changes: ").append(api).append("\n\n");
    md.append("Compared with the baseline `")
        .append(baseline.getFileName())
        .append("` (version ")
        .append(version(before))
        .append(") → current document (version ")
        .append(version(after))
        .append(").\n\n");
    md.append("Verdict: ").append(verdict).append("\n\n");
    if (!houseBreaks.isEmpty()) {
      md.append("## Breaking changes found by house rules\n\n");
      houseBreaks.forEach(b -> md.append("- ").append(b).append('\n'));
      md.append('\n');
    }
    if (!diff.isUnchanged()) {
      md.append("## Changes found by openapi-diff\n\n").append(render(diff).strip()).append('\n');
    }
    return new Report(api, changed, breaking, houseBreaks, md.toString());
  }

  /** The report for an API that has no baseline yet, i.e. has not been released. */
  public static Report unreleased(String api) {
    return new Report(
        api,
        true,
        false,
        List.of(),
        "# API changes: "
            + api
            + "\n\nNo baseline: this API has not been released, so there is nothing to compare"
            + " with. Releasing it adds `spec/baseline/"
            + api
            + ".yaml`.\n");
  }

  private static String version(OpenAPI doc) {
    return doc == null || doc.getInfo() == null ? "?" : doc.getInfo().getVersion();
  }

  private static String render(ChangedOpenApi diff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

package dev.standin.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breaking-change check: openapi-diff's verdict plus our own rules, and its report. */
class SpecChangesTest {

  @TempDir Path temp;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SpecChangesTest.class.getResource("/changes/" + name + ".yaml").toURI());
  }

  private static SpecChanges.Report compareWithBaseline(String changed) throws Exception {
    return SpecChanges.compare("things", fixture("baseline"), fixture(changed));
  }

  @Test
  void aRemovedResponseFieldIsBreaking() throws Exception {
    SpecChanges.Report report = compareWithBaseline("removed-response-field");

    assertThat(report.breaking()).isTrue();
    assertThat(report.houseBreaks())
        .contains(
            "GET /things/{id} 200 application/json name: [removed-response-property] the"
                + " property was removed",
            "PUT /things/{id} 200 application/json name: [removed-response-property] the"
                + " property was removed");
    assertThat(report.markdown()).contains("**BREAKING**", "[removed-response-property]");
  }

  @Test
  void aRemovedNullableIsBreaking() throws Exception {
    SpecChanges.Report report = compareWithBaseline("removed-nullable");

    assertThat(report.breaking()).isTrue();
    assertThat(report.houseBreaks())
        .containsExactly(
            "PUT /things/{id} request application/json title: [removed-nullable] `nullable:"
                + " true` was removed");
  }

  @Test
  void aRemovedOperationIsBreakingByOpenApiDiff() throws Exception {
    SpecChanges.Report report = compareWithBaseline("removed-operation");

    assertThat(report.breaking()).isTrue();
    assertThat(report.houseBreaks()).isEmpty();
    assertThat(report.markdown()).contains("**BREAKING**", "/things/{id}");
  }

  @Test
  void aNewOptionalResponseFieldIsACompatibleChange() throws Exception {
    SpecChanges.Report report = compareWithBaseline("added-response-field");

    assertThat(report.breaking()).isFalse();
    assertThat(report.changed()).isTrue();
    assertThat(report.markdown()).contains("compatible changes", "colour");
  }

  @Test
  void theBaselineAgainstItselfHasNoChanges() throws Exception {
    SpecChanges.Report report = compareWithBaseline("baseline");

    assertThat(report.breaking()).isFalse();
    assertThat(report.changed()).isFalse();
    assertThat(report.markdown()).contains("no changes to the contract");
  }

  @Test
  void theBuildFailsOnABreakUntilTheBaselineIsUpdated() throws Exception {
    Path bundled = Files.copy(fixture("removed-response-field"), temp.resolve("bundled.yaml"));
    Path baselineDir = Files.createDirectories(temp.resolve("baseline"));
    Path reportDir = Files.createDirectories(temp.resolve("reports"));
    Files.copy(fixture("baseline"), baselineDir.resolve("things.yaml"));

    List<String> problems =
        SpecBuild.checkCompatibility("things", bundled, baselineDir, reportDir, false);

    assertThat(problems)
        .contains(
            bundled
                + ": GET /things/{id} 200 application/json name: [removed-response-property] the"
                + " property was removed")
        .anyMatch(
            p ->
                p.contains("[breaking-change]")
                    && p.contains("-Dspec.updateBaseline=true")
                    && p.contains("spec/baseline/things.yaml"));
    assertThat(reportDir.resolve("things.md")).content().contains("**BREAKING**");

    List<String> acknowledged =
        SpecBuild.checkCompatibility("things", bundled, baselineDir, reportDir, true);

    assertThat(acknowledged).isEmpty();
    assertThat(baselineDir.resolve("things.yaml")).hasSameTextualContentAs(bundled);
    assertThat(SpecBuild.checkCompatibility("things", bundled, baselineDir, reportDir, false))
        .isEmpty();
  }

  @Test
  void anApiWithoutBaselineIsReportedAsUnreleased() throws Exception {
    Path reportDir = Files.createDirectories(temp.resolve("reports"));

    List<String> problems =
        SpecBuild.checkCompatibility(
            "fresh", fixture("baseline"), temp.resolve("no-baselines"), reportDir, false);

    assertThat(problems).isEmpty();
    assertThat(reportDir.resolve("fresh.md")).content().contains("not been released");
  }
}

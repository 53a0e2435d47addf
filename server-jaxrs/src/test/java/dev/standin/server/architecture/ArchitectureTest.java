package dev.standin.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The server's layout, checked on its compiled classes: a kernel that knows no vendor, one package
 * per vendor that never imports another, no package cycles, and generated code that never reaches
 * into handwritten code.
 */
class ArchitectureTest {

  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "dev.standin.server", "dev.standin.apify.server", "dev.standin.spaaza.server");

  /** Every package of the server is a slice; no two may depend on each other. */
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("dev.standin.server.(**)").should().beFreeOfCycles();

  @Test
  void packagesFormNoCycles() {
    NO_PACKAGE_CYCLES.check(SERVER);
  }

  @Test
  void theKernelKnowsNoVendor() {
    noClasses()
        .that()
        .resideInAPackage("dev.standin.server.kernel..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.standin.server.apify..",
            "dev.standin.server.spaaza..",
            "dev.standin.apify..",
            "dev.standin.spaaza..")
        .check(SERVER);
  }

  @Test
  void apifyDoesNotImportSpaaza() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.standin.server.apify..", "dev.standin.apify..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.standin.server.spaaza..", "dev.standin.spaaza..")
        .check(SERVER);
  }

  @Test
  void spaazaDoesNotImportApify() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.standin.server.spaaza..", "dev.standin.spaaza..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.standin.server.apify..", "dev.standin.apify..")
        .check(SERVER);
  }

  @Test
  void onlyTheServerItselfStartsTheVendors() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.standin.server.apify..", "dev.standin.server.spaaza..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.standin.server")
        .check(SERVER);
  }

  @Test
  void generatedInterfacesDoNotImportHandwrittenCode() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.standin.apify.server.api..", "dev.standin.spaaza.server.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.standin.server..")
        .check(SERVER);
  }

  /** The cycle rule is not vacuous: on two packages that import each other, it fails. */
  @Test
  void theCycleRuleFailsOnACycle() {
    JavaClasses cyclic =
        new ClassFileImporter().importPackages("dev.standin.server.architecture.cyclic");
    assertThatThrownBy(
            () ->
                slices()
                    .matching("dev.standin.server.architecture.cyclic.(*)..")
                    .should()
                    .beFreeOfCycles()
                    .check(cyclic))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected");
  }
}

package dev.standin.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URISyntaxException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client jar's layout, checked on its compiled classes: the shared {@code dev.standin.client}
 * machinery below both vendors' clients, the vendors apart, no package cycles, and the generated
 * code ({@code *.client.api}, and api-model's {@code *.invoker} and {@code *.model}) never reaching
 * into handwritten code.
 */
class ArchitectureTest {

  /** This module's main classes only (not api-model's, not the tests'). */
  private static final JavaClasses CLIENT = importClassesBeside(ClientBuilder.class);

  /** This module's main classes and api-model's, where the invoker and models are generated. */
  private static final JavaClasses CLIENT_AND_MODELS =
      importClassesBeside(ClientBuilder.class, dev.standin.apify.invoker.ApiException.class);

  private static final String[] GENERATED = {
    "dev.standin.apify.client.api..",
    "dev.standin.apify.invoker..",
    "dev.standin.apify.model..",
    "dev.standin.spaaza.client.api..",
    "dev.standin.spaaza.invoker..",
    "dev.standin.spaaza.model..",
  };

  private static final DescribedPredicate<JavaClass> HANDWRITTEN =
      JavaClass.Predicates.resideInAnyPackage(
              "dev.standin.client..",
              "dev.standin.apify.client",
              "dev.standin.spaaza.client",
              "dev.standin.apify.json..",
              "dev.standin.apify.errors..",
              "dev.standin.spaaza.json..",
              "dev.standin.spaaza.errors..")
          .as("are handwritten (the shared and vendor client packages, *.json, *.errors)");

  @Test
  void packagesFormNoCycles() {
    slices().matching("dev.standin.(**)").should().beFreeOfCycles().check(CLIENT);
  }

  @Test
  void sharedClientCodeKnowsNoVendor() {
    noClasses()
        .that()
        .resideInAPackage("dev.standin.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.standin.apify..", "dev.standin.spaaza..")
        .check(CLIENT);
  }

  @Test
  void apifyClientDoesNotImportSpaaza() {
    noClasses()
        .that()
        .resideInAPackage("dev.standin.apify..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.standin.spaaza..")
        .check(CLIENT);
  }

  @Test
  void spaazaClientDoesNotImportApify() {
    noClasses()
        .that()
        .resideInAPackage("dev.standin.spaaza..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.standin.apify..")
        .check(CLIENT);
  }

  @Test
  void generatedCodeDoesNotImportHandwrittenCode() {
    noClasses()
        .that()
        .resideInAnyPackage(GENERATED)
        .should()
        .dependOnClassesThat(HANDWRITTEN)
        .check(CLIENT_AND_MODELS);
  }

  /** The classes of the jars or folders the given classes were loaded from. */
  private static JavaClasses importClassesBeside(Class<?>... anchors) {
    Set<Location> locations = new java.util.LinkedHashSet<>();
    for (Class<?> anchor : anchors) {
      try {
        locations.add(
            Location.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importLocations(locations);
  }
}

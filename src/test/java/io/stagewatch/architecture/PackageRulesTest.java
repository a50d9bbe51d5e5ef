package io.stagewatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering CONTRIBUTING describes, held on the compiled classes: packages depend on each other
 * one way only, and the command line reaches the store, notifiers and reports through the app layer
 * and their interfaces, never their implementations.
 */
class PackageRulesTest {
  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.stagewatch");
  }

  @Test
  void noPackageCycles() {
    assertThat(classes.size()).as("classes imported").isGreaterThan(200);
    // Every package is a slice of its own: a sub-package that leans back on its parent counts.
    slices().matching("io.stagewatch.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theCommandLineUsesNoImplementationOfTheStoreNotifiersOrReports() {
    noClasses()
        .that()
        .resideInAPackage("io.stagewatch.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.stagewatch.store.jdbc..",
            "io.stagewatch.notify.slack..",
            "io.stagewatch.notify.webhook..",
            "io.stagewatch.notify.pagerduty..",
            "io.stagewatch.notify.github..",
            "io.stagewatch.report.json..",
            "io.stagewatch.report.junit..",
            "io.stagewatch.report.markdown..",
            "io.stagewatch.report.html..",
            "io.stagewatch.report.prometheus..")
        .check(classes);
  }
}

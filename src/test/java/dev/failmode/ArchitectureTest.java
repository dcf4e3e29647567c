package dev.failmode;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: cli -> report -> policy -> model, and cli -> engine -> load ->
 * budget -> model. The library (all but cli) is usable from Java on its own; the model knows
 * nothing of YAML, Drools or output.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // dev.failmode.packs holds the built-in packs' rules as Drools generated them at build time, not code of ours
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/dev/failmode/packs/")).importPackages("dev.failmode");
  }

  @Test
  void theModelDependsOnNothingElse() {
    noClasses().that().resideInAPackage("dev.failmode.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.failmode.load..", "dev.failmode.engine..", "dev.failmode.report..",
            "dev.failmode.cli..", "dev.failmode.budget..", "com.fasterxml..", "org.drools..", "org.kie..", "picocli..")
        .check(classes);
  }

  @Test
  void budgetArithmeticIsPure() {
    noClasses().that().resideInAPackage("dev.failmode.budget..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.failmode.load..", "dev.failmode.engine..", "dev.failmode.report..",
            "dev.failmode.cli..", "java.io..", "java.nio..", "org.slf4j..")
        .check(classes);
  }

  @Test
  void onlyTheEngineKnowsDrools() {
    noClasses().that().resideOutsideOfPackage("dev.failmode.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
        .check(classes);
  }

  @Test
  void onlyTheCliKnowsPicocliAndNothingDependsOnTheCli() {
    noClasses().that().resideOutsideOfPackage("dev.failmode.cli..").should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
    noClasses().that().resideOutsideOfPackage("dev.failmode.cli..").should().dependOnClassesThat().resideInAPackage("dev.failmode.cli..")
        .check(classes);
  }

  @Test
  void loadingAndReportingDoNotDependOnTheEngine() {
    noClasses().that().resideInAnyPackage("dev.failmode.load..", "dev.failmode.report..")
        .should().dependOnClassesThat().resideInAPackage("dev.failmode.engine..")
        .check(classes);
  }

  @Test
  void thePolicyKnowsOnlyTheModel() {
    noClasses().that().resideInAPackage("dev.failmode.policy..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.failmode.load..", "dev.failmode.engine..", "dev.failmode.report..",
            "dev.failmode.cli..", "org.drools..", "org.kie..")
        .check(classes);
  }

  @Test
  void noCycles() {
    slices().matching("dev.failmode.(*)..").should().beFreeOfCycles().check(classes);
  }
}

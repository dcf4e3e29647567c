package dev.failmode.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every test the sources hold is one the build runs: Surefire picks test classes by name
 * ({@code *Test}, {@code *Properties}), Failsafe runs {@code *IT} after packaging, and a class
 * named otherwise is compiled and then silently never run (two classes of jqwik properties went
 * unrun that way, while docs/reliability.md cited them as proof).
 */
class TestsAreRunTest {
  /** What the pom's Surefire includes and Failsafe's defaults run. */
  private static final Pattern RUN = Pattern.compile(".*(Test|Properties|IT)");

  @Test
  void everyClassWithTestsIsNamedForTheBuildToRunIt() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("dev.failmode");
    List<String> tests = classes.stream().filter(TestsAreRunTest::declaresTests).map(JavaClass::getName).sorted().toList();
    assertThat(tests).as("test classes found").hasSizeGreaterThan(50);

    List<String> unrun = classes.stream().filter(TestsAreRunTest::declaresTests).filter(c -> !run(c))
        .map(JavaClass::getName).sorted().toList();

    assertThat(unrun).as("classes with tests that neither Surefire nor Failsafe runs (name them *Test, *Properties or *IT)")
        .isEmpty();
  }

  private static boolean declaresTests(JavaClass c) {
    return c.getMethods().stream().anyMatch(m -> m.isMetaAnnotatedWith("org.junit.platform.commons.annotation.Testable"));
  }

  /**
   * A top-level class by its name; a nested one as a group of its enclosing class's tests, or as
   * a {@code Fixture} that a test runs through the engine test kit.
   */
  private static boolean run(JavaClass c) {
    if (c.getEnclosingClass().isEmpty()) {
      return RUN.matcher(c.getSimpleName()).matches();
    }
    boolean group = c.isAnnotatedWith("org.junit.jupiter.api.Nested") || c.isAnnotatedWith("net.jqwik.api.Group");
    return (group || c.getSimpleName().endsWith("Fixture")) && run(c.getEnclosingClass().get());
  }
}

package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture of the core pack ({@code rules/core/tests/<rule>/<expectation>-<case>.yaml}),
 * and checks the catalogue: every rule has fixtures that make it fire and fixtures where it must not.
 */
class CorePackFixturesTest {
  private static final Path TESTS = Fixtures.project().resolve("rules/core/tests");

  static List<PackTests.Case> cases() throws IOException {
    List<String> misnamed = new ArrayList<>();
    List<PackTests.Case> cases = PackTests.discover("core", TESTS, misnamed);
    assertThat(misnamed).as("fixtures whose names follow no convention").isEmpty();
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixtureHolds(PackTests.Case testCase) throws Exception {
    RuleBase rules = Fixtures.core();
    PackTests tests = new PackTests(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY);

    PackTests.Outcome outcome = tests.run(testCase, Fixtures.project());

    assertThat(outcome.failures()).as(testCase.file().toString()).isEmpty();
  }

  @Test
  void everyRuleHasFixturesThatMakeItFireAndFixturesWhereItMustNot() throws IOException {
    List<PackTests.Case> cases = cases();
    Set<String> firing = cases.stream().filter(c -> c.expectation().firing()).map(PackTests.Case::rule).collect(Collectors.toSet());
    Set<String> quiet = cases.stream().filter(c -> !c.expectation().firing()).map(PackTests.Case::rule).collect(Collectors.toSet());

    Set<String> rules = Fixtures.core().rules().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));

    assertThat(rules).as("core rules").isNotEmpty();
    assertThat(rules.stream().filter(r -> !firing.contains(r))).as("rules with no fixture that makes them fire").isEmpty();
    assertThat(rules.stream().filter(r -> !quiet.contains(r))).as("rules with no fixture where they must stay quiet").isEmpty();
    assertThat(cases.stream().map(PackTests.Case::rule).filter(r -> !rules.contains(r)))
        .as("fixture folders naming no rule").isEmpty();
  }

  @Test
  void everyRuleCarriesItsMetadata() {
    for (RuleInfo rule : Fixtures.core().rules()) {
      assertThat(rule.metadata()).as(rule.fullId()).containsKeys("id", "title", "description", "kind");
      assertThat(rule.title()).as(rule.fullId() + " title").isNotBlank();
      assertThat(rule.description()).as(rule.fullId() + " description").hasSizeGreaterThan(40);
      assertThat(rule.metadata().get("kind")).as(rule.fullId() + " kind").isIn("verdict", "note", "suggestion", "finding");
      assertThat(rule.line()).as(rule.fullId() + " line").isPositive();
    }
  }
}

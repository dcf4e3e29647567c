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
 * Runs every fixture of every pack in rules/ ({@code rules/<pack>/tests/<rule>/<expectation>-<case>.yaml})
 * and checks the catalogue: every rule has fixtures that make it fire and fixtures where it must
 * not, and carries its metadata. A pack is compiled with the packs it depends on.
 */
class PackFixturesTest {
  private static final List<String> PACKS = List.of("core", "envoy");

  static RuleBase rules() {
    return Fixtures.compile(List.of(Fixtures.pack("core"), Fixtures.pack("envoy")));
  }

  private static RuleBase rules;

  private static synchronized RuleBase all() {
    if (rules == null) {
      rules = rules();
    }
    return rules;
  }

  static List<PackTests.Case> cases() throws IOException {
    List<String> misnamed = new ArrayList<>();
    List<PackTests.Case> cases = new ArrayList<>();
    for (String pack : PACKS) {
      cases.addAll(PackTests.discover(pack, Fixtures.project().resolve("rules").resolve(pack).resolve("tests"), misnamed));
    }
    assertThat(misnamed).as("fixtures whose names follow no convention").isEmpty();
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixtureHolds(PackTests.Case testCase) throws Exception {
    PackTests tests = new PackTests(all(), ParameterValues.resolve(all().packs(), Map.of()), Fixtures.TODAY);

    PackTests.Outcome outcome = tests.run(testCase, Fixtures.project());

    assertThat(outcome.failures()).as(testCase.file().toString()).isEmpty();
  }

  @Test
  void everyRuleHasFixturesThatMakeItFireAndFixturesWhereItMustNot() throws IOException {
    List<PackTests.Case> cases = cases();
    Set<String> firing = cases.stream().filter(c -> c.expectation().firing()).map(c -> c.pack() + "/" + c.rule()).collect(Collectors.toSet());
    Set<String> quiet = cases.stream().filter(c -> !c.expectation().firing()).map(c -> c.pack() + "/" + c.rule()).collect(Collectors.toSet());

    Set<String> rules = all().rules().stream().map(RuleInfo::fullId).collect(Collectors.toCollection(TreeSet::new));

    assertThat(rules).as("rules").hasSizeGreaterThan(25);
    assertThat(rules.stream().filter(r -> !firing.contains(r))).as("rules with no fixture that makes them fire").isEmpty();
    assertThat(rules.stream().filter(r -> !quiet.contains(r))).as("rules with no fixture where they must stay quiet").isEmpty();
    assertThat(cases.stream().map(c -> c.pack() + "/" + c.rule()).filter(r -> !rules.contains(r)))
        .as("fixture folders naming no rule").isEmpty();
  }

  @Test
  void everyRuleCarriesItsMetadata() {
    for (RuleInfo rule : all().rules()) {
      assertThat(rule.metadata()).as(rule.fullId()).containsKeys("id", "title", "description", "kind");
      assertThat(rule.title()).as(rule.fullId() + " title").isNotBlank();
      assertThat(rule.description()).as(rule.fullId() + " description").hasSizeGreaterThan(40);
      assertThat(rule.metadata().get("kind")).as(rule.fullId() + " kind").isIn("verdict", "note", "suggestion", "finding");
      assertThat(rule.line()).as(rule.fullId() + " line").isPositive();
    }
  }
}

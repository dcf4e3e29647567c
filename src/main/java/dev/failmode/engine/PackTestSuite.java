package dev.failmode.engine;

import dev.failmode.model.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pack's fixtures run against its rules (compiled with the packs it depends on): each
 * fixture's outcome, which rules no fixture exercises, and the coverage.
 *
 * @param rules the rules of the pack under test, not of its dependencies
 * @param problems fixtures that could not be run as tests: misnamed files, folders naming no rule
 */
public record PackTestSuite(RulePack pack, List<RuleInfo> rules, List<PackTests.Outcome> outcomes, List<String> problems) {

  private static Path folder(RulePack pack) throws IOException {
    try {
      return PackLoader.folderOf(pack);
    } catch (PackException e) {
      throw new IOException(e.problems().get(0).message(), e);
    }
  }

  public static PackTestSuite run(RulePack pack, RuleBase rules, Map<String, Parameters> parameters, LocalDate today, Path cwd)
      throws IOException {
    List<String> problems = new ArrayList<>();
    Path root = folder(pack);
    String origin = pack.origin().endsWith("/") ? pack.origin() : pack.origin() + "/";
    List<PackTests.Case> cases = PackTests.discover(pack.id(), root.resolve("tests"),
        file -> origin + root.relativize(file).toString().replace('\\', '/'), problems);
    List<RuleInfo> own = rules.rules().stream().filter(r -> r.pack().equals(pack.id())).toList();
    Set<String> ids = own.stream().map(RuleInfo::id).collect(Collectors.toSet());
    cases.stream().map(PackTests.Case::rule).distinct().filter(rule -> !ids.contains(rule)).forEach(rule ->
        problems.add("tests/" + rule + "/ names no rule of pack " + pack.id()));
    PackTests tests = new PackTests(rules, parameters, today);
    List<PackTests.Outcome> outcomes = new ArrayList<>();
    for (PackTests.Case testCase : cases) {
      if (ids.contains(testCase.rule())) {
        outcomes.add(tests.run(testCase, cwd));
      }
    }
    return new PackTestSuite(pack, own, outcomes, problems);
  }

  public boolean passed() {
    return problems.isEmpty() && outcomes.stream().allMatch(PackTests.Outcome::passed);
  }

  public List<PackTests.Outcome> of(RuleInfo rule) {
    return outcomes.stream().filter(o -> o.testCase().rule().equals(rule.id())).toList();
  }

  /** Rules that no passing fixture makes fire. */
  public List<RuleInfo> notExercised() {
    return rules.stream().filter(rule -> of(rule).stream().noneMatch(o -> o.passed() && o.testCase().expectation().firing())).toList();
  }

  /** Rules with no fixture where they must stay quiet. */
  public List<RuleInfo> neverQuiet() {
    return rules.stream().filter(rule -> of(rule).stream().noneMatch(o -> !o.testCase().expectation().firing())).toList();
  }

  /** The share of the pack's rules exercised, in percent (100 for a pack with no rules). */
  public double coverage() {
    return rules.isEmpty() ? 100.0 : 100.0 * (rules.size() - notExercised().size()) / rules.size();
  }
}

package dev.failmode.engine;

import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A rule pack's own fixtures, found by naming convention so that a rule needs no test code:
 * {@code tests/<rule-id>/<expectation>-<case>.yaml}, where the file is a failure-mode file and
 * the name's prefix says what rule {@code <rule-id>} must do with every failure mode in it:
 *
 * <ul>
 *   <li>{@code not-ok-*}: the verdict is NOT OK, and this rule voted NOT OK;
 *   <li>{@code ok-to-break-*}: the verdict is OK TO BREAK, and this rule voted so;
 *   <li>{@code fires-*}: this rule fired (a vote, note, suggestion or finding), on each failure
 *       mode or, for a rule that judges whole files, on the file;
 *   <li>{@code quiet-*}: this rule did not fire at all.
 * </ul>
 */
public final class PackTests {
  /** What a fixture expects of its rule. */
  public enum Expectation {
    NOT_OK("not-ok-"),
    OK_TO_BREAK("ok-to-break-"),
    FIRES("fires-"),
    QUIET("quiet-");

    private final String prefix;

    Expectation(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }

    /** Whether a fixture of this kind shows the rule firing (rather than staying quiet). */
    public boolean firing() {
      return this != QUIET;
    }

    static Optional<Expectation> of(String fileName) {
      for (Expectation e : values()) {
        if (fileName.startsWith(e.prefix) && fileName.length() > e.prefix.length()) { // not-ok- alone names no case
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One fixture.
   *
   * @param rule the id of the rule it tests (its folder's name)
   * @param name the file's name without extension, e.g. {@code not-ok-etcd-down-2h}
   * @param shown the file as messages name it: under the pack as the run names the pack, so the
   *     same wherever the checkout is
   */
  public record Case(String pack, String rule, Path file, String name, Expectation expectation, String shown) {
    @Override
    public String toString() {
      return pack + "/" + rule + "/" + name;
    }
  }

  /**
   * A fixture's outcome.
   *
   * @param failures what did not hold, one line each; empty when it passed
   */
  public record Outcome(Case testCase, List<String> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  private final RuleBase rules;
  private final Map<String, dev.failmode.model.Parameters> parameters;
  private final LocalDate today;

  public PackTests(RuleBase rules, Map<String, dev.failmode.model.Parameters> parameters, LocalDate today) {
    this.rules = rules;
    this.parameters = parameters;
    this.today = today;
  }

  /**
   * Every fixture under a pack's {@code tests/} folder, sorted. Files in a rule's folder whose
   * names follow no convention are returned as problems, never skipped silently.
   */
  public static List<Case> discover(String pack, Path testsDir, List<String> misnamed) throws IOException {
    return discover(pack, testsDir, Path::toString, misnamed);
  }

  /**
   * @param shown how messages name a file of the tests folder
   */
  public static List<Case> discover(String pack, Path testsDir, java.util.function.Function<Path, String> shown, List<String> misnamed)
      throws IOException {
    List<Case> cases = new ArrayList<>();
    if (!Files.isDirectory(testsDir)) {
      return cases;
    }
    // a pack's fixtures are its folder's, as its DRL is: a link out could read a CI machine's files
    Path realRoot = testsDir.toAbsolutePath().getParent().toRealPath();
    if (PackLoader.outside(testsDir, realRoot)) {
      misnamed.add(shown.apply(testsDir) + ": " + PackLoader.OUTSIDE);
      return cases;
    }
    List<Path> entries;
    try (Stream<Path> listed = Files.list(testsDir)) {
      entries = listed.sorted().toList();
    }
    // a fixture where none is read would pass for tested while it never runs
    for (Path stray : entries.stream().filter(p -> Files.isRegularFile(p) && yaml(p)).toList()) {
      misnamed.add(shown.apply(stray) + ": a fixture goes in the folder of the rule it tests, tests/<rule-id>/");
    }
    for (Path ruleDir : entries.stream().filter(Files::isDirectory).toList()) {
      String rule = ruleDir.getFileName().toString();
      List<Path> fixtures;
      try (Stream<Path> walked = Files.walk(ruleDir, 8)) {
        fixtures = walked.filter(p -> Files.isRegularFile(p) && yaml(p)).sorted().toList();
      }
      for (Path stray : fixtures.stream().filter(p -> !p.getParent().equals(ruleDir)).toList()) {
        misnamed.add(shown.apply(stray) + ": fixtures are read from tests/" + rule + "/ itself, not from folders inside it");
      }
      for (Path file : fixtures.stream().filter(p -> p.getParent().equals(ruleDir)).toList()) {
        if (PackLoader.outside(file, realRoot)) {
          misnamed.add(shown.apply(file) + ": " + PackLoader.OUTSIDE);
          continue;
        }
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        Optional<Expectation> expectation = Expectation.of(name);
        if (expectation.isEmpty()) {
          misnamed.add(shown.apply(file) + ": a fixture's name starts with not-ok-, ok-to-break-, fires- or quiet- and names its case");
          continue;
        }
        cases.add(new Case(pack, rule, file, name, expectation.get(), shown.apply(file)));
      }
    }
    return cases;
  }

  private static boolean yaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** Runs one fixture through the rules and checks its expectation. */
  public Outcome run(Case testCase, Path workingDirectory) {
    List<String> failures = new ArrayList<>();
    String rule = testCase.pack() + "/" + testCase.rule();
    if (rules.rules().stream().noneMatch(r -> r.fullId().equals(rule))) {
      failures.add("pack " + testCase.pack() + " has no rule '" + testCase.rule() + "'");
      return new Outcome(testCase, failures);
    }
    LoadResult loaded = new CatalogueLoader(workingDirectory).load(List.of(testCase.file()));
    if (!loaded.ok()) {
      loaded.problems().forEach(p -> failures.add("the fixture is not a valid failure-mode file: " + p));
      return new Outcome(testCase, failures);
    }
    Report report;
    try {
      report = new Engine(rules, parameters, today).classify(loaded.catalogues());
    } catch (RuleFailure e) {
      failures.add(e.getMessage());
      return new Outcome(testCase, failures);
    }
    boolean fileFinding = report.findings().stream().anyMatch(f -> rule.equals(f.rule()) && isFileFinding(f, report));
    for (Result result : report.results()) {
      boolean fired = firedOn(rule, result, report);
      switch (testCase.expectation()) {
        case NOT_OK, OK_TO_BREAK -> {
          Decision expected = testCase.expectation() == Expectation.NOT_OK ? Decision.NOT_OK : Decision.OK_TO_BREAK;
          if (result.verdict() != expected) {
            failures.add(result.id() + ": expected " + expected.label() + ", got " + result.verdict().label() + reasons(result));
          }
          if (result.reasons().stream().noneMatch(r -> rule.equals(r.rule()) && r.vote() == expected)) {
            failures.add(result.id() + ": expected " + rule + " to vote " + expected.label() + ", but it did not" + reasons(result));
          }
        }
        case FIRES -> {
          if (!fired && !fileFinding) {
            failures.add(result.id() + ": expected " + rule + " to fire, but it did not" + reasons(result));
          }
        }
        case QUIET -> {
          if (fired) {
            failures.add(result.id() + ": expected " + rule + " to stay quiet, but it fired" + reasons(result));
          }
        }
      }
    }
    if (testCase.expectation() == Expectation.QUIET && fileFinding) {
      failures.add(testCase.file().getFileName() + ": expected " + rule + " to stay quiet, but it made a finding on the file");
    }
    return new Outcome(testCase, failures);
  }

  /** Whether a rule fired on a result: voted, noted, suggested, or made a finding about it. */
  public static boolean firedOn(String rule, Result result, Report report) {
    return result.reasons().stream().map(Reason::rule).anyMatch(rule::equals)
        || result.remediations().stream().map(Suggestion::rule).anyMatch(rule::equals)
        || report.findings().stream().anyMatch(f -> rule.equals(f.rule()) && f.id().equals(result.id()));
  }

  private static boolean isFileFinding(Finding finding, Report report) {
    return report.results().stream().noneMatch(r -> r.id().equals(finding.id()));
  }

  private static String reasons(Result result) {
    List<String> lines = result.reasons().stream()
        .map(r -> r.rule() + (r.vote() == null ? " noted" : " voted " + r.vote().label())).toList();
    return lines.isEmpty() ? " (no rule voted)" : " (" + String.join("; ", lines) + ")";
  }
}

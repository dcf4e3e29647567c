package dev.failmode.cli;

import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import dev.failmode.model.Report;
import dev.failmode.model.Text;
import dev.failmode.policy.FailOn;
import dev.failmode.policy.Judgement;
import dev.failmode.policy.Policy;
import dev.failmode.policy.Snapshot;
import dev.failmode.policy.Violation;
import dev.failmode.report.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {
        "The CI gate: validate failure-mode files, classify them, and apply the policy.",
        "",
        "With --format text (the default) it prints what fails the policy, one line each, like a linter;"
            + " other formats print the whole report (with a policy block) and say on standard error what failed.",
        "With --baseline it fails only on what a previous JSON report did not already have."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every file is valid and the policy holds",
        "1:the policy does not hold: an open NOT OK, an UNCLASSIFIED mode, a contradicted claim, an expired waiver,"
            + " or a file over its budget (--fail-on chooses which)",
        "2:bad input or usage: invalid YAML, schema violation, unknown pack, broken rule pack, unreadable baseline"})
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RunOptions options;
  @Mixin LoggingOptions logging;

  @Option(names = "--fail-on", paramLabel = "KIND", split = ",", completionCandidates = FailOnCandidates.class,
      description = "What fails the check: ${COMPLETION-CANDIDATES} (default: all but none). Repeatable or comma-separated;"
          + " 'none' only validates the files.")
  List<String> failOnNames = new ArrayList<>();

  private Set<FailOn> failOn = EnumSet.allOf(FailOn.class);

  @Option(names = "--baseline", paramLabel = "REPORT.json",
      description = "A previous run's JSON report (--format json): fail only on violations it does not already have.")
  Path baseline;

  /** The values --fail-on takes: every kind, and none. */
  static final class FailOnCandidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FailOnCandidates() {
      for (FailOn kind : FailOn.values()) {
        add(kind.toString());
      }
      add("none");
    }
  }

  @Override
  public Integer call() throws UserError {
    Snapshot previous;
    Set<FailOn> given;
    try {
      previous = readBaseline();
      given = failOnNames.isEmpty() ? null : failOn(failOnNames, null); // before the work, as a typo needs none
    } catch (UserError e) {
      throw Pipeline.said(e, options, spec.commandLine().getOut()); // a job's annotations and SARIF log show it too
    }
    Pipeline.Run run = Pipeline.run(options, spec.commandLine().getOut(), spec.commandLine().getErr());
    Report report = run.report();
    if (previous != null) {
      DiffCommand.differentRules(previous.madeWith(), Snapshot.madeWith(report.toolVersion(),
          report.packs().stream().map(p -> p.id() + " " + p.version()).toList()), spec.commandLine().getErr());
    }
    failOn = given != null ? given : run.setup().failOn;
    Policy policy = new Policy(failOn);
    Judgement judgement = previous == null ? policy.judge(report) : policy.judge(report, previous);
    PrintWriter out = spec.commandLine().getOut();
    String summary = summary(report, judgement);
    if (options.format == Format.TEXT) {
      // check's text is what fails, like a linter, wherever it goes; classify prints the whole report
      Pipeline.write(writer -> {
        for (Violation v : judgement.violations()) {
          // one line each whatever a file's text holds: CI reads a line that starts with "::" as a command
          writer.write(Text.lineStart(v.location() + ": " + v.kind() + ": " + v.id() + ": " + v.messageWithRule()) + "\n");
        }
        writer.write(summary + "\n");
      }, options, out);
    } else {
      Pipeline.write(report, judgement, options, out);
    }
    if (options.format != Format.TEXT || options.output != null) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(summary);
      err.flush();
    }
    return judgement.passed() ? ExitCode.OK : ExitCode.POLICY;
  }

  /**
   * The kinds of violation check fails on; all of them when none are named, none for {@code none}
   * alone.
   *
   * @param where where the project file names each, or null for names given with --fail-on
   */
  static Set<FailOn> failOn(List<String> names, IntFunction<Location> where) throws UserError {
    if (names.isEmpty()) {
      return EnumSet.allOf(FailOn.class);
    }
    Set<FailOn> kinds = EnumSet.noneOf(FailOn.class);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String trimmed = names.get(i).trim();
      String wrong;
      if (trimmed.equalsIgnoreCase("none")) {
        wrong = names.size() == 1 ? null : "'none' fails on nothing, so it cannot be named with other kinds";
      } else {
        FailOn kind = java.util.Arrays.stream(FailOn.values()).filter(k -> k.toString().equalsIgnoreCase(trimmed)).findFirst()
            .orElse(null);
        wrong = kind != null ? null : "'" + trimmed + "' is not one of " + new FailOnCandidates()
            + dev.failmode.load.Suggest.didYouMean(trimmed, new FailOnCandidates());
        if (kind != null) {
          kinds.add(kind);
        }
      }
      if (wrong != null && where == null) {
        throw new UserError("--fail-on: " + wrong);
      }
      if (wrong != null) {
        problems.add(new Problem(where.apply(i), "failOn[" + i + "]", wrong));
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError("the project file's failOn cannot be used", problems);
    }
    return kinds;
  }

  private Snapshot readBaseline() throws UserError {
    return baseline == null ? null : DiffCommand.read(baseline, "--baseline ");
  }

  private String summary(Report report, Judgement judgement) {
    String checked = Text.count(report.summary().failureModes(), "failure mode") + " in " + Text.count(report.catalogues().size(), "file");
    String accepted = judgement.accepted().isEmpty() ? ""
        : "; " + Text.count(judgement.accepted().size(), "violation") + " already in the baseline " + baseline + " accepted";
    if (judgement.passed()) {
      return "check passed: " + checked + " (failing on " + failOnText() + ")" + accepted;
    }
    Map<FailOn, Integer> counts = new LinkedHashMap<>();
    judgement.violations().forEach(v -> counts.merge(v.kind(), 1, Integer::sum));
    StringBuilder text = new StringBuilder("check failed: ")
        .append(Text.count(judgement.violations().size(), baseline == null ? "violation" : "new violation"))
        .append(" in ").append(checked).append(" (");
    counts.forEach((kind, n) -> text.append(n).append(' ').append(kind).append(", "));
    text.setLength(text.length() - 2);
    return text.append(')').append(accepted).toString();
  }

  private String failOnText() {
    return failOn.isEmpty() ? "nothing" : String.join(", ", failOn.stream().map(FailOn::toString).toList());
  }
}

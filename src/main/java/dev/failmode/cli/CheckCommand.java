package dev.failmode.cli;

import dev.failmode.engine.Policy;
import dev.failmode.engine.Policy.FailOn;
import dev.failmode.engine.Policy.Violation;
import dev.failmode.model.Report;
import dev.failmode.report.Format;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, usageHelpWidth = 100,
    description = {
        "The CI gate: validate failure-mode files, classify them, and apply the policy.",
        "",
        "With --format text (the default) it prints what fails the policy, one line each, like a linter;"
            + " other formats print the whole report and say on standard error what failed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every file is valid and the policy holds",
        "1:the policy does not hold: an open NOT OK, an UNCLASSIFIED mode, a contradicted claim, an expired waiver,"
            + " or a file over its budget (--fail-on chooses which)",
        "2:bad input or usage: invalid YAML, schema violation, unknown pack, broken rule pack"})
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RunOptions options;
  @Mixin LoggingOptions logging;

  @Option(names = "--fail-on", paramLabel = "KIND", split = ",",
      description = "What fails the check: ${COMPLETION-CANDIDATES} (default: all of them). Repeatable or comma-separated.")
  Set<FailOn> failOn = EnumSet.allOf(FailOn.class);

  @Override
  public Integer call() throws UserError {
    Report report = Pipeline.run(options, spec.commandLine().getErr());
    List<Violation> violations = new Policy(failOn).violations(report);
    PrintWriter out = spec.commandLine().getOut();
    if (options.format == Format.TEXT && options.output == null) {
      printViolations(violations, out);
    } else {
      Pipeline.write(report, options, out);
    }
    PrintWriter summaryOut = options.format == Format.TEXT && options.output == null ? out : spec.commandLine().getErr();
    summaryOut.println(summary(report, violations));
    summaryOut.flush();
    return violations.isEmpty() ? ExitCode.OK : ExitCode.POLICY;
  }

  private void printViolations(List<Violation> violations, PrintWriter out) {
    for (Violation v : violations) {
      out.println(v.location() + ": " + v.kind() + ": " + v.id() + ": " + v.message());
    }
  }

  private String summary(Report report, List<Violation> violations) {
    String checked = report.summary().failureModes() + " failure modes in " + report.catalogues().size()
        + (report.catalogues().size() == 1 ? " file" : " files");
    if (violations.isEmpty()) {
      return "check passed: " + checked + " (failing on " + failOnText() + ")";
    }
    Map<FailOn, Integer> counts = new LinkedHashMap<>();
    violations.forEach(v -> counts.merge(v.kind(), 1, Integer::sum));
    StringBuilder text = new StringBuilder("check failed: ").append(violations.size())
        .append(violations.size() == 1 ? " violation" : " violations").append(" in ").append(checked).append(" (");
    counts.forEach((kind, n) -> text.append(n).append(' ').append(kind).append(", "));
    text.setLength(text.length() - 2);
    return text.append(')').toString();
  }

  private String failOnText() {
    return failOn.isEmpty() ? "nothing" : String.join(", ", failOn.stream().map(FailOn::toString).toList());
  }
}

package dev.failmode.cli;

import dev.failmode.policy.Diff;
import dev.failmode.policy.Snapshot;
import dev.failmode.report.DiffReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {
        "List what changed between two runs' JSON reports: failure modes added and removed, verdicts and statuses that"
            + " changed, findings that appeared or went away. --format markdown is ready for a pull-request comment.",
        "",
        "  failmode classify --format json -o old.json .   (on the base branch)",
        "  failmode classify --format json -o new.json .   (on the pull request)",
        "  failmode diff old.json new.json --format markdown"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the changes were listed (with --exit-code: there were none)", "1:with --exit-code: there were changes",
        "2:a report is missing or is not a failmode JSON report"})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LoggingOptions logging;

  @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier run's report.")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW.json", description = "The later run's report.")
  Path after;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DiffReport.Format format = DiffReport.Format.TEXT;

  @Option(names = "--exit-code", description = "Exit 1 when there are changes, like git diff --exit-code.")
  boolean exitCode;

  @Override
  public Integer call() throws UserError {
    Snapshot earlier = read(before, "");
    Snapshot later = read(after, "");
    differentRules(earlier.madeWith(), later.madeWith(), spec.commandLine().getErr());
    Diff diff = Diff.between(earlier, later);
    PrintWriter out = spec.commandLine().getOut();
    out.print(DiffReport.render(diff, format));
    out.flush();
    return exitCode && !diff.isEmpty() ? ExitCode.POLICY : ExitCode.OK;
  }

  /**
   * Says on standard error when two runs were made with other rules or another failmode: their
   * verdicts may differ because the rules did, not the files (or agree though the files changed).
   */
  static void differentRules(String before, String after, PrintWriter err) {
    if (!before.equals(after)) {
      err.println("failmode: note: the reports were made with different rules (" + before + "; then " + after
          + "): a change may be the rules', not the files'");
      err.flush();
    }
  }

  /**
   * An earlier run's JSON report, for diff and for check's --baseline; what is wrong with it is
   * said after {@code given} (the option that named it, or nothing).
   */
  static Snapshot read(Path file, String given) throws UserError {
    if (file.toString().isEmpty()) { // Path.of("") is the working directory, "a folder"
      throw new UserError(given.isEmpty() ? "an empty path: name a JSON report" : given.strip() + ": an empty path: name a JSON report");
    }
    if (!Files.isRegularFile(file)) {
      throw new UserError(given + file + (Files.isDirectory(file) ? ": is a folder; name a JSON report" : ": no such file"));
    }
    try {
      return Snapshot.read(file);
    } catch (IllegalArgumentException e) {
      throw new UserError(given + e.getMessage());
    } catch (IOException e) {
      throw new UserError(given + file + ": cannot read: " + e.getMessage());
    }
  }
}

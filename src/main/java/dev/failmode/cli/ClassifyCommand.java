package dev.failmode.cli;

import dev.failmode.model.Report;
import dev.failmode.policy.Policy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {
        "Read failure-mode files and folders, classify every failure mode as OK TO BREAK or NOT OK with the rule packs,"
            + " and print a report with the reasons, the budget arithmetic and suggested remediations.",
        "",
        "Exits 0 whenever every file could be read, whatever the verdicts; 2 on bad input. Formats that speak of pass and"
            + " fail (sarif, junit, github) mark what 'check' with its default policy would reject."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file was read and classified", "2:bad input or usage (the message names file:line:column)"})
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RunOptions options;
  @Mixin LoggingOptions logging;

  @Override
  public Integer call() throws UserError {
    Report report = Pipeline.run(options, spec.commandLine().getOut(), spec.commandLine().getErr()).report();
    // Formats that speak of pass and fail (SARIF, JUnit) mark what check's default policy would reject.
    Pipeline.write(report, Policy.strict().judge(report), options, spec.commandLine().getOut());
    return ExitCode.OK;
  }
}

package dev.failmode.cli;

import dev.failmode.engine.ToolVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "failmode", mixinStandardHelpOptions = true, versionProvider = FailmodeCommand.Version.class, usageHelpWidth = 100,
    description = {
        "What is OK to break, and what is not: failure modes in YAML, sorted by Drools rules",
        "into OK TO BREAK and NOT OK, with reasons and suggested remediations.",
        "",
        "  failmode classify examples/    the OK TO BREAK and NOT OK lists, per component",
        "  failmode check .               the CI gate: exit 1 when the policy does not hold",
        "  failmode budget --slo 99.99    the error-budget arithmetic",
        ""},
    subcommands = {ClassifyCommand.class, CheckCommand.class, BudgetCommand.class, DiffCommand.class, RulesCommand.class,
        TestCommand.class, PacksCommand.class, SchemaCommand.class,
        picocli.AutoComplete.GenerateCompletion.class, picocli.CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:check: the policy does not hold", "2:bad input or usage"})
final class FailmodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT;
  }

  /** {@code failmode 0.1.0 (Drools 10.2.0, Java 17.0.15)}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"failmode " + ToolVersion.failmode() + " (Drools " + ToolVersion.drools() + ", Java "
          + System.getProperty("java.version") + ")"};
    }
  }
}

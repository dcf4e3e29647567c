package dev.failmode.cli;

import dev.failmode.engine.ToolVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:check: the policy does not hold", "2:bad input or usage"})
final class FailmodeCommand implements Callable<Integer> {
  /**
   * The subcommands, by name. Main registers only the one a run names: picocli reads each
   * command's annotations when it is registered, and a CI job pays that on every commit.
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  @Spec CommandSpec spec;

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("classify", ClassifyCommand::new);
    commands.put("check", CheckCommand::new);
    commands.put("validate", ValidateCommand::new);
    commands.put("budget", BudgetCommand::new);
    commands.put("diff", DiffCommand::new);
    commands.put("rules", RulesCommand::new);
    commands.put("test", TestCommand::new);
    commands.put("packs", PacksCommand::new);
    commands.put("schema", SchemaCommand::new);
    commands.put("generate-completion", picocli.AutoComplete.GenerateCompletion::new);
    commands.put("help", picocli.CommandLine.HelpCommand::new);
    return Collections.unmodifiableMap(commands);
  }

  /** The root command with the subcommand {@code args} name, or with all of them when it names none (help, usage errors). */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new FailmodeCommand());
    String named = args.length > 0 ? args[0] : null;
    boolean one = named != null && SUBCOMMANDS.containsKey(named) && !named.equals("help") && !named.equals("generate-completion");
    SUBCOMMANDS.forEach((name, command) -> {
      if (!one || name.equals(named)) {
        cli.addSubcommand(name, command.get());
      }
    });
    CommandLine completion = cli.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().versionProvider(new Version()); // picocli's own says picocli's version
    }
    return cli;
  }

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

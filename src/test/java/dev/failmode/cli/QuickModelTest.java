package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The quick model of check, classify and validate parses as the model picocli reads from their
 * annotations: the same options, and every command line to the same values or to an error in both.
 * What either prints (help, versions, errors) comes from the annotated one.
 */
class QuickModelTest {
  @ParameterizedTest
  @ValueSource(strings = {"check", "classify", "validate"})
  void theQuickModelHasTheOptionsOfTheAnnotations(String command) {
    assertThat(options(quick(command))).isEqualTo(options(annotated(command)));
    assertThat(options(quick(command).parent())).isEqualTo(options(annotated(command).parent()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "classify", "validate"})
  void commandLinesParseToTheSameValuesOrFailInBoth(String command) {
    for (List<String> given : commandLines(command)) {
      String[] args = given.toArray(String[]::new);
      CommandLine quick = Main.configure(QuickModel.commandLine(command), nowhere(), nowhere());
      CommandLine annotated = Main.configure(FailmodeCommand.commandLine(args), nowhere(), nowhere());

      Throwable quickFailure = catchThrowable(() -> quick.parseArgs(args));
      Throwable annotatedFailure = catchThrowable(() -> annotated.parseArgs(args));

      assertThat(quickFailure == null ? null : quickFailure.getClass()).as("%s", given)
          .isEqualTo(annotatedFailure == null ? null : annotatedFailure.getClass());
      if (quickFailure == null) {
        assertThat(values(quick.getSubcommands().get(command).getCommandSpec())).as("%s", given)
            .isEqualTo(values(annotated.getSubcommands().get(command).getCommandSpec()));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "classify", "validate"})
  void helpIsTheAnnotatedCommandsOwn(String command) {
    Cli help = Cli.run(command, "examples/", "-h");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).isEqualTo(annotated(command).commandLine().getUsageMessage()).contains("Exit codes:");
    assertThat(Cli.run(command, "--version").out()).startsWith("failmode ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "classify", "validate"})
  void refusedCommandLinesGetTheAnnotatedModelsMessages(String command) {
    Cli unknown = Cli.run(command, "--frmat", "json");

    assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    // the suggestion is Main's, made from the annotated model: the quick one's refusal has none
    assertThat(unknown.err()).isEqualTo("failmode: Unknown option: '--frmat'" + (command.equals("validate") ? "" : "; did you mean '--format'?")
        + "\nRun 'failmode " + command + " --help' for usage.\n");
    assertThat(unknown.out()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aBadValueIsNamedAsTheAnnotationsNameIt() {
    Cli bad = Cli.run("check", "--format", "yml", "examples/");

    assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(bad.err()).contains("--format").contains("yml").contains("Run 'failmode check --help' for usage.");
  }

  @org.junit.jupiter.api.Test
  void onlyTheCommandsCiRunsHaveAQuickModel() {
    for (String other : FailmodeCommand.SUBCOMMANDS.keySet()) {
      assertThat(QuickModel.commandLine(other) != null).as(other).isEqualTo(List.of("check", "classify", "validate").contains(other));
    }
  }

  /** Command lines of every option, alone, together, repeated, split, misspelt or with a bad value. */
  private static List<List<String>> commandLines(String command) {
    List<List<String>> lines = new ArrayList<>();
    List<String> valid = new ArrayList<>(List.of("", "examples/", "a.yaml b/ c.yml", "--", "-- --format"));
    if (!command.equals("validate")) {
      valid.addAll(List.of("-f json", "--format=SARIF", "-fjson", "--format markdown -o out.md", "--output=x.json",
          "-r core", "--rules core --rules envoy", "-r core -r ./pack", "--project p.yaml", "--no-project",
          "--trust a --trust b", "--no-cache", "--maven-repo-local /tmp/m2", "--set window-share=30%",
          "--set a=1 --set core.b=2", "--set flag", "--today 2026-01-31", "--color never", "--color=ALWAYS",
          "examples/ -f json --today 2026-01-01 -r core --set x=1 --no-cache -o out.json --color auto",
          "--format", "--format yamlish", "--today yesterday", "--today 2026-13-01", "--color sometimes", "-o",
          "--no-project=false", "--no-cache --no-cache"));
    }
    if (command.equals("check")) {
      valid.addAll(List.of("--fail-on open-not-ok", "--fail-on open-not-ok,unclassified", "--fail-on none --fail-on expired-waiver",
          "--baseline old.json", "--baseline", "--fail-on"));
    }
    valid.addAll(List.of("--frmat json", "-x", "--help", "-h", "-V", "--version", "--help --bogus", "-hV"));
    for (String line : valid) {
      List<String> args = new ArrayList<>(List.of(command));
      if (!line.isEmpty()) {
        args.addAll(Arrays.asList(line.split(" ")));
      }
      lines.add(args);
    }
    return lines;
  }

  private static CommandSpec quick(String command) {
    return QuickModel.commandLine(command).getSubcommands().get(command).getCommandSpec();
  }

  private static CommandSpec annotated(String command) {
    return FailmodeCommand.commandLine(new String[] {command}).getSubcommands().get(command).getCommandSpec();
  }

  /** What of each option and positional parameter decides how a command line parses. */
  private static Map<String, String> options(CommandSpec spec) {
    Map<String, String> options = new TreeMap<>();
    for (OptionSpec option : spec.options()) {
      options.put(String.join(",", option.names()), parsing(option) + " usageHelp=" + option.usageHelp() + " versionHelp="
          + option.versionHelp() + " negatable=" + option.negatable() + " fallback=" + option.fallbackValue());
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      options.put("positional " + positional.index(), parsing(positional));
    }
    return options;
  }

  private static String parsing(ArgSpec arg) {
    return "type=" + arg.type().getName() + " aux=" + Arrays.toString(arg.auxiliaryTypes()) + " arity=" + arg.arity() + (arg.arity().isUnspecified() ? " (unspecified)" : "")
        + " split=" + arg.splitRegex() + " required=" + arg.required() + " interactive=" + arg.interactive()
        + " mapFallback=" + arg.mapFallbackValue() + " default=" + arg.defaultValue() + " initial=" + arg.initialValue();
  }

  /** The value every option and positional parameter holds after parsing ({@code --verbose} and {@code --debug} are left out: they set logging up). */
  private static Map<String, String> values(CommandSpec spec) {
    Map<String, String> values = new TreeMap<>();
    for (OptionSpec option : spec.options()) {
      if (!option.longestName().equals("--verbose") && !option.longestName().equals("--debug")) {
        values.put(option.longestName(), String.valueOf((Object) option.getValue()));
      }
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      values.put("positional " + positional.index(), String.valueOf((Object) positional.getValue()));
    }
    return values;
  }

  private static PrintWriter nowhere() {
    return new PrintWriter(new StringWriter());
  }
}

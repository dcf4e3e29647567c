package dev.failmode.cli;

import dev.failmode.engine.PackException;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.Project;
import dev.failmode.engine.RuleBasePrefetch;
import dev.failmode.model.Problem;
import dev.failmode.model.Text;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code failmode} command line. Every outcome is an exit code from cli.md: problems are
 * printed located and without stack traces (unless {@code --debug}), whatever went wrong.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    LoggingProvider.choose();
    prefetchRules(args);
    // UTF-8 whatever the locale: reports are UTF-8 (JSON, SARIF, XML), and a C locale would turn
    // every character beyond ASCII into '?'
    StandardOutput stdout = new StandardOutput();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new java.io.BufferedOutputStream(stdout, 65_536), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(stdout.exitCode(run(args, out, err), out, err));
  }

  /**
   * For classify and check, starts building the rule base of the packs the run will most likely
   * use while the command line is parsed and the files are read: those of {@code --rules}, else
   * the project file's (read on that thread), else the default. Only built-in packs are built
   * ahead ({@link RuleBasePrefetch#builtInsFor}); a run takes what was built only when it was
   * built for exactly its built-in packs, and adds its other packs to it: a guess wrong here
   * costs work on the other core, never a verdict.
   */
  static void prefetchRules(String[] args) {
    List<String> given = Arrays.asList(args);
    boolean classifies = !given.isEmpty() && (given.get(0).equals("classify") || given.get(0).equals("check"));
    if (!classifies || Boolean.getBoolean("failmode.noPrefetch")) {
      return;
    }
    List<String> rules = new java.util.ArrayList<>();
    String project = null;
    boolean noProject = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String next = i + 1 < args.length ? args[i + 1] : null;
      if ((arg.equals("-r") || arg.equals("--rules")) && next != null) {
        rules.add(next);
      } else if (arg.startsWith("--rules=") || arg.startsWith("-r=")) {
        rules.add(arg.substring(arg.indexOf('=') + 1));
      } else if (arg.equals("--project") && next != null) {
        project = next;
      } else if (arg.startsWith("--project=")) {
        project = arg.substring("--project=".length());
      } else if (arg.equals("--no-project")) {
        noProject = true;
      }
    }
    if (!rules.isEmpty()) {
      RuleBasePrefetch.start(RuleBasePrefetch.builtInsFor(rules));
    } else if (noProject) {
      RuleBasePrefetch.start(List.of(PackLoader.DEFAULT_PACK));
    } else {
      Path file;
      try {
        file = Path.of(project != null ? project : Project.FILE_NAME);
      } catch (java.nio.file.InvalidPathException e) {
        return; // picocli says what is wrong with it
      }
      RuleBasePrefetch.start(new ProjectPacks(file));
    }
  }

  /**
   * The packs a project file names, read on the prefetch thread: the default when it names none
   * or there is none; null when it cannot be read (the run reports why). A class, not a lambda: a
   * lambda the class-data archive did not see binds its call site at every cold start.
   */
  private record ProjectPacks(Path file) implements java.util.function.Supplier<List<String>> {
    @Override
    public List<String> get() {
      if (!Files.isRegularFile(file)) {
        return List.of(PackLoader.DEFAULT_PACK);
      }
      try {
        List<String> packs = Project.read(file, file.toString()).packs();
        return packs.isEmpty() ? List.of(PackLoader.DEFAULT_PACK) : RuleBasePrefetch.builtInsFor(packs);
      } catch (PackException e) {
        return null;
      }
    }
  }

  /**
   * Runs the command line with the given output streams and returns the exit code. check, classify
   * and validate are parsed with the {@link QuickModel}; when such a run asks for help or a version,
   * or is refused, it is run again with the model picocli reads from the annotations, whose help
   * and messages it prints.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine quick = args.length == 0 || Boolean.getBoolean("failmode.annotatedModel") ? null : QuickModel.commandLine(args[0]);
    if (quick == null) {
      return annotated(args, out, err);
    }
    return execute(configure(quick, out, err)
        .setParameterExceptionHandler((e, given) -> annotated(given, out, err))
        .setExecutionStrategy(parsed -> helpAsked(parsed) ? annotated(args, out, err) : runLast(parsed)), args, err);
  }

  /** The run with the model read from the annotations. */
  private static int annotated(String[] args, PrintWriter out, PrintWriter err) {
    return execute(configure(FailmodeCommand.commandLine(args), out, err)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionStrategy(Main::runLast), args, err);
  }

  private static boolean helpAsked(ParseResult parsed) {
    for (ParseResult command = parsed; command != null; command = command.subcommand()) {
      if (command.isUsageHelpRequested() || command.isVersionHelpRequested()) {
        return true;
      }
    }
    return false;
  }

  private static int runLast(ParseResult parsed) {
    RuleBasePrefetch.awaitLogging(); // commands log; not while another thread sets logging up
    return new CommandLine.RunLast().execute(parsed);
  }

  /** {@code cli} with its output, converters and failure handler: what the two models share. */
  static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
    cli.setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::failure);
    cli.registerConverter(java.time.LocalDate.class, Main::date);
    cli.registerConverter(dev.failmode.policy.FailOn.class, text -> choice(dev.failmode.policy.FailOn.class, text));
    cli.registerConverter(dev.failmode.report.DiffReport.Format.class, text -> choice(dev.failmode.report.DiffReport.Format.class, text));
    cli.registerConverter(dev.failmode.report.Format.class, text -> choice(dev.failmode.report.Format.class, text));
    cli.registerConverter(Terminal.ColorMode.class, text -> choice(Terminal.ColorMode.class, text));
    return cli;
  }

  private static int execute(CommandLine cli, String[] args, PrintWriter err) {
    try {
      int code = cli.execute(args);
      cli.getOut().flush();
      return code;
    } catch (OutOfMemoryError e) {
      traceWhenDebugging(e, args, err);
      err.println("failmode: out of memory: the input is too large for this JVM's heap; give it more (-Xmx) or split the files");
      return ExitCode.BAD_INPUT;
    } catch (StackOverflowError e) {
      traceWhenDebugging(e, args, err);
      err.println("failmode: the input is nested too deeply to process");
      return ExitCode.BAD_INPUT;
    }
  }

  private static void traceWhenDebugging(Throwable e, String[] args, PrintWriter err) {
    if (java.util.Arrays.asList(args).contains("--debug")) {
      e.printStackTrace(err);
    }
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("failmode: " + Text.printable(unknownCommand(e).orElse(e.getMessage() + suggestion(e))));
    err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  /**
   * "unknown command 'bogus' (commands: ...)" when the word after failmode, or after a command
   * that has its own (rules, packs), is no command, rather than picocli's "Unmatched argument at
   * index 0".
   */
  private static java.util.Optional<String> unknownCommand(ParameterException e) {
    CommandLine cli = e.getCommandLine();
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()
        || cli.getSubcommands().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
      return java.util.Optional.empty();
    }
    String given = unmatched.getUnmatched().get(0);
    java.util.List<String> commands = cli.getSubcommands().keySet().stream().filter(name -> !name.equals("generate-completion")).toList();
    String suggestion = dev.failmode.load.Suggest.didYouMean(given, commands);
    String of = cli.getParent() == null ? "" : " of " + cli.getCommandSpec().qualifiedName();
    return java.util.Optional.of("unknown command '" + given + "'" + of + (suggestion.isEmpty() ? " (commands: " + String.join(", ", commands) + ")"
        : suggestion));
  }

  /** "; did you mean '--format'?" for a misspelt option. */
  private static String suggestion(ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    String given = unmatched.getUnmatched().get(0);
    java.util.List<String> known = new java.util.ArrayList<>();
    e.getCommandLine().getCommandSpec().options().forEach(o -> known.addAll(java.util.List.of(o.names())));
    known.addAll(e.getCommandLine().getSubcommands().keySet());
    return dev.failmode.load.Suggest.didYouMean(given, known);
  }

  private static int failure(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    boolean color = Terminal.stderrColor();
    if (e instanceof UserError user) {
      for (Problem problem : user.problems()) {
        // a problem quotes what a file says, which must not break its line or reach the terminal as control codes
        err.println(Text.lineStart(problem.location().toString()) + ": " + (color ? "\u001b[1;31merror\u001b[0m" : "error") + ": "
            + Text.printable(problem.detail()));
      }
      err.println("failmode: " + Text.printable(user.getMessage()));
      if (LoggingOptions.debugging() && user.getCause() != null) {
        user.getCause().printStackTrace(err);
      }
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    err.println("failmode: internal error: " + e + (LoggingOptions.debugging() ? "" : " (rerun with --debug for the stack trace;"
        + " this is a bug, please report it)"));
    if (LoggingOptions.debugging()) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  private static java.time.LocalDate date(String text) {
    try {
      return dev.failmode.load.Notation.date(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /** An enum option's value, written as the help lists it ({@code open-not-ok}, {@code json}). */
  private static <E extends Enum<E>> E choice(Class<E> type, String text) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      if (constant.toString().equalsIgnoreCase(text) || constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
      names.add(constant.toString());
    }
    throw new CommandLine.TypeConversionException("'" + text + "' is not one of " + String.join(", ", names)
        + dev.failmode.load.Suggest.didYouMean(text, names));
  }

}

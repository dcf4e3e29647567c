package dev.failmode.cli;

import dev.failmode.engine.PackLoader;
import dev.failmode.engine.RuleBasePrefetch;
import dev.failmode.model.Problem;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    System.exit(run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /**
   * For classify and check, starts compiling the default packs while the command line is parsed
   * and the files are read; a run that turns out to need other packs compiles those instead.
   */
  static void prefetchRules(String[] args) {
    List<String> given = Arrays.asList(args);
    boolean classifies = !given.isEmpty() && (given.get(0).equals("classify") || given.get(0).equals("check"));
    boolean otherPacks = given.stream().anyMatch(arg -> arg.equals("-r") || arg.startsWith("--rules") || arg.startsWith("--project"));
    if (classifies && !otherPacks && !Boolean.getBoolean("failmode.noPrefetch")) {
      RuleBasePrefetch.start(List.of(PackLoader.DEFAULT_PACK));
    }
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = FailmodeCommand.commandLine(args)
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler(Main::failure)
        .setExecutionStrategy(parsed -> {
          RuleBasePrefetch.awaitLogging(); // commands log; not while another thread sets logging up
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.registerConverter(java.time.LocalDate.class, Main::date);
    cli.registerConverter(dev.failmode.policy.FailOn.class, text -> choice(dev.failmode.policy.FailOn.class, text));
    cli.registerConverter(dev.failmode.report.DiffReport.Format.class, text -> choice(dev.failmode.report.DiffReport.Format.class, text));
    cli.registerConverter(dev.failmode.report.Format.class, text -> choice(dev.failmode.report.Format.class, text));
    cli.registerConverter(Terminal.ColorMode.class, text -> choice(Terminal.ColorMode.class, text));
    try {
      int code = cli.execute(args);
      out.flush();
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
    err.println("failmode: " + e.getMessage() + suggestion(e));
    err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.BAD_INPUT;
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
        err.println(problem.location() + ": " + (color ? "\u001b[1;31merror\u001b[0m" : "error") + ": "
            + (problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message());
      }
      err.println("failmode: " + user.getMessage());
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

package dev.failmode.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command lines CI runs on every commit ({@code check}, {@code classify}, {@code validate}),
 * declared in code, for parsing alone. Read from the commands' annotations, the same model costs
 * the run's thread ~40 ms of a cold start: the JDK makes a proxy class for each annotation type
 * it reads (eight, with those on {@code Object}'s methods, which picocli scans too), and picocli
 * walks every class and mixin by reflection. The annotations stay the source of the help and of
 * every message: a run that asks for help or a version, or that this model refuses, is run again
 * with the model read from them ({@link Main#run}), so that all it prints is theirs.
 * {@code QuickModelTest} holds both models to the same options, parsed alike; the system property
 * {@code failmode.annotatedModel=true} runs without this one, to compare.
 */
final class QuickModel {
  private QuickModel() {}

  /** The root command with the subcommand {@code name}, when it is one of those declared here; else null. */
  static CommandLine commandLine(String name) {
    try {
      CommandSpec sub;
      switch (name) {
        case "check" -> {
          CheckCommand check = new CheckCommand();
          sub = command(check, "check");
          check.spec = sub;
          check.options = run(sub);
          check.logging = logging(sub);
          sub.addOption(option(check, "failOnNames", "--fail-on").type(List.class).auxiliaryTypes(String.class).splitRegex(",").build());
          sub.addOption(option(check, "baseline", "--baseline").type(Path.class).build());
        }
        case "classify" -> {
          ClassifyCommand classify = new ClassifyCommand();
          sub = command(classify, "classify");
          classify.spec = sub;
          classify.options = run(sub);
          classify.logging = logging(sub);
        }
        case "validate" -> {
          ValidateCommand validate = new ValidateCommand();
          sub = command(validate, "validate");
          validate.spec = sub;
          validate.logging = logging(sub);
          sub.addPositional(paths(validate, "paths"));
        }
        default -> {
          return null;
        }
      }
      FailmodeCommand root = new FailmodeCommand();
      CommandSpec spec = command(root, "failmode");
      root.spec = spec;
      CommandLine cli = new CommandLine(spec);
      cli.addSubcommand(name, new CommandLine(sub));
      return cli;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the quick command-line model does not match its classes: " + e, e);
    }
  }

  /** A command with the standard help options, as {@code mixinStandardHelpOptions} gives it. */
  private static CommandSpec command(Object command, String name) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(name);
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).initialValue(false).hasInitialValue(true).build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).initialValue(false).hasInitialValue(true).build());
    return spec;
  }

  /** {@link RunOptions} and the {@link PackOptions} in it, added to {@code spec}. */
  private static RunOptions run(CommandSpec spec) throws ReflectiveOperationException {
    RunOptions run = new RunOptions();
    spec.addPositional(paths(run, "paths"));
    run.packs = new PackOptions();
    PackOptions packs = run.packs;
    spec.addOption(option(packs, "rules", "-r", "--rules").type(List.class).auxiliaryTypes(String.class).build());
    spec.addOption(option(packs, "project", "--project").type(Path.class).build());
    spec.addOption(option(packs, "noProject", "--no-project").type(boolean.class).build());
    spec.addOption(option(packs, "trust", "--trust").type(List.class).auxiliaryTypes(String.class).build());
    spec.addOption(option(packs, "noCache", "--no-cache").type(boolean.class).build());
    spec.addOption(option(packs, "mavenLocalRepository", "--maven-repo-local").type(Path.class).build());
    spec.addOption(option(run, "format", "-f", "--format").type(dev.failmode.report.Format.class).build());
    spec.addOption(option(run, "output", "-o", "--output").type(Path.class).build());
    OptionSpec.Builder set = option(run, "parameters", "--set").type(Map.class).auxiliaryTypes(String.class, String.class);
    set.mapFallbackValue(""); // ArgSpec's builder, not the option's: not in the chain
    spec.addOption(set.build());
    spec.addOption(option(run, "today", "--today").type(LocalDate.class).build());
    spec.addOption(option(run, "color", "--color").type(Terminal.ColorMode.class).build());
    return run;
  }

  /** {@link LoggingOptions}, added to {@code spec}. */
  private static LoggingOptions logging(CommandSpec spec) throws ReflectiveOperationException {
    LoggingOptions logging = new LoggingOptions();
    for (String[] option : new String[][] {{"verbose", "-v", "--verbose"}, {"debug", "--debug"}}) {
      Method method = LoggingOptions.class.getDeclaredMethod(option[0], boolean.class);
      String[] names = java.util.Arrays.copyOfRange(option, 1, option.length);
      MethodAccess access = new MethodAccess(logging, method);
      spec.addOption(OptionSpec.builder(names).type(boolean.class).getter(access).setter(access).hasInitialValue(false).build());
    }
    return logging;
  }

  /** The files and folders to read: {@code PATH...}, none or more. */
  private static PositionalParamSpec paths(Object owner, String field) throws ReflectiveOperationException {
    FieldAccess access = new FieldAccess(owner, owner.getClass().getDeclaredField(field));
    return PositionalParamSpec.builder().index("0..*").arity("0..*").type(List.class).auxiliaryTypes(Path.class)
        .getter(access).setter(access).initialValue(access.get()).hasInitialValue(true).build();
  }

  /** An option bound to a field of {@code owner}, its initial value that of the field. */
  private static OptionSpec.Builder option(Object owner, String field, String... names) throws ReflectiveOperationException {
    FieldAccess access = new FieldAccess(owner, owner.getClass().getDeclaredField(field));
    return OptionSpec.builder(names).getter(access).setter(access).initialValue(access.get()).hasInitialValue(true);
  }

  /** A field of one object, read and written by reflection (no class made at run time, unlike a lambda's). */
  private static final class FieldAccess implements IGetter, ISetter {
    private final Object owner;
    private final Field field;

    FieldAccess(Object owner, Field field) {
      this.owner = owner;
      this.field = field;
      field.setAccessible(true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() throws IllegalAccessException {
      return (T) field.get(owner);
    }

    @Override
    public <T> T set(T value) throws IllegalAccessException {
      T old = get();
      field.set(owner, value);
      return old;
    }
  }

  /** A method of one object that takes an option's value, as picocli calls an annotated method; it reads back the last value given. */
  private static final class MethodAccess implements IGetter, ISetter {
    private final Object owner;
    private final Method method;
    private Object value;

    MethodAccess(Object owner, Method method) {
      this.owner = owner;
      this.method = method;
      method.setAccessible(true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) value;
    }

    @Override
    public <T> T set(T value) throws ReflectiveOperationException {
      method.invoke(owner, value);
      T old = get();
      this.value = value;
      return old;
    }
  }
}

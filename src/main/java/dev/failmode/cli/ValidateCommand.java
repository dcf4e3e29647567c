package dev.failmode.cli;

import dev.failmode.load.LoadResult;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {
        "Validate failure-mode files against the format without running any rules: YAML syntax, keys, values, durations,"
            + " frequencies, dates, and ids unique across the files. Every problem is named at file:line:column.",
        "",
        "The quick check for editors and pre-commit hooks; 'check' validates too, then classifies and applies the policy."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is valid", "2:a file is not, or bad usage (the message names file:line:column)"})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LoggingOptions logging;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Failure-mode files, or folders to search for *.yaml and *.yml (default: the current folder).")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws UserError {
    List<Path> given = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    LoadResult loaded = Pipeline.load(Path.of("").toAbsolutePath(), given, "fix them and validate again", spec.commandLine().getErr());
    int modes = loaded.catalogues().stream().mapToInt(Catalogue::failureModeCount).sum();
    int files = loaded.catalogues().size();
    PrintWriter out = spec.commandLine().getOut();
    out.println("valid: " + Text.count(modes, "failure mode") + " in " + Text.count(files, "file"));
    out.flush();
    return ExitCode.OK;
  }
}

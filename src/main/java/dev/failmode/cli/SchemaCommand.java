package dev.failmode.cli;

import dev.failmode.load.JsonSchema;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {
        "Print the JSON Schema (draft 2020-12) of failure-mode files, format v1, for editors and other validators.",
        "",
        "Save it beside your files (failmode schema -o failure-modes-v1.json), and this first line in a failure-mode",
        "file gives completion and checks in editors that use the YAML language server (VS Code, IntelliJ, Neovim):",
        "  # yaml-language-server: $schema=failure-modes-v1.json"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the schema was printed", "2:it could not be written"})
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LoggingOptions logging;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write it to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() throws UserError {
    String schema = JsonSchema.v1();
    CommandOutput.write(spec, output, writer -> writer.write(schema));
    return ExitCode.OK;
  }
}

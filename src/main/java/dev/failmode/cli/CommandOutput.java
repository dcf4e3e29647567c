package dev.failmode.cli;

import dev.failmode.report.AtomicOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command's output goes: to {@code -o FILE}, whole or not at all, else to standard output. */
final class CommandOutput {
  private CommandOutput() {}

  /** Writes {@code content} to {@code output}, or to the command's standard output when it is null. */
  static void write(CommandSpec spec, Path output, AtomicOutput.Content content) throws UserError {
    write(spec.commandLine().getOut(), output, content);
  }

  /** Writes {@code content} to {@code output}, or to {@code out} when it is null. */
  static void write(PrintWriter out, Path output, AtomicOutput.Content content) throws UserError {
    try {
      if (output == null) {
        content.writeTo(out);
        out.flush();
      } else {
        AtomicOutput.write(output, content);
      }
    } catch (IOException e) {
      throw new UserError(e.getMessage() == null ? "cannot write the output" : e.getMessage());
    }
  }
}

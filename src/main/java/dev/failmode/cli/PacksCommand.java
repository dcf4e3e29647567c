package dev.failmode.cli;

import dev.failmode.engine.Lockfile;
import dev.failmode.engine.RulePack;
import dev.failmode.model.Text;
import dev.failmode.report.AtomicOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "packs", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = "The rule packs a run uses: list them, or pin those from archives and Maven repositories in failmode.lock.",
    subcommands = {PacksCommand.ListPacks.class, PacksCommand.Lock.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "2:a pack cannot be found or read"})
final class PacksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.BAD_INPUT;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = FailmodeCommand.Version.class,
      description = "List the packs a run would use: id, version, where from, and the SHA-256 of archives.")
  static final class ListPacks implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PackOptions packs;
    @Mixin LoggingOptions logging;

    @Override
    public Integer call() throws UserError {
      Setup setup = Setup.of(packs, java.util.List.of(dev.failmode.engine.PackLoader.DEFAULT_PACK), Map.of());
      PrintWriter out = spec.commandLine().getOut();
      for (RulePack pack : setup.packs) {
        out.println(pack.id() + " " + pack.manifest().version() + "  " + dev.failmode.model.Wire.name(pack.kind())
            + "  " + dev.failmode.model.Text.printable(pack.origin()) + (pack.sha256() == null ? "" : "  sha256:" + pack.sha256())
            + (setup.trusted.contains(pack.id()) ? "  trusted" : ""));
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  @Command(name = "lock", mixinStandardHelpOptions = true, versionProvider = FailmodeCommand.Version.class,
      description = {"Write failmode.lock: each pack from an archive or a Maven repository, with its version and SHA-256.",
          "Runs then refuse a pack that does not match it. Commit the lock, and review every change to it."})
  static final class Lock implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PackOptions packs;
    @Mixin LoggingOptions logging;

    @Override
    public Integer call() throws UserError {
      Path lock = Path.of("").toAbsolutePath().relativize(Setup.lockFile(packs)); // failmode.lock, or beside the project file
      // the lock being written is not checked against itself
      Path moved = null;
      Setup setup;
      try {
        if (java.nio.file.Files.exists(lock)) {
          moved = java.nio.file.Files.createTempFile(lock.toAbsolutePath().getParent(), ".failmode.lock.", ".old");
          java.nio.file.Files.move(lock, moved, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        setup = Setup.of(packs, java.util.List.of(dev.failmode.engine.PackLoader.DEFAULT_PACK), Map.of());
        AtomicOutput.write(lock, writer -> Lockfile.write(setup.packs, lock.toAbsolutePath().getParent(), writer));
        if (moved != null) {
          java.nio.file.Files.delete(moved);
        }
      } catch (IOException e) {
        throw new UserError("cannot write " + lock + ": " + e.getMessage());
      } catch (UserError e) {
        restore(moved, lock);
        throw e;
      }
      long pinned = setup.packs.stream().filter(p -> p.kind().pinned()).count();
      PrintWriter out = spec.commandLine().getOut();
      out.println("wrote " + lock + ": " + Text.count(pinned, "pack") + " pinned"
          + (pinned == 0 ? " (folders and built-in packs need no pin)" : ""));
      out.flush();
      return ExitCode.OK;
    }

    private static void restore(Path moved, Path lock) {
      if (moved != null) {
        try {
          java.nio.file.Files.move(moved, lock, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          // the old lock stays beside it, under its temporary name
        }
      }
    }
  }
}

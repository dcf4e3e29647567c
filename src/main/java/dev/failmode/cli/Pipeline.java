package dev.failmode.cli;

import dev.failmode.engine.Engine;
import dev.failmode.engine.PackException;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.ParameterValues;
import dev.failmode.engine.RuleBase;
import dev.failmode.engine.RuleFailure;
import dev.failmode.engine.RulePack;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import dev.failmode.model.Report;
import dev.failmode.model.Text;
import dev.failmode.report.AtomicOutput;
import dev.failmode.report.Format;
import dev.failmode.report.Rendering;
import dev.failmode.policy.Judgement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads files, compiles packs and classifies: the work {@code classify} and {@code check} share. */
final class Pipeline {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  private Pipeline() {}

  /** What a run read and made: the setup it ran with and the report. */
  record Run(Setup setup, Report report) {}

  /**
   * Reads, compiles and classifies. When that fails on bad input, the github and SARIF formats
   * still write the problems, one annotation or result each, where the report would have gone: a
   * pull request's typo then shows at its line, as a failure mode would.
   */
  static Run run(RunOptions options, PrintWriter out, PrintWriter err) throws UserError {
    try {
      return run(options, err);
    } catch (UserError e) {
      throw said(e, options, out);
    }
  }

  /**
   * Bad input, written where the report would have gone by the formats CI reads (github, SARIF,
   * JUnit), so that the job shows it; returns the error to throw on.
   */
  static UserError said(UserError e, RunOptions options, PrintWriter out) throws UserError {
    java.util.Optional<String> said = options.format.problems(e.problems(), "failmode: " + e.getMessage(),
        dev.failmode.engine.ToolVersion.failmode());
    if (said.isPresent()) {
      write(writer -> writer.write(said.get()), options, out);
    }
    return e;
  }

  private static Run run(RunOptions options, PrintWriter err) throws UserError {
    Path cwd = Path.of("").toAbsolutePath();
    Setup setup = Setup.of(options.packs, List.of(PackLoader.DEFAULT_PACK), options.parameters);
    List<Path> paths = options.pathsOrCurrent();
    CatalogueLoader.Read read = new CatalogueLoader(cwd).read(paths);
    if (!read.ok() || read.catalogues().isEmpty()) {
      checked(read.checked(), paths, "nothing was classified", err); // throws
    }
    // Checking that ids are unique across files is one core's work (~40 ms for 100,000 modes), so
    // the files are judged meanwhile; a failed check wins over whatever judging gave, as it would
    // have stopped the run before any rule ran.
    ForkJoinTask<LoadResult> checking = ForkJoinPool.commonPool().submit(read::checked);
    Report report = null;
    UserError failure = null;
    try {
      report = classify(setup, options, read.catalogues());
    } catch (UserError e) {
      failure = e;
    }
    checked(checking.join(), paths, "nothing was classified", err);
    if (failure != null) {
      throw failure;
    }
    return new Run(setup, report);
  }

  private static Report classify(Setup setup, RunOptions options, List<Catalogue> catalogues) throws UserError {
    RuleBase rules = setup.compile();
    java.util.Map<String, dev.failmode.model.Parameters> parameters;
    try {
      parameters = ParameterValues.resolve(setup.packs, setup.parameters, setup.parameterOrigins);
    } catch (PackException e) {
      throw new UserError("the parameters cannot be used", e.problems());
    }
    try {
      Engine engine = new Engine(rules, parameters, options.todayOrNow(), setup.disabled);
      return engine.classify(catalogues);
    } catch (PackException e) {
      throw new UserError("the rule packs cannot be used", e.problems());
    } catch (RuleFailure e) {
      log.debug("rule failure", e);
      throw new UserError(e.getMessage());
    }
  }

  /** Reads and validates the failure-mode files {@code paths} name, or fails with every problem located. */
  static LoadResult load(Path cwd, List<Path> paths, String otherwise, PrintWriter err) throws UserError {
    return checked(new CatalogueLoader(cwd).load(paths), paths, otherwise, err);
  }

  /** {@code loaded}, when it has catalogues and no problems; else fails with every problem located. Notes skipped files. */
  private static LoadResult checked(LoadResult loaded, List<Path> paths, String otherwise, PrintWriter err) throws UserError {
    if (!loaded.skipped().isEmpty()) {
      noteSkipped(loaded.skipped(), err);
    }
    if (!loaded.ok()) {
      long files = loaded.filesWithProblems();
      throw new UserError(Text.count(loaded.problemCount(), "problem") + " in " + Text.count(files, "file") + "; " + otherwise,
          loaded.problems());
    }
    if (loaded.catalogues().isEmpty()) {
      throw new UserError("no failure-mode files found in " + paths.stream().map(Path::toString).toList()
          + " (failure-mode files are *.yaml or *.yml with 'apiVersion: failmode/v1')");
    }
    return loaded;
  }

  /** Writes the report to standard output, or to {@code --output} whole or not at all. */
  static void write(Report report, Judgement judgement, RunOptions options, PrintWriter out) throws UserError {
    long start = System.nanoTime();
    boolean toFile = options.output != null;
    Rendering rendering = new Rendering(report, judgement, !toFile && options.format == Format.TEXT && Terminal.color(options.color),
        toFile ? Path.of("").toAbsolutePath().resolve(options.output).normalize().getParent() : null);
    try {
      if (toFile) {
        AtomicOutput.writeBytes(options.output, stream -> options.format.writer().write(rendering, stream));
      } else {
        Writer writer = out;
        options.format.writer().write(rendering, writer);
        out.flush();
      }
      log.info("wrote the {} report in {} ms", options.format, (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      throw new UserError(e.getMessage() == null ? "cannot write the report" : e.getMessage(),
          List.of());
    }
  }

  /** Writes other content the same way: to standard output, or to {@code --output} whole or not at all. */
  static void write(AtomicOutput.Content content, RunOptions options, PrintWriter out) throws UserError {
    CommandOutput.write(out, options.output, content);
  }

  private static void noteSkipped(List<String> skipped, PrintWriter err) {
    int shown = Math.min(skipped.size(), 5);
    err.println("note: skipped " + skipped.size() + (skipped.size() == 1 ? " YAML file" : " YAML files")
        + " found in folders: " + Text.printable(String.join("; ", skipped.subList(0, shown)))
        + (skipped.size() > shown ? "; and " + (skipped.size() - shown) + " more" : ""));
    err.flush();
  }

  static Problem problem(String file, String message) {
    return new Problem(Location.of(file), "", message);
  }
}

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads files, compiles packs and classifies: the work {@code classify} and {@code check} share. */
final class Pipeline {
  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  private Pipeline() {}

  /** What a run read and made: the setup it ran with and the report. */
  record Run(Setup setup, Report report) {}

  static Run run(RunOptions options, PrintWriter err) throws UserError {
    Path cwd = Path.of("").toAbsolutePath();
    Setup setup = Setup.of(options.packs, List.of(PackLoader.DEFAULT_PACK), options.parameters);
    LoadResult loaded = load(cwd, options.pathsOrCurrent(), "nothing was classified", err);
    RuleBase rules = setup.compile();
    try {
      Engine engine = new Engine(rules, ParameterValues.resolve(setup.packs, setup.parameters), options.todayOrNow(), setup.disabled);
      return new Run(setup, engine.classify(loaded.catalogues()));
    } catch (PackException e) {
      throw new UserError("the rule packs cannot be used", e.problems());
    } catch (RuleFailure e) {
      log.debug("rule failure", e);
      throw new UserError(e.getMessage());
    }
  }

  /** Reads and validates the failure-mode files {@code paths} name, or fails with every problem located. */
  static LoadResult load(Path cwd, List<Path> paths, String otherwise, PrintWriter err) throws UserError {
    LoadResult loaded = new CatalogueLoader(cwd).load(paths);
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
    Rendering rendering = new Rendering(report, judgement, !toFile && options.format == Format.TEXT && Terminal.color(options.color));
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
    try {
      if (options.output != null) {
        AtomicOutput.write(options.output, content);
      } else {
        content.writeTo(out);
        out.flush();
      }
    } catch (IOException e) {
      throw new UserError(e.getMessage() == null ? "cannot write the report" : e.getMessage());
    }
  }

  private static void noteSkipped(List<String> skipped, PrintWriter err) {
    int shown = Math.min(skipped.size(), 5);
    err.println("note: skipped " + skipped.size() + (skipped.size() == 1 ? " YAML file that is" : " YAML files that are")
        + " not a failure-mode file: " + String.join("; ", skipped.subList(0, shown))
        + (skipped.size() > shown ? "; and " + (skipped.size() - shown) + " more" : ""));
    err.flush();
  }

  static Problem problem(String file, String message) {
    return new Problem(Location.of(file), "", message);
  }
}

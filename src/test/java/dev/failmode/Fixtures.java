package dev.failmode;

import dev.failmode.engine.Engine;
import dev.failmode.engine.PackException;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.ParameterValues;
import dev.failmode.engine.RuleBase;
import dev.failmode.engine.RuleFailure;
import dev.failmode.engine.RulePack;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What tests share: the project's folders, the core pack compiled once, and a one-call classify. */
public final class Fixtures {
  /** The date tests judge waivers against, so that results never change with the calendar. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  /** A failure-mode file of one failure mode that crashes, for packs' fixtures. */
  public static final String ONE_CRASH = """
      apiVersion: failmode/v1
      kind: FailureModes
      metadata:
        name: fixture
      components:
        - name: api
          failureModes:
            - id: crash
              description: it crashes
              effect: crash
      """;

  private static RuleBase core;

  private Fixtures() {}

  public static Path project() {
    return Path.of(System.getProperty("failmode.projectDir", ".")).toAbsolutePath().normalize();
  }

  public static synchronized RuleBase core() {
    if (core == null) {
      core = compile(List.of(pack("core")));
    }
    return core;
  }

  /** Copies a folder with everything in it, replacing what is there. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Deletes a folder with everything in it; nothing happens when it is not there. */
  public static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  public static RulePack pack(String spec) {
    try {
      return new PackLoader(project()).resolve(spec);
    } catch (PackException e) {
      throw new AssertionError(e.problems().toString(), e);
    }
  }

  public static RuleBase compile(List<RulePack> packs) {
    try {
      return RuleBase.compile(packs);
    } catch (PackException e) {
      throw new AssertionError(e.problems().toString(), e);
    }
  }

  /** Classifies files and folders (relative to the project) with the core pack and its defaults. */
  public static Report classify(Path... paths) {
    return classify(Map.of(), paths);
  }

  public static Report classify(Map<String, String> parameters, Path... paths) {
    LoadResult loaded = new CatalogueLoader(project()).load(List.of(paths));
    if (!loaded.ok()) {
      throw new AssertionError("fixture does not load: " + loaded.problems());
    }
    try {
      RuleBase rules = core();
      return new Engine(rules, ParameterValues.resolve(rules.packs(), parameters), TODAY).classify(loaded.catalogues());
    } catch (PackException | RuleFailure e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Writes {@code yaml} to a file in {@code dir} and classifies it alone. */
  public static Report classifyText(Path dir, String yaml) {
    return classifyText(dir, yaml, Map.of());
  }

  public static Report classifyText(Path dir, String yaml, Map<String, String> parameters) {
    try {
      Path file = Files.createTempFile(dir, "case-", ".yaml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return classify(parameters, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Result result(Report report, String id) {
    return report.results().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no result " + id + " in " + report.results().stream().map(Result::id).toList()));
  }
}

package dev.failmode.cli;

import dev.failmode.engine.Lockfile;
import dev.failmode.engine.PackException;
import dev.failmode.engine.PackCache;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.PackSet;
import dev.failmode.engine.Project;
import dev.failmode.engine.RuleBase;
import dev.failmode.engine.RulePack;
import dev.failmode.engine.SafetyCheck;
import dev.failmode.load.Suggest;
import dev.failmode.model.DisabledRule;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import dev.failmode.policy.FailOn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run is made of, from the command line and the project file: the packs (checked against
 * the lock file), the trusted ones, parameter values, disabled rules and what check fails on.
 * The command line wins: {@code --rules} replaces the project's packs, {@code --set} overrides
 * its parameters.
 */
final class Setup {
  private static final Logger log = LoggerFactory.getLogger(Setup.class);

  final Optional<Project> project;
  final List<RulePack> packs;
  final Set<String> trusted;
  final Map<String, String> parameters;
  /** Where the project file sets the parameters that --set does not override. */
  final Map<String, Location> parameterOrigins;
  final List<DisabledRule> disabled;
  /** What check fails on unless --fail-on says: the project file's failOn, else every kind. */
  final Set<FailOn> failOn;
  final PackCache cache;

  private Setup(Optional<Project> project, List<RulePack> packs, Set<String> trusted, Map<String, String> parameters,
      Map<String, Location> parameterOrigins, List<DisabledRule> disabled, Set<FailOn> failOn, PackCache cache) {
    this.project = project;
    this.packs = packs;
    this.trusted = trusted;
    this.parameters = parameters;
    this.parameterOrigins = parameterOrigins;
    this.failOn = failOn;
    this.disabled = disabled;
    this.cache = cache;
  }

  /**
   * @param defaultPacks the packs when neither --rules nor a project names any
   * @param parameters --set values
   */
  static Setup of(PackOptions options, List<String> defaultPacks, Map<String, String> parameters) throws UserError {
    Path cwd = Path.of("").toAbsolutePath();
    try {
      Optional<Project> project = project(options, cwd);
      // a wrong name in the file is the file's problem, whichever command reads it, and found before any work
      Set<FailOn> failOn = project.isEmpty() ? EnumSet.allOf(FailOn.class)
          : CheckCommand.failOn(project.get().failOn(), i -> project.get().where("failOn[" + i + "]"));
      List<String> specs;
      Path base;
      boolean fromProject = false;
      if (!options.rules.isEmpty()) {
        specs = options.rules;
        base = cwd;
      } else if (project.isPresent() && !project.get().packs().isEmpty()) {
        specs = project.get().packs();
        base = project.get().base();
        fromProject = true;
      } else {
        specs = defaultPacks;
        base = cwd;
      }
      Path lockFile = lockFile(cwd, fromProject ? project : Optional.empty());
      Lockfile lock = Lockfile.find(lockFile.getParent(), shown(cwd, lockFile)).orElse(null);
      PackLoader loader = new PackLoader(cwd, options.mavenLocalRepository);
      List<RulePack> packs;
      try {
        packs = PackSet.load(specs, base, loader, lock);
      } catch (PackException e) {
        throw fromProject ? atTheProjectFile(e, project.get()) : e;
      }
      Set<String> trusted = new LinkedHashSet<>(options.trust);
      project.ifPresent(p -> trusted.addAll(p.trust()));
      // the file's trust holds for the packs it runs: its own, or the defaults when it names none
      trustedLoaded(options.trust, options.rules.isEmpty() ? project : Optional.empty(), packs);
      Map<String, String> values = new LinkedHashMap<>();
      project.ifPresent(p -> values.putAll(p.parameters()));
      values.putAll(parameters);
      Map<String, Location> origins = new LinkedHashMap<>();
      project.ifPresent(p -> p.parameters().keySet().stream().filter(key -> !parameters.containsKey(key))
          .forEach(key -> origins.put(key, p.where("parameters." + key))));
      List<DisabledRule> disabled = project.map(Project::disabled).orElse(List.of());
      log.info("packs {} from {}", packs.stream().map(p -> p.id() + " " + p.manifest().version()).toList(),
          fromProject ? project.get().file() : options.rules.isEmpty() ? "the default" : "the command line");
      return new Setup(project, packs, trusted, values, origins, disabled, failOn,
          options.noCache ? PackCache.OFF : PackCache.standard());
    } catch (PackException e) {
      throw new UserError("the rule packs cannot be used", e.problems());
    }
  }

  /**
   * Each pack trusted by {@code --trust}, and by the project file when its packs are the run's,
   * must be one the run loads and checks: a misspelt id would otherwise trust nothing, silently,
   * and the reviewer would believe the pack trusted. (A project's trust entries are not held to
   * packs that {@code --rules} chose instead of the file's.)
   */
  private static void trustedLoaded(List<String> fromOptions, Optional<Project> project, List<RulePack> packs) throws PackException {
    List<Problem> problems = new ArrayList<>();
    for (String id : fromOptions) {
      trustProblem(id, packs).ifPresent(message -> problems.add(new Problem(Location.of("--trust " + id), "", message)));
    }
    if (project.isPresent()) {
      List<String> trust = project.get().trust();
      for (int i = 0; i < trust.size(); i++) {
        String path = "trust[" + i + "]";
        trustProblem(trust.get(i), packs).ifPresent(message -> problems.add(new Problem(project.get().where(path), path, message)));
      }
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
  }

  private static Optional<String> trustProblem(String id, List<RulePack> packs) {
    Optional<RulePack> pack = packs.stream().filter(p -> p.id().equals(id)).findFirst();
    if (pack.isPresent()) {
      return pack.get().builtIn()
          ? Optional.of(id + " is built in: built-in packs are not held to the safety check, so trusting it changes nothing; remove it")
          : Optional.empty();
    }
    List<String> checked = packs.stream().filter(p -> !p.builtIn()).map(RulePack::id).toList();
    return Optional.of("no pack " + id + " is loaded, so trusting it changes nothing"
        + Suggest.didYouMean(id, checked)
        + (checked.isEmpty() ? " (this run loads only built-in packs)" : " (packs held to the safety check: " + String.join(", ", checked) + ")"));
  }

  /**
   * A pack the project file names that cannot be loaded, reported where the file names it
   * ({@code failmode.yaml:3:16: error: packs[1]: envy: unknown rule pack ...}) rather than by its
   * name alone, as a pack given with --rules is; problems inside a pack keep their own places.
   */
  private static PackException atTheProjectFile(PackException e, Project project) {
    List<Problem> problems = new ArrayList<>();
    for (Problem problem : e.problems()) {
      int index = problem.location().line() == 0 ? project.packs().indexOf(problem.location().file()) : -1;
      problems.add(index < 0 ? problem : new Problem(project.where("packs[" + index + "]"), "packs[" + index + "]",
          problem.location().file() + ": " + problem.message()));
    }
    return new PackException(problems, e.unsafe());
  }

  /** The packs compiled, after the safety check for those that are not built in or trusted. */
  RuleBase compile() throws UserError {
    try {
      return RuleBase.compile(packs, trusted, cache);
    } catch (PackException e) {
      if (e.unsafe()) {
        List<String> refused = packs.stream().filter(p -> !p.builtIn() && !trusted.contains(p.id()))
            .filter(p -> e.problems().stream().anyMatch(problem -> problem.location().file().startsWith(p.origin())
                && !SafetyCheck.notParsed(problem))) // a pack that does not parse is broken: trusting it would not help
            .map(RulePack::id).distinct().toList();
        throw new UserError("the safety check refused " + (refused.size() == 1 ? "pack " : "packs ") + String.join(", ", refused)
            + ": packs that are not built in may only use the fact model and plain values (docs/security.md);"
            + " --trust " + (refused.isEmpty() ? "PACK" : refused.get(0)) + " skips the check, only for a pack you have reviewed",
            e.problems());
      }
      throw new UserError("the rule packs cannot be used", e.problems());
    }
  }

  /**
   * Where the lock file of a run's packs is: beside the project file when the packs are the
   * file's (its sources are written relative to it, and it must hold wherever the run starts),
   * else in the working directory, beside the packs --rules names.
   */
  private static Path lockFile(Path cwd, Optional<Project> packsFrom) {
    return packsFrom.map(Project::base).orElse(cwd).resolve(Lockfile.FILE_NAME);
  }

  /** The lock file {@code packs lock} writes for these options. */
  static Path lockFile(PackOptions options) throws UserError {
    Path cwd = Path.of("").toAbsolutePath();
    Optional<Project> project = options.rules.isEmpty() ? project(options, cwd) : Optional.empty();
    return lockFile(cwd, project.filter(p -> !p.packs().isEmpty()));
  }

  private static String shown(Path cwd, Path file) {
    String relative = cwd.relativize(file).toString().replace('\\', '/');
    return relative.isEmpty() ? file.toString() : relative;
  }

  private static Optional<Project> project(PackOptions options, Path cwd) throws UserError {
    if (options.noProject && options.project != null) {
      throw new UserError("--project " + options.project + " and --no-project say opposite things; give one of them");
    }
    if (options.noProject) {
      return Optional.empty();
    }
    if (options.project != null) {
      if (options.project.toString().isEmpty()) { // Path.of("") is the working directory, "a folder"
        throw new UserError("--project: an empty path: name the project file (" + Project.FILE_NAME + ")");
      }
      if (!Files.isRegularFile(options.project)) {
        throw new UserError("--project " + options.project + (Files.isDirectory(options.project)
            ? ": is a folder; name the project file itself (" + options.project.resolve(Project.FILE_NAME) + ")" : ": no such file"));
      }
    }
    String shown = options.project != null ? options.project.toString() : Project.FILE_NAME;
    try {
      return options.project != null ? Optional.of(Project.read(options.project, shown)) : Project.find(cwd, shown);
    } catch (PackException e) {
      // a project file that cannot be read is the project file's problem, not the rule packs'
      throw new UserError("the project file " + shown + " cannot be used", e.problems());
    }
  }

  static List<String> builtIns() {
    return new ArrayList<>(PackLoader.BUILT_IN);
  }
}

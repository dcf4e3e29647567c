package dev.failmode.engine;

import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * The packs of a run, complete and checked: each named pack, the built-in packs they depend on
 * (added when not named), every {@code requires} and dependency range satisfied, dependencies
 * ordered before the packs that need them, and, with a lock file, every pinned pack matching it.
 */
public final class PackSet {
  private PackSet() {}

  /**
   * @param specs packs as named: ids, paths (relative to {@code base}), coordinates
   * @param lock the project's lock file; null when it has none
   */
  public static List<RulePack> load(List<String> specs, Path base, PackLoader loader, Lockfile lock) throws PackException {
    Map<String, RulePack> packs = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (String spec : specs) {
      RulePack pack = loader.resolve(spec, base);
      RulePack twin = packs.putIfAbsent(pack.id(), pack);
      if (twin != null && twin.kind() == pack.kind() && twin.origin().equals(pack.origin())) {
        continue; // the same pack named twice (-r core -r core, or ./team and team): loaded once
      }
      if (twin != null) {
        problems.add(new Problem(Location.of(pack.origin()), "", "pack id '" + pack.id() + "' is also the id of " + twin.origin()
            + "; a run loads each pack once"));
      }
    }
    addBuiltInDependencies(packs, loader);
    for (RulePack pack : packs.values()) {
      if (!builtInAmongBuiltIns(pack, packs)) {
        problems.addAll(requirements(pack, packs));
      }
    }
    problems.addAll(cycles(packs));
    if (lock != null) {
      problems.addAll(lock.verify(List.copyOf(packs.values())));
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
    return ordered(packs);
  }

  /** Built-in packs a named pack depends on are loaded without being named. */
  private static void addBuiltInDependencies(Map<String, RulePack> packs, PackLoader loader) throws PackException {
    boolean added = true;
    while (added) {
      added = false;
      for (RulePack pack : List.copyOf(packs.values())) {
        for (PackManifest.Dependency dependency : pack.manifest().dependencies()) {
          if (!packs.containsKey(dependency.id()) && PackLoader.BUILT_IN.contains(dependency.id())) {
            packs.put(dependency.id(), loader.builtIn(dependency.id()));
            added = true;
          }
        }
      }
    }
  }

  /**
   * A built-in pack whose dependencies are built in too is part of this very build: the build
   * checked its requirements ({@link #requirements(Collection)}, run by PrecompilePacks), and
   * checking them at every run would cost a cold start semver4j's set-up, whose static
   * initialisers format numbers and so load the locale data (about 15 ms).
   */
  private static boolean builtInAmongBuiltIns(RulePack pack, Map<String, RulePack> packs) {
    return pack.builtIn() && pack.manifest().dependencies().stream()
        .allMatch(dependency -> packs.get(dependency.id()) != null && packs.get(dependency.id()).builtIn());
  }

  /** What the packs' requirements say is wrong: failmode versions, and dependencies missing or of other versions. */
  public static List<Problem> requirements(Collection<RulePack> packs) {
    Map<String, RulePack> byId = new LinkedHashMap<>();
    packs.forEach(pack -> byId.putIfAbsent(pack.id(), pack));
    List<Problem> problems = new ArrayList<>();
    for (RulePack pack : packs) {
      problems.addAll(requirements(pack, byId));
    }
    return problems;
  }

  private static List<Problem> requirements(RulePack pack, Map<String, RulePack> packs) {
    List<Problem> problems = new ArrayList<>();
    Location file = manifestFile(pack);
    Location where = pack.manifest().where("requires", file);
    String requires = pack.manifest().requires();
    if (requires != null) {
      RangesList range = range(requires);
      Semver tool = Semver.parse(ToolVersion.failmode());
      if (range == null) {
        problems.add(new Problem(where, "requires", "'" + requires + "' is not a version range like >=0.1.0 <1.0.0"));
      } else if (tool != null && !range.isSatisfiedBy(tool)) {
        problems.add(new Problem(where, "requires", "pack " + pack.id() + " needs failmode " + requires + "; this is failmode "
            + ToolVersion.failmode()));
      }
    }
    for (int i = 0; i < pack.manifest().dependencies().size(); i++) {
      PackManifest.Dependency dependency = pack.manifest().dependencies().get(i);
      String path = "dependencies[" + i + "]";
      Location at = pack.manifest().where(path, file);
      RangesList range = range(dependency.version());
      RulePack needed = packs.get(dependency.id());
      if (range == null) {
        problems.add(new Problem(at, path, "'" + dependency.version() + "' is not a version range like >=1.0.0 <2.0.0"));
      } else if (needed == null) {
        problems.add(new Problem(at, path, "pack " + pack.id() + " needs pack " + dependency.id() + " "
            + dependency.version() + "; add it with --rules or to failmode.yaml (failmode test: name it among the packs to test,"
            + " or keep it in ./rules)"));
      } else if (!range.isSatisfiedBy(Semver.parse(needed.manifest().version()))) {
        problems.add(new Problem(at, path, "pack " + pack.id() + " needs " + dependency.id() + " " + dependency.version()
            + ", but " + needed.origin() + " is " + needed.manifest().version()));
      }
    }
    return problems;
  }

  /** A pack's pack.yaml, as problems name it: in a folder, or at the root of an archive's pack ({@code x.zip!/pack.yaml}). */
  private static Location manifestFile(RulePack pack) {
    return Location.of(pack.origin().endsWith("!/") ? pack.origin() + "pack.yaml" : pack.origin() + "/pack.yaml");
  }

  /** A valid range, or null: semver4j reads text it cannot parse as an empty range. */
  static RangesList range(String text) {
    try {
      RangesList range = RangesListFactory.create(text);
      return range.get().isEmpty() ? null : range;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Packs that depend on themselves, directly or through others: no order puts a dependency
   * first then, and the packs' authors meant something else. One problem per cycle, at the
   * manifest of the pack it is first found from.
   */
  private static List<Problem> cycles(Map<String, RulePack> packs) {
    List<Problem> problems = new ArrayList<>();
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (RulePack pack : packs.values()) {
      List<String> cycle = cycleFrom(pack, packs, new ArrayList<>());
      if (cycle != null && reported.add(String.join(",", cycle.stream().distinct().sorted().toList()))) {
        RulePack first = packs.get(cycle.get(0));
        // at the first pack's dependency on the next in the cycle, where a reader would break it
        List<PackManifest.Dependency> needs = first.manifest().dependencies();
        int index = 0;
        while (index < needs.size() && !needs.get(index).id().equals(cycle.get(1))) {
          index++;
        }
        Location where = first.manifest().where("dependencies[" + index + "]", manifestFile(first));
        problems.add(new Problem(where, "dependencies[" + index + "]", "packs depend on themselves: " + String.join(" -> ", cycle)
            + "; a dependency must not need the pack that needs it"));
      }
    }
    return problems;
  }

  /** The first cycle reached from {@code pack}, as ids from its start back to it, or null. */
  private static List<String> cycleFrom(RulePack pack, Map<String, RulePack> packs, List<String> path) {
    int at = path.indexOf(pack.id());
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(pack.id());
      return cycle;
    }
    path.add(pack.id());
    for (PackManifest.Dependency dependency : pack.manifest().dependencies()) {
      RulePack needed = packs.get(dependency.id());
      List<String> cycle = needed == null ? null : cycleFrom(needed, packs, path);
      if (cycle != null) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    return null;
  }

  /** Dependencies first, otherwise in the order named. */
  private static List<RulePack> ordered(Map<String, RulePack> packs) {
    List<RulePack> ordered = new ArrayList<>();
    for (RulePack pack : packs.values()) {
      visit(pack, packs, ordered, new ArrayList<>());
    }
    return ordered;
  }

  private static void visit(RulePack pack, Map<String, RulePack> packs, List<RulePack> ordered, List<String> path) {
    if (ordered.contains(pack) || path.contains(pack.id())) {
      return;
    }
    path.add(pack.id());
    for (PackManifest.Dependency dependency : pack.manifest().dependencies()) {
      RulePack needed = packs.get(dependency.id());
      if (needed != null) {
        visit(needed, packs, ordered, path);
      }
    }
    ordered.add(pack);
  }
}

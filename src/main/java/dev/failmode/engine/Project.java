package dev.failmode.engine;

import dev.failmode.load.ProjectShapes;
import dev.failmode.load.Values;
import dev.failmode.load.YamlDocuments;
import dev.failmode.model.DisabledRule;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's {@code failmode.yaml}: the rule packs it runs, the packs it trusts, parameter
 * values, the rules it switches off (with who and why), and what {@code check} fails on.
 * Command-line options win over it: {@code --rules} replaces its packs, {@code --set} and
 * {@code --fail-on} override its values.
 *
 * <pre>
 * apiVersion: failmode/v1
 * kind: Project
 * packs: [core, ../rules/envoy]
 * parameters:
 *   core.window-share: 30%
 * disabled:
 *   - rule: core/bake-new-software
 *     by: alice@example.org
 *     reason: every rollout bakes in staging for two weeks already
 * failOn: [open-not-ok, expired-waiver]
 * </pre>
 *
 * @param file the project file; pack paths in it are relative to its folder
 */
public record Project(Path file, List<String> packs, List<String> trust, Map<String, String> parameters, List<DisabledRule> disabled,
    List<String> failOn, Map<String, Location> where) {

  public static final String FILE_NAME = "failmode.yaml";

  /**
   * @param where where each value is written, by its YAML path: {@code packs[1]}, {@code trust[0]}, {@code failOn[0]},
   *     {@code parameters.core.window-share}; so that a value found wrong later (an unknown pack, a
   *     parameter that does not parse) is reported at its line
   */
  public Project {
    packs = List.copyOf(packs);
    trust = List.copyOf(trust);
    parameters = Map.copyOf(parameters);
    disabled = List.copyOf(disabled);
    failOn = List.copyOf(failOn);
    where = Map.copyOf(where);
  }

  /** Where the value at {@code path} is written, else the project file itself. */
  public Location where(String path) {
    return where.getOrDefault(path, where.getOrDefault("", Location.of(file.toString())));
  }

  /** The folder pack paths are relative to. */
  public Path base() {
    return file.toAbsolutePath().getParent();
  }

  /** The project file in {@code directory}, if there is one. */
  public static Optional<Project> find(Path directory, String shown) throws PackException {
    Path file = directory.resolve(FILE_NAME);
    return Files.isRegularFile(file) ? Optional.of(read(file, shown)) : Optional.empty();
  }

  /** Reads a project file; {@code shown} is its path as messages show it. */
  public static Project read(Path file, String shown) throws PackException {
    YamlDocuments.Document document = YamlDocuments.read(file, shown, ProjectShapes.PROJECT);
    if (!document.ok()) {
      throw new PackException(document.problems().isEmpty()
          ? List.of(new Problem(dev.failmode.model.Location.of(shown), "", "not a failmode project file")) : document.problems());
    }
    Values v = document.values();
    List<Problem> problems = new ArrayList<>();
    // an empty list is not the same as no key, whichever a reader would guess: say which was meant
    if (v.get("packs") != null && v.texts("packs").isEmpty()) {
      problems.add(new Problem(v.location("packs"), "packs", "is empty: name the packs to run, or remove the key to run the default (core)"));
    }
    if (v.get("failOn") != null && v.texts("failOn").isEmpty()) {
      problems.add(new Problem(v.location("failOn"), "failOn", "is empty: write [none] to fail on nothing, or remove the key to fail on"
          + " every kind"));
    }
    List<DisabledRule> disabled = new ArrayList<>();
    Map<String, Location> switchedOff = new HashMap<>();
    List<Values> disabledList = v.list("disabled");
    for (int i = 0; i < disabledList.size(); i++) {
      Values d = disabledList.get(i);
      Location before = d.text("rule") == null ? null : switchedOff.putIfAbsent(d.text("rule"), d.location("rule"));
      if (before != null) {
        problems.add(new Problem(d.location("rule"), "disabled[" + i + "].rule", "'" + d.text("rule") + "' is switched off twice, here"
            + " and at line " + before.line() + "; say who and why once"));
      }
      disabled.add(new DisabledRule(d.text("rule"), d.text("by"), d.text("reason"), d.location("rule")));
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
    Map<String, Location> where = new HashMap<>();
    where.put("", Location.of(shown));
    for (String list : List.of("packs", "trust", "failOn")) {
      for (int i = 0; i < v.texts(list).size(); i++) {
        where.put(list + "[" + i + "]", v.location(list, i));
      }
    }
    v.map("parameters").keySet().forEach(key -> where.put("parameters." + key, v.location("parameters", key)));
    return new Project(file, v.texts("packs"), v.texts("trust"), v.map("parameters"), disabled, v.texts("failOn"), where);
  }
}

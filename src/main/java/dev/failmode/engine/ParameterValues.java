package dev.failmode.engine;

import dev.failmode.load.NotationException;
import dev.failmode.load.Suggest;
import dev.failmode.model.Location;
import dev.failmode.model.Parameters;
import dev.failmode.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each pack's parameters for a run: the defaults from its manifest, overridden by
 * {@code --set key=value}. A key is {@code pack.name}, or just {@code name} where one pack alone
 * declares it.
 */
public final class ParameterValues {
  private ParameterValues() {}

  public static Map<String, Parameters> resolve(List<RulePack> packs, Map<String, String> overrides) throws PackException {
    return resolve(packs, overrides, Map.of());
  }

  /**
   * @param origins where a project file sets a value, by key; a value without one came from
   *     {@code --set}, and its problems name the option
   */
  public static Map<String, Parameters> resolve(List<RulePack> packs, Map<String, String> overrides, Map<String, Location> origins)
      throws PackException {
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    Map<String, List<String>> packsByName = new HashMap<>();
    List<String> qualified = new ArrayList<>();
    for (RulePack pack : packs) {
      Map<String, Object> defaults = new LinkedHashMap<>();
      for (ParameterSpec spec : pack.manifest().parameters()) {
        defaults.put(spec.name(), spec.defaultValue());
        packsByName.computeIfAbsent(spec.name(), n -> new ArrayList<>()).add(pack.id());
        qualified.add(pack.id() + "." + spec.name());
      }
      values.put(pack.id(), defaults);
    }
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      String key = override.getKey();
      Location where = origins.getOrDefault(key, Location.of("--set " + key + "=" + override.getValue()));
      String path = origins.containsKey(key) ? "parameters." + key : "";
      if (!origins.containsKey(key) && override.getValue().isEmpty()) {
        problems.add(new Problem(Location.of("--set " + key), path, "expected KEY=VALUE, such as --set window-share=30%"));
        continue;
      }
      String pack;
      String name;
      int dot = key.indexOf('.');
      if (dot > 0 && values.containsKey(key.substring(0, dot))) {
        pack = key.substring(0, dot);
        name = key.substring(dot + 1);
      } else {
        List<String> owners = packsByName.getOrDefault(key, List.of());
        if (owners.size() > 1) {
          problems.add(new Problem(where, path, "'" + key + "' is a parameter of packs " + owners + "; name one: "
              + owners.stream().map(p -> p + "." + key).reduce((a, b) -> a + " or " + b).orElse("")));
          continue;
        }
        pack = owners.isEmpty() ? null : owners.get(0);
        name = key;
      }
      ParameterSpec spec = pack == null ? null : find(packs, pack, name);
      if (spec == null) {
        List<String> known = new ArrayList<>(qualified);
        known.addAll(packsByName.keySet());
        problems.add(new Problem(where, path, "no rule pack has a parameter '" + key + "'" + Suggest.didYouMean(key, known)
            + (qualified.isEmpty() ? "" : " (parameters: " + String.join(", ", qualified.stream().sorted().toList()) + ")")));
        continue;
      }
      try {
        values.get(pack).put(name, spec.type().parse(override.getValue()));
      } catch (NotationException e) {
        problems.add(new Problem(where, path, "parameter " + pack + "." + name + " is a " + spec.type().wireName() + ": " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
    Map<String, Parameters> parameters = new LinkedHashMap<>();
    values.forEach((pack, map) -> parameters.put(pack, new Parameters(pack, map)));
    return parameters;
  }

  private static ParameterSpec find(List<RulePack> packs, String pack, String name) {
    return packs.stream().filter(p -> p.id().equals(pack)).flatMap(p -> p.manifest().parameters().stream())
        .filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}

package dev.failmode.engine;

import dev.failmode.model.Location;
import java.util.List;
import java.util.Map;

/**
 * A rule pack's {@code pack.yaml}: who it is, what it needs and what it lets a run tune.
 *
 * @param requires the failmode versions it works with, as a range ({@code >=0.1.0 <1.0.0}); null if any
 * @param dependencies other packs it needs, by id and version range
 */
public record PackManifest(String id, String version, String description, String requires, List<ParameterSpec> parameters,
    List<Dependency> dependencies, Map<String, Location> where) {

  /**
   * @param where where {@code requires} and each {@code dependencies[i]} are written, so that a
   *     requirement found unmet when the packs are put together is reported at its line
   */
  public PackManifest {
    parameters = List.copyOf(parameters);
    dependencies = List.copyOf(dependencies);
    where = Map.copyOf(where);
  }

  /** Where {@code path} ({@code requires}, {@code dependencies[1]}) is written, else {@code otherwise}. */
  public Location where(String path, Location otherwise) {
    return where.getOrDefault(path, otherwise);
  }

  /** Another pack this one needs, with the versions it accepts. */
  public record Dependency(String id, String version) {}
}

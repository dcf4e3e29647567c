package dev.failmode.engine;

import java.util.List;

/**
 * A rule pack's {@code pack.yaml}: who it is, what it needs and what it lets a run tune.
 *
 * @param requires the failmode versions it works with, as a range ({@code >=0.1.0 <1.0.0}); null if any
 * @param dependencies other packs it needs, by id and version range
 */
public record PackManifest(String id, String version, String description, String requires, List<ParameterSpec> parameters,
    List<Dependency> dependencies) {

  public PackManifest {
    parameters = List.copyOf(parameters);
    dependencies = List.copyOf(dependencies);
  }

  /** Another pack this one needs, with the versions it accepts. */
  public record Dependency(String id, String version) {}
}

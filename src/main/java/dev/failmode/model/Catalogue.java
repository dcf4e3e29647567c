package dev.failmode.model;

import java.util.List;

/**
 * One failure-mode file as read: a system, the SLO it runs (if declared) and its components.
 *
 * @param file the path as shown to users, relative to the working directory
 * @param slo null when the file declares no SLO
 * @param location where the file says what it describes ({@code metadata.name})
 */
public record Catalogue(String file, String apiVersion, Metadata metadata, Slo slo, List<Component> components, Location location) {

  public Catalogue {
    components = List.copyOf(components);
  }

  /** The system's name, {@code metadata.name}: the first part of every full id. */
  public String name() {
    return metadata.name();
  }

  /** Every failure mode of every component, in file order. */
  public List<FailureMode> failureModes() {
    return components.stream().flatMap(c -> c.failureModes().stream()).toList();
  }

  /** How many failure modes the file has, without listing them. */
  public int failureModeCount() {
    int count = 0;
    for (Component component : components) {
      count += component.failureModes().size();
    }
    return count;
  }
}

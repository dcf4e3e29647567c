package dev.failmode.model;

import java.time.Duration;
import java.util.List;

/**
 * A part of a system that can fail: a process, a service, a control plane.
 *
 * @param system the name of the system it belongs to ({@code metadata.name})
 * @param tolerance how long it can be broken before the service's users notice; null if not declared
 * @param stateless null if not declared
 */
public record Component(
    String system,
    String name,
    String software,
    String version,
    Maturity maturity,
    Usage usage,
    Role role,
    Boolean stateless,
    Duration tolerance,
    List<FailureMode> failureModes,
    Location location) {

  public Component {
    failureModes = List.copyOf(failureModes);
  }

  /** {@code system/name}. */
  public String fullName() {
    return system + "/" + name;
  }
}

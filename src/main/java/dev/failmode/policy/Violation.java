package dev.failmode.policy;

import dev.failmode.model.Location;

/**
 * One thing that fails the policy: its kind, the failure mode (or, for a whole file, the
 * system) it is about, where, and why.
 *
 * @param rule the full id of the rule behind it: the rule that decided the verdict, or that made the finding
 */
public record Violation(FailOn kind, String id, Location location, String message, String rule) {

  /** What identifies a violation from one run to the next, for baselines: kind and id. */
  public String key() {
    return kind + " " + id;
  }
}

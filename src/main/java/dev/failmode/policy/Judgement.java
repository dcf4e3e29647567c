package dev.failmode.policy;

import dev.failmode.model.Finding;
import dev.failmode.model.Result;
import java.util.List;
import java.util.Set;

/**
 * The policy applied to a report: what fails it, and what a baseline already had and so is
 * accepted. Report formats that speak of pass and fail (SARIF, JUnit, GitHub annotations) are
 * written from it.
 *
 * @param violations what fails the check
 * @param accepted what would fail it, but the baseline already had
 */
public record Judgement(Set<FailOn> failOn, List<Violation> violations, List<Violation> accepted) {

  public Judgement {
    failOn = Set.copyOf(failOn);
    violations = List.copyOf(violations);
    accepted = List.copyOf(accepted);
  }

  /** No policy at all: nothing fails. For reports made without {@code check}. */
  public static Judgement none() {
    return new Judgement(Set.of(), List.of(), List.of());
  }

  public boolean passed() {
    return violations.isEmpty();
  }

  /** What fails the check about this failure mode. */
  public List<Violation> violations(Result result) {
    return violations.stream().filter(v -> v.id().equals(result.id()) && !isFinding(v)).toList();
  }

  /** The violation this finding is, if the policy rejects it. */
  public java.util.Optional<Violation> violation(Finding finding) {
    return violations.stream().filter(v -> isFinding(v) && v.id().equals(finding.id()) && v.kind().toString().equals(finding.kind()))
        .findFirst();
  }

  /** Whether a baseline accepted this finding. */
  public boolean accepted(Finding finding) {
    return accepted.stream().anyMatch(v -> isFinding(v) && v.id().equals(finding.id()) && v.kind().toString().equals(finding.kind()));
  }

  /** Whether a baseline accepted a violation about this failure mode. */
  public boolean accepted(Result result) {
    return accepted.stream().anyMatch(v -> v.id().equals(result.id()) && !isFinding(v));
  }

  private static boolean isFinding(Violation violation) {
    return violation.kind() != FailOn.OPEN_NOT_OK && violation.kind() != FailOn.UNCLASSIFIED;
  }
}

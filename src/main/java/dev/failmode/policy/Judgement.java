package dev.failmode.policy;

import dev.failmode.model.Finding;
import dev.failmode.model.Result;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy applied to a report: what fails it, and what a baseline already had and so is
 * accepted. Report formats that speak of pass and fail (SARIF, JUnit, GitHub annotations) are
 * written from it, asking about each of a report's results and findings, so the answers are
 * indexed by id: a catalogue of 100,000 failure modes must not cost a scan of every violation
 * for each.
 */
public final class Judgement {
  private final Set<FailOn> failOn;
  private final List<Violation> violations;
  private final List<Violation> accepted;
  private final boolean baselined;
  // made at the first question: JSON, YAML and text reports never ask, and at 100,000 failure
  // modes building them cost ~30 ms on one core
  private volatile Indexes indexes;

  /** The violations and the accepted ones, by the id of their failure mode and of their finding. */
  private record Indexes(
      Map<String, List<Violation>> violationsByMode,
      Map<String, List<Violation>> violationsByFinding,
      Map<String, List<Violation>> acceptedByMode,
      Map<String, List<Violation>> acceptedByFinding) {}

  /**
   * @param violations what fails the check
   * @param accepted what would fail it, but the baseline already had
   */
  public Judgement(Set<FailOn> failOn, List<Violation> violations, List<Violation> accepted) {
    this(failOn, violations, accepted, false);
  }

  /** @param baselined whether the report was judged against a baseline, which the violations are new to */
  public Judgement(Set<FailOn> failOn, List<Violation> violations, List<Violation> accepted, boolean baselined) {
    this.baselined = baselined;
    this.failOn = Set.copyOf(failOn);
    this.violations = List.copyOf(violations);
    this.accepted = List.copyOf(accepted);
  }

  private Indexes indexes() {
    Indexes made = indexes;
    if (made == null) {
      // two threads asking at once may both build them: the same maps, and either is kept
      made = new Indexes(index(violations, false), index(violations, true), index(accepted, false), index(accepted, true));
      indexes = made;
    }
    return made;
  }

  /** No policy at all: nothing fails. For reports made without {@code check}. */
  public static Judgement none() {
    return new Judgement(Set.of(), List.of(), List.of());
  }

  /** Whether the report was judged against a baseline: only then is a violation new, or an accepted one unchanged. */
  public boolean baselined() {
    return baselined;
  }

  public Set<FailOn> failOn() {
    return failOn;
  }

  /** What fails the check, sorted by location. */
  public List<Violation> violations() {
    return violations;
  }

  /** What would fail the check but the baseline already had. */
  public List<Violation> accepted() {
    return accepted;
  }

  public boolean passed() {
    return violations.isEmpty();
  }

  /** What fails the check about this failure mode. */
  public List<Violation> violations(Result result) {
    return indexes().violationsByMode().getOrDefault(result.id(), List.of());
  }

  /** The violation this finding is, if the policy rejects it. */
  public Optional<Violation> violation(Finding finding) {
    return sameFinding(indexes().violationsByFinding(), finding);
  }

  /** Whether a baseline accepted this finding. */
  public boolean accepted(Finding finding) {
    return sameFinding(indexes().acceptedByFinding(), finding).isPresent();
  }

  /** Whether a baseline accepted a violation about this failure mode. */
  public boolean accepted(Result result) {
    return indexes().acceptedByMode().containsKey(result.id());
  }

  private static Optional<Violation> sameFinding(Map<String, List<Violation>> byId, Finding finding) {
    return byId.getOrDefault(finding.id(), List.of()).stream().filter(v -> v.kind().toString().equals(finding.kind())).findFirst();
  }

  private static Map<String, List<Violation>> index(List<Violation> violations, boolean findings) {
    Map<String, List<Violation>> byId = new HashMap<>();
    for (Violation violation : violations) {
      if (isFinding(violation) == findings) {
        byId.computeIfAbsent(violation.id(), id -> new java.util.ArrayList<>()).add(violation);
      }
    }
    byId.replaceAll((id, list) -> List.copyOf(list));
    return byId;
  }

  private static boolean isFinding(Violation violation) {
    return violation.kind() != FailOn.OPEN_NOT_OK && violation.kind() != FailOn.UNCLASSIFIED;
  }
}

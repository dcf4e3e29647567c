package dev.failmode.policy;

import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code failmode check} fails on. Waivers and remediation statuses change a result's
 * status, never its verdict: a waived or mitigated NOT OK does not fail the check, an open one
 * does.
 */
public final class Policy {
  private final Set<FailOn> failOn;

  public Policy(Set<FailOn> failOn) {
    this.failOn = failOn.isEmpty() ? EnumSet.noneOf(FailOn.class) : EnumSet.copyOf(failOn);
  }

  /** The default: fail on everything. */
  public static Policy strict() {
    return new Policy(EnumSet.allOf(FailOn.class));
  }

  public Set<FailOn> failOn() {
    return failOn.isEmpty() ? EnumSet.noneOf(FailOn.class) : EnumSet.copyOf(failOn);
  }

  /** Judges a report: everything in it that fails the check. */
  public Judgement judge(Report report) {
    return new Judgement(failOn(), violations(report), List.of());
  }

  /** Judges a report against a baseline: only what the baseline does not already have fails. */
  public Judgement judge(Report report, Snapshot baseline) {
    Set<String> known = baseline.violationKeys(failOn);
    List<Violation> fresh = new ArrayList<>();
    List<Violation> accepted = new ArrayList<>();
    for (Violation violation : violations(report)) {
      (known.contains(violation.key()) ? accepted : fresh).add(violation);
    }
    return new Judgement(failOn(), fresh, accepted);
  }

  /** Everything in the report that fails the check, sorted by location. */
  public List<Violation> violations(Report report) {
    // each result on its own, in parallel: a large catalogue has tens of thousands of open NOT OKs to explain
    List<Violation> violations = new ArrayList<>(report.results().parallelStream().map(this::violation).filter(Objects::nonNull).toList());
    for (Finding finding : report.findings()) {
      FailOn.ofFinding(finding.kind()).filter(failOn::contains).ifPresent(kind ->
          violations.add(new Violation(kind, finding.id(), finding.location(), finding.message(), finding.rule())));
    }
    violations.sort(Comparator.comparing(Violation::location).thenComparing(Violation::kind).thenComparing(Violation::id));
    return violations;
  }

  /** What a result violates, if anything: a result is NOT OK or UNCLASSIFIED, never both. */
  private Violation violation(Result result) {
    if (result.verdict() == Decision.NOT_OK && result.status() == Status.OPEN && failOn.contains(FailOn.OPEN_NOT_OK)) {
      return new Violation(FailOn.OPEN_NOT_OK, result.id(), result.location(), "NOT OK and open: " + why(result), firstRule(result));
    }
    if (result.verdict() == Decision.UNCLASSIFIED && failOn.contains(FailOn.UNCLASSIFIED)) {
      return new Violation(FailOn.UNCLASSIFIED, result.id(), result.location(), "no rule decided it: " + why(result), firstRule(result));
    }
    return null;
  }

  /** Every reason for the verdict (for UNCLASSIFIED, every note), each with its rule: none is more telling than another. */
  private static String why(Result result) {
    List<Reason> reasons = reasons(result);
    return String.join("; ", reasons.stream().map(r -> r.message() + " [" + r.rule() + "]").toList());
  }

  private static String firstRule(Result result) {
    return reasons(result).stream().map(Reason::rule).findFirst().orElse("");
  }

  private static List<Reason> reasons(Result result) {
    List<Reason> votes = result.reasons().stream().filter(r -> r.vote() == result.verdict()).toList();
    return result.verdict() == Decision.UNCLASSIFIED || votes.isEmpty() ? result.reasons() : votes;
  }
}

package dev.failmode.engine;

import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Location;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code failmode check} fails on. Waivers and remediation statuses change a result's
 * status, never its verdict: a waived or mitigated NOT OK does not fail the check, an open one
 * does.
 */
public final class Policy {

  /** One kind of thing the policy can fail on; {@code --fail-on} chooses among them. */
  public enum FailOn {
    /** A NOT OK failure mode with nothing done, planned or waived. */
    OPEN_NOT_OK,
    /** A failure mode no rule decided. */
    UNCLASSIFIED,
    /** A claim the verdict contradicts. */
    CLAIM_CONTRADICTED,
    /** A waiver past its date. */
    EXPIRED_WAIVER,
    /** A file whose OK TO BREAK failures together spend more than its budget. */
    OVER_BUDGET;

    /** As written on the command line: {@code open-not-ok}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One thing that fails the check, where it is and why. */
  public record Violation(FailOn kind, String id, Location location, String message) {}

  private final Set<FailOn> failOn;

  public Policy(Set<FailOn> failOn) {
    this.failOn = failOn.isEmpty() ? EnumSet.noneOf(FailOn.class) : EnumSet.copyOf(failOn);
  }

  /** The default: fail on all of them. */
  public static Policy strict() {
    return new Policy(EnumSet.allOf(FailOn.class));
  }

  public Set<FailOn> failOn() {
    return EnumSet.copyOf(failOn.isEmpty() ? EnumSet.noneOf(FailOn.class) : failOn);
  }

  /** Everything in the report that fails the check, sorted by location. */
  public List<Violation> violations(Report report) {
    List<Violation> violations = new ArrayList<>();
    for (Result result : report.results()) {
      if (result.verdict() == Decision.NOT_OK && result.status() == Status.OPEN && failOn.contains(FailOn.OPEN_NOT_OK)) {
        violations.add(new Violation(FailOn.OPEN_NOT_OK, result.id(), result.location(), "NOT OK and open: " + firstReason(result)));
      }
      if (result.verdict() == Decision.UNCLASSIFIED && failOn.contains(FailOn.UNCLASSIFIED)) {
        violations.add(new Violation(FailOn.UNCLASSIFIED, result.id(), result.location(), "no rule decided it: " + firstReason(result)));
      }
    }
    for (Finding finding : report.findings()) {
      FailOn kind = switch (finding.kind()) {
        case Finding.CLAIM_CONTRADICTED -> FailOn.CLAIM_CONTRADICTED;
        case Finding.EXPIRED_WAIVER -> FailOn.EXPIRED_WAIVER;
        case Finding.OVER_BUDGET -> FailOn.OVER_BUDGET;
        default -> null;
      };
      if (kind != null && failOn.contains(kind)) {
        violations.add(new Violation(kind, finding.id(), finding.location(), finding.message()));
      }
    }
    violations.sort(Comparator.comparing(Violation::location).thenComparing(Violation::kind).thenComparing(Violation::id));
    return violations;
  }

  private static String firstReason(Result result) {
    return result.reasons().stream()
        .filter(r -> r.vote() == result.verdict() || result.verdict() == Decision.UNCLASSIFIED)
        .findFirst()
        .map(r -> r.message() + " [" + r.rule() + "]")
        .orElse("");
  }
}

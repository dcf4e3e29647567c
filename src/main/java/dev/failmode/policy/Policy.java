package dev.failmode.policy;

import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.RuleDoc;
import dev.failmode.model.Status;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final Comparator<Violation> BY_PLACE = Comparator.comparing(Violation::location).thenComparing(Violation::kind)
      .thenComparing(Violation::id);
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
    return new Judgement(failOn(), fresh, accepted, true);
  }

  /** Everything in the report that fails the check, sorted by location. */
  public List<Violation> violations(Report report) {
    // each result on its own, in parallel: a large catalogue has tens of thousands of open NOT OKs to explain
    List<Violation> violations = new ArrayList<>(report.results().parallelStream().map(this::violation).filter(Objects::nonNull).toList());
    for (Finding finding : report.findings()) {
      FailOn.ofFinding(finding.kind()).filter(failOn::contains).ifPresent(kind ->
          violations.add(new Violation(kind, finding.id(), finding.location(), finding.message(), finding.rule())));
    }
    // on both cores (a stable sort, as List.sort is): a large catalogue has tens of thousands
    Violation[] sorted = violations.toArray(Violation[]::new);
    Arrays.parallelSort(sorted, BY_PLACE);
    return new ArrayList<>(Arrays.asList(sorted));
  }

  /** What a result violates, if anything: a result is NOT OK or UNCLASSIFIED, never both. */
  private Violation violation(Result result) {
    if (result.verdict() == Decision.NOT_OK && result.status() == Status.OPEN && failOn.contains(FailOn.OPEN_NOT_OK)) {
      return violation(FailOn.OPEN_NOT_OK, "NOT OK and open: ", result);
    }
    if (result.verdict() == Decision.UNCLASSIFIED && failOn.contains(FailOn.UNCLASSIFIED)) {
      return violation(FailOn.UNCLASSIFIED, "no rule decided it: ", result);
    }
    return null;
  }

  /**
   * A violation about a result that says every reason for its verdict (for UNCLASSIFIED, every
   * note), each with its rule, none being more telling than another; its rule is the first
   * reason's. Its message is made of the reasons when asked for (see {@link Violation}).
   */
  private static Violation violation(FailOn kind, String opening, Result result) {
    List<Reason> reasons = result.reasons();
    if (result.verdict() == Decision.UNCLASSIFIED) {
      return Violation.ofReasons(kind, result.id(), result.location(), opening, reasons, unclassifiedReasons(reasons));
    }
    List<Reason> votes = votes(result);
    return Violation.ofReasons(kind, result.id(), result.location(), opening, votes, votes.size());
  }

  /**
   * For UNCLASSIFIED, how many of its reasons a violation says: the notes that say what is
   * missing. The engine's own closing reason ("no rule decided this failure mode ... see the
   * notes above") says again what the violation's opening says, and points at notes that a
   * one-line violation does not have above it, so it is left out unless it is the only reason.
   */
  private static int unclassifiedReasons(List<Reason> reasons) {
    int last = reasons.size() - 1;
    return last > 0 && reasons.get(last).rule().equals(RuleDoc.NO_RULE_DECIDED.id()) ? last : reasons.size();
  }

  /** The reasons that voted for the verdict, or every reason when none did. */
  private static List<Reason> votes(Result result) {
    int voted = 0;
    for (Reason reason : result.reasons()) {
      voted += reason.vote() == result.verdict() ? 1 : 0;
    }
    if (voted == 0 || voted == result.reasons().size()) {
      return result.reasons(); // the result's own list, which violations keep rather than copy
    }
    List<Reason> votes = new ArrayList<>(voted);
    for (Reason reason : result.reasons()) {
      if (reason.vote() == result.verdict()) {
        votes.add(reason);
      }
    }
    return votes;
  }
}

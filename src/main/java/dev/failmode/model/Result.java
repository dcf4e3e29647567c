package dev.failmode.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome for one failure mode: exactly one per failure mode read.
 *
 * @param id the mode's full id, {@code system/component/id}, made once: sorting, the policy and
 *     every format ask for it
 * @param status where a NOT_OK result stands; null for other verdicts
 * @param budget null where no SLO or no duration is known
 */
public record Result(String id, FailureMode mode, Decision verdict, Status status, List<Reason> reasons, List<Suggestion> remediations,
    Budget budget) {

  public Result {
    // a result is made once per failure mode, by the hundred thousand: compared in place
    if (!mode.hasFullId(id)) {
      throw new IllegalArgumentException("a result's id is its failure mode's full id " + mode.fullId() + ", not " + id);
    }
    reasons = List.copyOf(reasons);
    remediations = List.copyOf(remediations);
  }

  public Result(FailureMode mode, Decision verdict, Status status, List<Reason> reasons, List<Suggestion> remediations, Budget budget) {
    this(mode.fullId(), mode, verdict, status, reasons, remediations, budget);
  }

  public Location location() {
    return mode.location();
  }

  /** The rules that voted for the verdict this result got. */
  public List<String> decidingRules() {
    // loops rather than a stream, and nothing made when no rule decided: reports ask for it once
    // per result, by the hundred thousand
    List<String> rules = null;
    for (int i = 0; i < reasons.size(); i++) {
      Reason reason = reasons.get(i);
      if (reason.vote() == verdict && (rules == null || !rules.contains(reason.rule()))) {
        if (rules == null) {
          rules = new ArrayList<>(reasons.size() - i);
        }
        rules.add(reason.rule());
      }
    }
    return rules == null ? List.of() : Collections.unmodifiableList(rules);
  }
}

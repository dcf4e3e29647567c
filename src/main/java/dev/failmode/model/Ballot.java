package dev.failmode.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the rules said about one failure mode: votes, notes, suggestions and findings,
 * each attributed to its rule. The decision is computed from the votes, so NOT_OK wins whatever
 * order the rules fired in.
 */
public final class Ballot {
  private final RuleScope scope;
  private final FailureMode mode;
  private final Once<Reason> reasons = new Once<>();
  private final Once<Suggestion> suggestions = new Once<>();
  private final Once<Finding> findings = new Once<>();

  /**
   * Items in the order first added, each once. A list while short, as a failure mode gets a
   * handful of each (a hash set hashed every message, and made three maps for every mode); a set
   * beside it past that, so that a rule adding thousands stays linear.
   */
  private static final class Once<T> {
    private static final int SHORT = 16;
    private List<T> items = List.of();
    private Set<T> index;

    void add(T item) {
      if (index != null ? !index.add(item) : items.contains(item)) {
        return;
      }
      if (items.isEmpty()) {
        items = new ArrayList<>(4);
      }
      items.add(item);
      if (index == null && items.size() > SHORT) {
        index = new HashSet<>(items);
      }
    }

    List<T> copy() {
      return new ArrayList<>(items);
    }

    int size() {
      return items.size();
    }

    T get(int i) {
      return items.get(i);
    }
  }

  public Ballot(RuleScope scope, FailureMode mode) {
    this.scope = scope;
    this.mode = mode;
  }

  void vote(Decision decision, String because) {
    reasons.add(scope.once(new Reason(scope.current(), decision, requireText(because, "a reason"))));
  }

  void note(String text) {
    reasons.add(scope.once(new Reason(scope.current(), null, requireText(text, "a note"))));
  }

  void suggest(RemediationType type, String text) {
    if (type == null) {
      throw new IllegalArgumentException("a suggestion needs a remediation type");
    }
    suggestions.add(scope.once(Suggestion.suggested(type, requireText(text, "a suggestion"), scope.current())));
  }

  void finding(String kind, String message) {
    findings.add(new Finding(requireText(kind, "a finding's kind"), mode.fullId(), mode.location(), requireText(message, "a finding"), scope.current()));
  }

  /** NOT_OK if any rule voted so, else OK_TO_BREAK if any rule voted so, else UNCLASSIFIED. */
  public Decision decision() {
    boolean ok = false;
    for (int i = 0; i < reasons.size(); i++) { // by index: an iterator for each of 100,000s of ballots
      Reason reason = reasons.get(i);
      if (reason.vote() == Decision.NOT_OK) {
        return Decision.NOT_OK;
      }
      ok |= reason.vote() == Decision.OK_TO_BREAK;
    }
    return ok ? Decision.OK_TO_BREAK : Decision.UNCLASSIFIED;
  }

  public FailureMode mode() {
    return mode;
  }

  public List<Reason> reasons() {
    return reasons.copy();
  }

  public List<Suggestion> suggestions() {
    return suggestions.copy();
  }

  public List<Finding> findings() {
    return findings.copy();
  }

  static String requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return text;
  }
}

package dev.failmode.model;

/**
 * Which rule is firing now, so that a vote, a suggestion or a finding is attributed to the rule
 * that made it. The engine sets it before each rule fires; rules never touch it.
 */
public final class RuleScope {
  private String current;

  /** Called by the engine before a rule's consequence runs. */
  public void enter(String fullRuleId) {
    current = fullRuleId;
  }

  /** Called by the engine after a rule's consequence has run. */
  public void leave() {
    current = null;
  }

  String current() {
    if (current == null) {
      throw new IllegalStateException("verdicts and findings can only be given from a rule's consequence");
    }
    return current;
  }
}

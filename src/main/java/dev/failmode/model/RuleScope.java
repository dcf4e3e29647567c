package dev.failmode.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Which rule is firing now, so that a vote, a suggestion or a finding is attributed to the rule
 * that made it. The engine sets it before each rule fires; rules never touch it.
 *
 * <p>Scopes can share a table of what their rules said ({@link #sharing}): most rules give many
 * failure modes the same reason (the budget arithmetic of one SLO and duration, a constant
 * text), each time as a new string, and a large catalogue kept 100,000s of equal copies until
 * the report: memory the collector copied again and again, and text the report escaped again.
 * With the table, an equal reason or suggestion is kept once.
 */
public final class RuleScope {
  private final Map<Object, Object> said;
  private String current;

  /** A scope of its own. */
  public RuleScope() {
    this(null);
  }

  private RuleScope(Map<Object, Object> said) {
    this.said = said;
  }

  /**
   * Scopes that share one table, for the files one thread judges (the table has no lock); a
   * table holds what a run's rules said, so make one for each run.
   */
  public static Sharing sharing() {
    return new Sharing(new HashMap<>());
  }

  /** Makes scopes that share one table. */
  public static final class Sharing {
    private final Map<Object, Object> said;

    private Sharing(Map<Object, Object> said) {
      this.said = said;
    }

    public RuleScope scope() {
      return new RuleScope(said);
    }
  }

  /**
   * {@code item}, or an equal one said before in a scope that shares this one's table: for what
   * the rules said, and the engine's lists of it. Items must be immutable.
   */
  @SuppressWarnings("unchecked")
  public <T> T once(T item) {
    if (said == null) {
      return item;
    }
    Object before = said.putIfAbsent(item, item);
    return before == null ? item : (T) before;
  }

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

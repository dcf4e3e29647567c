package dev.failmode.engine;

/**
 * One DRL file of a rule pack.
 *
 * @param name the path shown in messages, e.g. {@code rules/core/budget.drl}
 */
public record DrlSource(String name, String text) {

  /** An editor's byte-order mark is not DRL: Drools' parser would fail on it with no viable alternative at ''. */
  public DrlSource {
    text = text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}

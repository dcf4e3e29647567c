package dev.failmode.policy;

import dev.failmode.model.Location;
import dev.failmode.model.Reason;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One thing that fails the policy: its kind, the failure mode (or, for a whole file, the
 * system) it is about, where, why, and the rule behind it (the rule that decided the verdict,
 * or that made the finding).
 *
 * <p>A violation about a failure mode says every reason for its verdict; its message is made of
 * the result's own reasons when asked for ({@link #message()}, or piece by piece with
 * {@link #message(Consumer)}), not kept: a large catalogue has tens of thousands of them, and
 * keeping their text beside the reasons it repeats cost ~13 MB at 100,000 failure modes, all of
 * it copied by the collector.
 */
public final class Violation {
  private final FailOn kind;
  private final String id;
  private final Location location;
  private final String rule;
  private final String message; // the whole message, or the opening of one made of reasons
  private final List<Reason> reasons; // null for a whole message; else the message is made of the first `count`
  private final int count;

  /** A violation with its message whole (a finding's). */
  public Violation(FailOn kind, String id, Location location, String message, String rule) {
    this(kind, id, location, rule, message, null, 0);
  }

  private Violation(FailOn kind, String id, Location location, String rule, String message, List<Reason> reasons, int count) {
    this.kind = kind;
    this.id = id;
    this.location = location;
    this.rule = rule;
    this.message = message;
    this.reasons = reasons;
    this.count = count;
  }

  /**
   * A violation whose message is {@code opening} then the message of each of the first
   * {@code count} reasons with its rule in brackets, separated by semicolons; its rule is the
   * first reason's. {@code reasons} is kept, not copied (the engine keeps a list of reasons once
   * for all the results that have it): it must not change.
   */
  static Violation ofReasons(FailOn kind, String id, Location location, String opening, List<Reason> reasons, int count) {
    return new Violation(kind, id, location, count == 0 ? "" : reasons.get(0).rule(), opening, reasons, count);
  }

  public FailOn kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public Location location() {
    return location;
  }

  public String message() {
    if (reasons == null) {
      return message;
    }
    StringBuilder text = new StringBuilder();
    message(text::append);
    return text.toString();
  }

  /**
   * The message and, in brackets, the rule behind it, as one-line outputs show it; a message made
   * of reasons names each rule already, so then it is the message alone.
   */
  public String messageWithRule() {
    String text = message();
    return rule() == null || rule().isEmpty() || text.contains("[" + rule() + "]") ? text : text + " [" + rule() + "]";
  }

  /** The message piece by piece, in order: their concatenation is {@link #message()}. */
  public void message(Consumer<String> pieces) {
    pieces.accept(message);
    if (reasons == null) {
      return;
    }
    for (int i = 0; i < count; i++) {
      Reason reason = reasons.get(i);
      if (i > 0) {
        pieces.accept("; ");
      }
      pieces.accept(reason.message());
      pieces.accept(" [");
      pieces.accept(reason.rule());
      pieces.accept("]");
    }
  }

  /**
   * What the message is made of, to tell by identity that two violations of one kind say the
   * same: the reasons, or null for a whole message. Two violations of one kind made of one list
   * have equal messages, as the policy makes them: the opening is the kind's, and how many of the
   * reasons are said follows from the list (all of a NOT OK result's, when every reason voted so;
   * an UNCLASSIFIED result's but the engine's closing one).
   */
  public Object madeOf() {
    return reasons;
  }

  public String rule() {
    return rule;
  }

  /** What identifies a violation from one run to the next, for baselines: kind and id. */
  public String key() {
    return kind + " " + id;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Violation other && kind == other.kind && Objects.equals(id, other.id)
        && Objects.equals(location, other.location) && Objects.equals(rule, other.rule) && Objects.equals(message(), other.message());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id, location, rule, message());
  }

  @Override
  public String toString() {
    return "Violation[kind=" + kind + ", id=" + id + ", location=" + location + ", message=" + message() + ", rule=" + rule + "]";
  }
}

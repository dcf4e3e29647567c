package dev.failmode.model;

import java.util.Objects;

/**
 * Why a failure mode got its verdict: one rule's vote and the sentence it gave, with the
 * numbers it used.
 *
 * @param rule the full rule id, {@code pack/rule}
 * @param vote what the rule voted; null for a note that informs without deciding
 */
public record Reason(String rule, Decision vote, String message) {
  // equals and hashCode written out: see package-info.java
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Reason other
        && Objects.equals(rule, other.rule)
        && Objects.equals(vote, other.vote)
        && Objects.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    // by hand: Objects.hash makes an array, and an enum's hash is a call into the JVM in code not yet compiled by C2
    return (31 * Objects.hashCode(rule) + (vote == null ? 0 : vote.ordinal() + 1)) * 31 + Objects.hashCode(message);
  }
}

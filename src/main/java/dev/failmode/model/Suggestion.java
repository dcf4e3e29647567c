package dev.failmode.model;

import java.util.Objects;

/**
 * A remediation on a result: suggested by a rule, or declared in the file.
 *
 * @param rule the full id of the rule that suggested it; null for a declared one
 * @param declared whether the file already lists it
 * @param status for declared remediations, how far they have got; null for suggestions
 * @param ref for declared remediations, a link or ticket if given; else null
 */
public record Suggestion(RemediationType type, String text, String rule, boolean declared, RemediationStatus status, String ref) {

  public static Suggestion suggested(RemediationType type, String text, String rule) {
    return new Suggestion(type, text, rule, false, null, null);
  }

  public static Suggestion declared(Remediation remediation) {
    return new Suggestion(remediation.type(), remediation.description(), null, true, remediation.status(), remediation.ref());
  }

  // equals and hashCode written out: see package-info.java
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Suggestion other
        && Objects.equals(type, other.type)
        && Objects.equals(text, other.text)
        && Objects.equals(rule, other.rule)
        && declared == other.declared
        && Objects.equals(status, other.status)
        && Objects.equals(ref, other.ref);
  }

  @Override
  public int hashCode() {
    // by hand, as Reason's
    int hash = type == null ? 0 : type.ordinal() + 1;
    hash = 31 * hash + Objects.hashCode(text);
    hash = 31 * hash + Objects.hashCode(rule);
    hash = 31 * hash + (declared ? 1 : 0);
    hash = 31 * hash + (status == null ? 0 : status.ordinal() + 1);
    return 31 * hash + Objects.hashCode(ref);
  }
}

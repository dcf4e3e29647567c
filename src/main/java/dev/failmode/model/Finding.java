package dev.failmode.model;

import java.util.Objects;

/**
 * Something the rules found that is not a verdict: a contradicted claim, an expired waiver, a
 * file whose small OKs add up past its budget.
 *
 * @param kind what was found, kebab-case: {@code claim-contradicted}, {@code expired-waiver}, {@code over-budget}...
 * @param id the full id of the failure mode, or the system's name for a finding about a whole file
 * @param rule the full id of the rule that found it
 */
public record Finding(String kind, String id, Location location, String message, String rule) {

  public static final String CLAIM_CONTRADICTED = "claim-contradicted";
  public static final String EXPIRED_WAIVER = "expired-waiver";
  public static final String OVER_BUDGET = "over-budget";

  // equals and hashCode written out: see package-info.java
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Finding other
        && Objects.equals(kind, other.kind)
        && Objects.equals(id, other.id)
        && Objects.equals(location, other.location)
        && Objects.equals(message, other.message)
        && Objects.equals(rule, other.rule);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id, location, message, rule);
  }
}

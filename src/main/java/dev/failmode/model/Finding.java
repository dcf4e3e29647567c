package dev.failmode.model;

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
}

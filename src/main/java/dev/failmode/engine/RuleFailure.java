package dev.failmode.engine;

/**
 * A rule that broke while classifying: it threw, or it kept firing past the firing limit. The
 * message names the rule and, where known, the failure mode it was judging.
 */
public final class RuleFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final String rule;
  private final String failureMode;

  public RuleFailure(String rule, String failureMode, String message, Throwable cause) {
    super(message, cause);
    this.rule = rule;
    this.failureMode = failureMode;
  }

  /** The full id of the rule, or null if Drools did not say which. */
  public String rule() {
    return rule;
  }

  /** The full id of the failure mode being judged, or null if not known. */
  public String failureMode() {
    return failureMode;
  }
}

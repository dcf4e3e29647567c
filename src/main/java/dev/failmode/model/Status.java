package dev.failmode.model;

/**
 * Where a NOT_OK failure mode stands: what is being done about it. It never changes the verdict,
 * only whether the policy of {@code failmode check} counts the result against the run.
 */
public enum Status {
  /** A remediation with status {@code done} is in place. */
  MITIGATED,
  /** An unexpired waiver accepts the risk. */
  WAIVED,
  /** A remediation is planned or in progress. */
  PLANNED,
  /** Nothing is done or planned. */
  OPEN;

  /**
   * The status of a failure mode the rules decided: null unless it is NOT_OK. A remediation
   * that is done outranks a waiver, which outranks a plan.
   */
  public static Status of(Decision decision, FailureMode mode, java.time.LocalDate today) {
    if (decision != Decision.NOT_OK) {
      return null;
    }
    for (Remediation remediation : mode.remediations()) { // a loop: asked of every NOT OK failure mode
      if (remediation.status() == RemediationStatus.DONE) {
        return MITIGATED;
      }
    }
    if (mode.waiver() != null && !mode.waiver().expiredOn(today)) {
      return WAIVED;
    }
    if (!mode.remediations().isEmpty()) {
      return PLANNED;
    }
    return OPEN;
  }
}

package dev.failmode.policy;

import dev.failmode.model.Finding;
import dev.failmode.model.Wire;
import java.util.Optional;

/** One kind of thing the policy of {@code failmode check} can fail on; {@code --fail-on} chooses among them. */
public enum FailOn {
  /** A NOT OK failure mode with nothing done, planned or waived. */
  OPEN_NOT_OK,
  /** A failure mode no rule decided. */
  UNCLASSIFIED,
  /** A claim the verdict contradicts. */
  CLAIM_CONTRADICTED,
  /** A waiver past its date. */
  EXPIRED_WAIVER,
  /** A file whose OK TO BREAK failures together spend more than its budget. */
  OVER_BUDGET;

  /** As written on the command line and in reports: {@code open-not-ok}. */
  @Override
  public String toString() {
    return Wire.name(this);
  }

  /** The kind of policy violation a finding of this kind is, if any. */
  public static Optional<FailOn> ofFinding(String kind) {
    return switch (kind) {
      case Finding.CLAIM_CONTRADICTED -> Optional.of(CLAIM_CONTRADICTED);
      case Finding.EXPIRED_WAIVER -> Optional.of(EXPIRED_WAIVER);
      case Finding.OVER_BUDGET -> Optional.of(OVER_BUDGET);
      default -> Optional.empty();
    };
  }
}

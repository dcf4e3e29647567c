package dev.failmode.model;

/**
 * What the rules decided about one failure mode. NOT_OK wins over OK_TO_BREAK whatever order
 * rules fire in; UNCLASSIFIED means no rule decided, and is reported, never dropped.
 */
public enum Decision {
  OK_TO_BREAK,
  NOT_OK,
  UNCLASSIFIED;

  /** How the decision is written in reports: {@code OK TO BREAK}, {@code NOT OK}, {@code UNCLASSIFIED}. */
  public String label() {
    return name().replace('_', ' ');
  }

  /** The decision a team's {@link Claim} stands for. */
  public static Decision of(Claim claim) {
    return claim == Claim.OK_TO_BREAK ? OK_TO_BREAK : NOT_OK;
  }
}

package dev.failmode.model;

/** What a failure mode does to the component while it lasts. Written in files in kebab-case (see {@link Wire}). */
public enum Effect {
  CRASH, UNAVAILABLE, UNEXPECTED_TERMINATION, DEGRADED, SLOW, OVERLOAD, RESOURCE_EXHAUSTION, PERMISSION_DENIED, STALE_DATA, INCORRECT_DATA, INCOMPLETE_DATA, DATA_LOSS;

  /** Whether the effect is wrong data: incorrect, incomplete or lost. */
  public boolean isWrongData() {
    return this == INCORRECT_DATA || this == INCOMPLETE_DATA || this == DATA_LOSS;
  }
}

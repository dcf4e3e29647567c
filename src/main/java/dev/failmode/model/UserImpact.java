package dev.failmode.model;

/** What the users of the service see while a failure mode lasts. Written in files in kebab-case (see {@link Wire}). */
public enum UserImpact {
  NONE, DEGRADED, OUTAGE;

  /** Whether users see it at all: {@code degraded} or {@code outage}. */
  public boolean isUserFacing() {
    return this != NONE;
  }
}

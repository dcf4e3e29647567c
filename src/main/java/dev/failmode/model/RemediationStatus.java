package dev.failmode.model;

/** How far a declared remediation has got. Written in files in kebab-case (see {@link Wire}). */
public enum RemediationStatus {
  PLANNED, IN_PROGRESS, DONE
}

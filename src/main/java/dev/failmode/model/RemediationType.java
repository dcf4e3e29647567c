package dev.failmode.model;

/** The kind of a remediation. Written in files in kebab-case (see {@link Wire}). */
public enum RemediationType {
  CONFIG_CHANGE, UPSTREAM_FIX, WORKAROUND, PROCESS, MONITORING
}

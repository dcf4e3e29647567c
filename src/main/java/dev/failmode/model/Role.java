package dev.failmode.model;

/** What a component does in the system. Written in files in kebab-case (see {@link Wire}). */
public enum Role {
  CONTROL_PLANE, DATA_PLANE, STORAGE, PROXY, NETWORKING, SCHEDULER, OBSERVABILITY, BATCH, OTHER
}

package dev.failmode.model;

/** When in a component's life a failure mode happens. Written in files in kebab-case (see {@link Wire}). */
public enum Phase {
  STARTUP, RUNTIME, DEPLOY, CONFIG_CHANGE, UPGRADE, SHUTDOWN
}

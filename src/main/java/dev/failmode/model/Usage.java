package dev.failmode.model;

/** How much the service relies on a component. Written in files in kebab-case (see {@link Wire}). */
public enum Usage {
  HEAVY, MODERATE, LIGHT, UNUSED
}

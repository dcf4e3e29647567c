package dev.failmode.model;

/** How long the software of a component has been run in production. Written in files in kebab-case (see {@link Wire}). */
public enum Maturity {
  NEW, MATURING, MATURE
}

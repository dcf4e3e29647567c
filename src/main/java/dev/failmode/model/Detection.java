package dev.failmode.model;

/** How soon a failure mode is noticed. Written in files in kebab-case (see {@link Wire}). */
public enum Detection {
  IMMEDIATE, MINUTES, HOURS, SILENT
}

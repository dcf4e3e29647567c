package dev.failmode.model;

/** What a team believes about a failure mode before the rules judge it. Written in files in kebab-case (see {@link Wire}). */
public enum Claim {
  OK_TO_BREAK, NOT_OK
}

package dev.failmode.model;

/** How far a failure mode reaches. Written in files in kebab-case (see {@link Wire}). */
public enum BlastRadius {
  INSTANCE, HOST, ZONE, CLUSTER, REGION, GLOBAL
}

package dev.failmode.model;

/** Why a failure mode happens. Written in files in kebab-case (see {@link Wire}). */
public enum Cause {
  CONFIG_ERROR, DEFAULT_SETTING, RESOURCE_LEAK, MEMORY_SAFETY, OVERLOAD, DEPENDENCY, PERMISSIONS, BUG, MISSING_FEATURE, OPERATOR_ERROR, UNKNOWN
}

package dev.failmode.model;

/** A remediation a team has put in place or planned for a failure mode; {@code ref} may be null. */
public record Remediation(RemediationType type, String description, RemediationStatus status, String ref, Location location) {}

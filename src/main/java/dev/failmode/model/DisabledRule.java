package dev.failmode.model;

/**
 * A rule a project switched off in its {@code failmode.yaml}: reports list it, with who decided
 * and why, so that disagreeing with a rule is visible rather than silent.
 *
 * @param rule the full rule id, {@code pack/rule}
 * @param location where the project file says so
 */
public record DisabledRule(String rule, String by, String reason, Location location) {}

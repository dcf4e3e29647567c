package dev.failmode.engine;

/**
 * One DRL file of a rule pack.
 *
 * @param name the path shown in messages, e.g. {@code rules/core/budget.drl}
 */
public record DrlSource(String name, String text) {}

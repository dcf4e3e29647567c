package dev.failmode.model;

/**
 * Why a failure mode got its verdict: one rule's vote and the sentence it gave, with the
 * numbers it used.
 *
 * @param rule the full rule id, {@code pack/rule}
 * @param vote what the rule voted; null for a note that informs without deciding
 */
public record Reason(String rule, Decision vote, String message) {}

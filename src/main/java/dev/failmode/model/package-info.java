/**
 * The fact model: what a failure-mode file says, read-only, and what the rules decide about it.
 *
 * <p>Some records write out the {@code equals} and {@code hashCode} a record would be given:
 * those that rules compare with {@code null} (the executable model calls {@code equals} for
 * that) and those that results keep in sets. A record's own methods are bound at their first
 * call through {@code invokedynamic}, which spins method-handle classes no class-data archive
 * keeps, a few milliseconds each on every cold start. {@code RecordEqualityTest} holds the
 * written-out methods to the record contract, component by component.
 */
package dev.failmode.model;

package dev.failmode.model;

import java.time.LocalDate;

/** A past occurrence of a failure mode; {@code date} and {@code summary} may be null. */
public record Incident(String id, LocalDate date, String summary, boolean remediated, Location location) {}

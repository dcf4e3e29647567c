package dev.failmode.model;

/** A rule pack a report was made with: its id and version. */
public record PackRef(String id, String version) {}

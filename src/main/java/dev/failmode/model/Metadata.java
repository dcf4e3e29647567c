package dev.failmode.model;

/** What a failure-mode file describes: a system or service, who owns it, and in a sentence what it is. */
public record Metadata(String name, String owner, String description) {}

package dev.failmode.model;

import java.time.LocalDate;

/** The date a run judges waivers against: today, unless the run was given {@code --today}. */
public record Today(LocalDate date) {}

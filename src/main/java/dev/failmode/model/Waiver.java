package dev.failmode.model;

import java.time.LocalDate;

/** An explicit, owned risk acceptance that counts only until it expires. */
public record Waiver(String reason, String owner, LocalDate expires, Location location) {

  /** Whether the waiver has run out on {@code today}: a waiver is good through its expiry date. */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires);
  }
}

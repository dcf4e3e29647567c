package dev.failmode.model;

import java.time.LocalDate;
import java.util.Objects;

/** An explicit, owned risk acceptance that counts only until it expires. */
public record Waiver(String reason, String owner, LocalDate expires, Location location) {

  /** Whether the waiver has run out on {@code today}: a waiver is good through its expiry date. */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires);
  }

  // equals and hashCode written out: see package-info.java
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Waiver other
        && Objects.equals(reason, other.reason)
        && Objects.equals(owner, other.owner)
        && Objects.equals(expires, other.expires)
        && Objects.equals(location, other.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reason, owner, expires, location);
  }
}

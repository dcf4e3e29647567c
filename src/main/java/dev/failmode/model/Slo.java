package dev.failmode.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The service level objective a file's failure modes threaten.
 *
 * @param target the objective in percent, more than 0 and less than 100 (99.99)
 * @param windowDays the window it is measured over, in days (365 unless the file says)
 */
public record Slo(BigDecimal target, int windowDays, Location location) {

  public static final int DEFAULT_WINDOW_DAYS = 365;

  /** {@code 99.99% over 365d}. */
  @Override
  public String toString() {
    return Text.target(target) + "% over " + windowDays + "d";
  }

  // equals and hashCode written out: see package-info.java
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Slo other
        && Objects.equals(target, other.target)
        && windowDays == other.windowDays
        && Objects.equals(location, other.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, windowDays, location);
  }
}

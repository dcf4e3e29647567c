package dev.failmode.model;

import java.math.BigDecimal;

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
    return Text.number(target) + "% over " + windowDays + "d";
  }
}

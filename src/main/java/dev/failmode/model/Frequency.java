package dev.failmode.model;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How often a failure mode is expected: {@code count} occurrences per {@code per}, written
 * {@code 4/year}. A year is 365 days, so a month is 365/12 days and {@code N/month} is
 * {@code 12N/year}.
 */
public record Frequency(BigDecimal count, Per per) {

  /** The period a frequency is counted over. */
  public enum Per {
    YEAR(new BigDecimal(365)),
    MONTH(new BigDecimal(365).divide(new BigDecimal(12), MathContext.DECIMAL128)),
    WEEK(new BigDecimal(7)),
    DAY(BigDecimal.ONE);

    private final BigDecimal days;

    Per(BigDecimal days) {
      this.days = days;
    }

    /** The length of the period in days (a month is 365/12). */
    public BigDecimal days() {
      return days;
    }
  }

  public Frequency {
    if (count.signum() <= 0) {
      throw new IllegalArgumentException("a frequency counts at least one occurrence: " + count);
    }
  }

  /**
   * Occurrences in a window of {@code windowDays} days. Kept exact where it can be: 12/year over
   * 365d is 12, not 11.999...
   */
  public BigDecimal perWindow(int windowDays) {
    BigDecimal numerator = count.multiply(new BigDecimal(windowDays));
    return switch (per) {
      case YEAR -> numerator.divide(new BigDecimal(365), MathContext.DECIMAL128);
      case MONTH -> numerator.multiply(new BigDecimal(12)).divide(new BigDecimal(365), MathContext.DECIMAL128);
      case WEEK -> numerator.divide(new BigDecimal(7), MathContext.DECIMAL128);
      case DAY -> numerator;
    };
  }

  // equals and hashCode written out: see package-info.java (error budgets remember uses by frequency)
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Frequency other && java.util.Objects.equals(count, other.count) && per == other.per;
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hashCode(count) + java.util.Objects.hashCode(per);
  }

  /** As written in files: {@code 4/year}. */
  @Override
  public String toString() {
    return count.stripTrailingZeros().toPlainString() + "/" + Wire.name(per);
  }
}

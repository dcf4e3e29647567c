package dev.failmode.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Number formatting shared by rules and reports, so that a reason and a report never show the
 * same figure two ways. Rule packs call these from DRL consequences.
 */
public final class Text {
  private Text() {}

  /** A plain decimal with at most two places and no trailing zeros: 52.56, 120, 0.33. */
  public static String number(BigDecimal value) {
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  /** A value for machine-readable reports: four decimals, no trailing zeros, never an exponent. */
  public static BigDecimal rounded(BigDecimal value) {
    BigDecimal rounded = value.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  /** Minutes with their unit: {@code 52.56 min}. */
  public static String minutes(BigDecimal minutes) {
    return number(minutes) + " min";
  }

  /** A share (1 is everything) as a percentage with one decimal: {@code 57.1%}. */
  public static String percent(BigDecimal share) {
    String pct = share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    return (pct.endsWith(".0") ? pct.substring(0, pct.length() - 2) : pct) + "%";
  }

  /** A duration the way files write it: {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 90s}. */
  public static String duration(Duration duration) {
    long seconds = duration.getSeconds();
    if (duration.getNano() != 0) {
      BigDecimal exact = BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(duration.getNano(), 9));
      return exact.stripTrailingZeros().toPlainString() + "s";
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}

package dev.failmode.engine;

import dev.failmode.load.Notation;
import dev.failmode.load.NotationException;
import java.math.BigDecimal;
import java.util.Locale;

/** The type of a rule pack parameter, which says how its default and any {@code --set} value are read. */
public enum ParameterType {
  /** A decimal number. */
  NUMBER,
  /** A share of a whole: {@code 0.25} or {@code 25%}, read as 0.25. */
  SHARE,
  /** A duration: {@code 30m}. */
  DURATION,
  /** Any text. */
  TEXT,
  /** {@code true} or {@code false}. */
  BOOLEAN;

  /** The value {@code text} stands for, or a {@link NotationException} saying what to write. */
  public Object parse(String text) {
    String value = text.trim();
    return switch (this) {
      case NUMBER -> number(value);
      case SHARE -> share(value);
      case DURATION -> Notation.duration(value);
      case TEXT -> text;
      case BOOLEAN -> switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new NotationException("'" + text + "' is not true or false");
      };
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static BigDecimal number(String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new NotationException("'" + value + "' is not a number");
    }
  }

  private static BigDecimal share(String value) {
    boolean percent = value.endsWith("%");
    BigDecimal share = percent ? number(value.substring(0, value.length() - 1).trim()).movePointLeft(2) : number(value);
    if (share.signum() < 0) {
      throw new NotationException("'" + value + "' is negative; a share is 0 or more, like 0.25 or 25%");
    }
    // 30 almost always means 30%: a bare share above 1 must be written as a percent to say it is meant
    if (!percent && share.compareTo(BigDecimal.ONE) > 0) {
      throw new NotationException("'" + value + "' is more than the whole; a share is written 0.3 or 30%"
          + "; did you mean '" + share.stripTrailingZeros().toPlainString() + "%'? (write shares above 1 as a percent, like 150%)");
    }
    return share;
  }
}

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

  /** A count with its noun, singular for one: {@code 1 failure mode}, {@code 19 failure modes}, {@code 0 files}. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * A plain decimal with at most two places and no trailing zeros: 52.56, 120, 1.97. A value
   * below 1 keeps three significant digits (0.0822, 0.00274), so that arithmetic shown with it can
   * be checked by hand: 1/year over 30d is 0.0822 occurrences, and 0.08 x 1440 min is not the
   * 118.36 min the budget uses.
   */
  public static String number(BigDecimal value) {
    return remembered(NUMBERS, value, false);
  }

  static String numberOf(BigDecimal value) {
    return plain(places(value, 2));
  }

  /**
   * An SLO target as a percentage, every decimal it was written with and no trailing zeros:
   * {@code 99.99}, {@code 99.999}, {@code 99.9995}. Rounded as other numbers are, five nines would
   * show as 100, a target with no budget at all, beside the budget worked out from 99.999.
   */
  public static String target(BigDecimal percent) {
    return plain(percent);
  }

  /**
   * {@link #printable} text that begins a line of a linter-style output with a path: a path that
   * begins with ':' (a file a pull request names {@code ::error file=x::y.yaml}) is written as
   * {@code ./::error ...}, the same file, so that CI does not read the line as a workflow command.
   */
  public static String lineStart(String text) {
    String shown = printable(text);
    return shown.startsWith(":") ? "./" + shown : shown;
  }

  /**
   * Text as a terminal or a log shows it as written, on the line it is on: control characters
   * (a line break, a carriage return, ESC and the rest of C0 and C1, DEL), the line and paragraph
   * separators and the bidirectional embeddings, overrides and isolates become escapes: backslash n,
   * backslash r, and backslash u with four hex digits for the rest (ESC as backslash u001b); a tab stays. A file's text must not start a line of
   * its own in a linter-style output (where CI reads {@code ::error ::} lines as commands), move the
   * cursor, colour the terminal, or reorder what is read. Text with none of these is returned as it is.
   */
  public static String printable(String text) {
    return escaped(text, false);
  }

  /**
   * Text with the bidirectional embeddings, overrides and isolates shown as escapes (backslash u
   * and four hex digits), for formats whose own escaping keeps them (HTML, Markdown): an override
   * a file holds would otherwise reorder what a reviewer reads, up to the next path on the page.
   * Line breaks and other text are left to the format.
   */
  public static String withoutBidi(String text) {
    return escaped(text, true);
  }

  /** {@code text} with the characters {@link #printable} (or, {@code bidiOnly}, {@link #withoutBidi}) escapes as escapes. */
  private static String escaped(String text, boolean bidiOnly) {
    if (text == null) {
      return null;
    }
    int first = 0;
    while (first < text.length() && !escapes(text.charAt(first), bidiOnly)) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!escapes(c, bidiOnly)) {
        escaped.append(c);
      } else if (c == '\n') {
        escaped.append("\\n");
      } else if (c == '\r') {
        escaped.append("\\r");
      } else {
        escaped.append(String.format("\\u%04x", (int) c));
      }
    }
    return escaped.toString();
  }

  private static boolean escapes(char c, boolean bidiOnly) {
    return bidiOnly ? bidi(c) : unprintable(c);
  }

  private static boolean bidi(char c) {
    return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
  }

  private static boolean unprintable(char c) {
    return c < 0x20 ? c != '\t' : c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || bidi(c);
  }

  /**
   * A value for machine-readable reports: four decimals, and three significant digits below 0.01
   * (the budget of a ten-nines target is 0.000000432 minutes, not 0 beside a share of 3,170), no
   * trailing zeros, never an exponent.
   */
  public static BigDecimal rounded(BigDecimal value) {
    BigDecimal rounded = places(value, 4).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  /**
   * One occurrence's minutes with their unit, exact where three decimals hold them ({@code 3.285
   * min} for 3.285m, whose four occurrences are 13.14 min), else as {@link #minutes}: a reason's
   * arithmetic should add up when checked by hand.
   */
  public static String occurrenceMinutes(BigDecimal minutes) {
    BigDecimal stripped = minutes.stripTrailingZeros();
    return stripped.scale() > 2 && stripped.scale() <= 3 ? plain(stripped) + " min" : minutes(minutes);
  }

  /**
   * {@code value} to {@code places} decimals, or to three significant digits where those places
   * would show fewer (under 1 for two places, under 0.01 for four): a small figure keeps enough
   * digits to be checked, and is never 0.
   */
  private static BigDecimal places(BigDecimal value, int places) {
    return value.signum() != 0 && value.abs().compareTo(BigDecimal.ONE.movePointLeft(places - 2)) < 0
        ? value.round(THREE_DIGITS) : value.setScale(places, RoundingMode.HALF_EVEN);
  }

  private static final java.math.MathContext THREE_DIGITS = new java.math.MathContext(3, RoundingMode.HALF_EVEN);

  /** Minutes with their unit: {@code 52.56 min}. */
  public static String minutes(BigDecimal minutes) {
    return number(minutes) + " min";
  }

  /**
   * A share (1 is everything) as a percentage with one decimal: {@code 57.1%}. Where one decimal
   * would show a round number the share is not, more decimals are shown (up to four), so that
   * 49.98% is never printed as 50% beside a limit of 50%; a share too small for four decimals
   * shows two significant digits ({@code 0.000032%}), never 0%.
   */
  public static String percent(BigDecimal share) {
    return remembered(PERCENTS, share, true);
  }

  /**
   * Numbers and percentages written lately, by value (equal in value and scale, so written
   * alike): rules say the same few for thousands of failure modes (a pack's parameters, the
   * budget minutes and shares of an SLO's usual durations), and each took a dozen BigDecimal
   * operations: ~50 MB of garbage for the 80,000 budget OKs of the uneven bench catalogue, ~75 MB
   * for the plain one. Threads share the tables without a lock: a slot holds an immutable entry
   * whose fields are final, so a thread sees a whole entry or another.
   */
  private static final Written[] NUMBERS = new Written[256];
  private static final Written[] PERCENTS = new Written[256];

  private record Written(BigDecimal value, String text) {}

  private static String remembered(Written[] table, BigDecimal value, boolean percent) {
    int slot = value.hashCode() & (table.length - 1);
    Written known = table[slot];
    if (known != null && known.value().equals(value)) {
      return known.text();
    }
    String text = percent ? percentOf(value) : numberOf(value);
    table[slot] = new Written(value, text);
    return text;
  }

  static String percentOf(BigDecimal share) {
    BigDecimal exact = share.movePointRight(2);
    BigDecimal shown = exact.setScale(1, RoundingMode.HALF_EVEN);
    for (int places = 2; places <= 4 && shown.compareTo(exact) != 0 && shown.remainder(BigDecimal.ONE).signum() == 0; places++) {
      shown = exact.setScale(places, RoundingMode.HALF_EVEN);
    }
    if (shown.signum() == 0 && exact.signum() != 0) {
      // a second's outage against a year's budget spends some of it: two significant digits, not 0%
      shown = exact.round(new java.math.MathContext(2, RoundingMode.HALF_EVEN));
    }
    return plain(shown) + "%";
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }

  /**
   * A duration the way files write it: {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, and
   * {@code 21.6m} where minutes with two decimals are exact; else seconds ({@code 301s}).
   */
  public static String duration(Duration duration) {
    BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    String[] units = {"d", "h", "m"};
    long[] sizes = {86_400, 3_600, 60};
    for (int i = 0; i < units.length; i++) {
      BigDecimal inUnit = seconds.divide(BigDecimal.valueOf(sizes[i]), 6, RoundingMode.HALF_EVEN);
      if (inUnit.compareTo(BigDecimal.ONE) >= 0 && inUnit.stripTrailingZeros().scale() <= 0
          && inUnit.multiply(BigDecimal.valueOf(sizes[i])).compareTo(seconds) == 0) {
        return plain(inUnit) + units[i];
      }
    }
    BigDecimal minutes = seconds.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_EVEN);
    if (minutes.compareTo(BigDecimal.ONE) >= 0 && minutes.stripTrailingZeros().scale() <= 2
        && minutes.multiply(BigDecimal.valueOf(60)).compareTo(seconds) == 0) {
      return plain(minutes) + "m";
    }
    return plain(seconds) + "s";
  }
}

package dev.failmode.load;

import dev.failmode.model.Frequency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written forms of the format's values, parsed strictly: durations ({@code 30s 5m 2h 1d}),
 * frequencies ({@code 4/year}), windows ({@code 30d}), SLO targets ({@code 99.99} or
 * {@code 99.99%}) and ISO dates. Anything else is a {@link NotationException} that says what to
 * write, with the corrected spelling where one is clear.
 */
public final class Notation {
  /** The longest duration accepted: ten years. */
  public static final Duration MAX_DURATION = Duration.ofDays(3650);
  /** The most decimals an SLO target may have. */
  public static final int MAX_TARGET_DECIMALS = 10;

  /** The longest SLO window accepted, in days: ten years. */
  public static final int MAX_WINDOW_DAYS = 3660;
  /**
   * The most occurrences a frequency may count per period: a million a day is about eleven a
   * second, a rate rather than a failure mode; more made figures no JSON reader holds exactly.
   */
  public static final int MAX_FREQUENCY_COUNT = 1_000_000;

  public static final String DURATION_PATTERN = "^[0-9]+(\\.[0-9]+)?[smhd]$";
  public static final String FREQUENCY_PATTERN = "^[0-9]+(\\.[0-9]+)?/(year|month|week|day)$";
  public static final String WINDOW_PATTERN = "^[0-9]+d$";
  public static final String TARGET_PATTERN = "^[0-9]{1,2}(\\.[0-9]+)?%?$";
  public static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([smhd])");
  private static final Pattern LOOSE_DURATION = Pattern.compile(
      "([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FREQUENCY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)/(year|month|week|day)");
  private static final Pattern LOOSE_FREQUENCY = Pattern.compile(
      "([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(?:/|per|times\\s*(?:a|per)|x\\s*(?:a|per)?)\\s*([a-z]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern WINDOW = Pattern.compile("([0-9]+)d");
  private static final Pattern TARGET = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%?");
  private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Map<String, Long> UNIT_SECONDS = Map.of("s", 1L, "m", 60L, "h", 3_600L, "d", 86_400L);
  private static final List<String> PERIODS = List.of("year", "month", "week", "day");

  private Notation() {}

  /** A long value as a message quotes it: its start, and how long it is. */
  private static String shorten(String text) {
    return text.length() <= 24 ? text : text.substring(0, 20) + "... (" + text.length() + " characters)";
  }

  /** {@code 30s}, {@code 5m}, {@code 1.5h}, {@code 1d}: a positive number and one unit, nothing between. */
  public static Duration duration(String text) {
    Matcher exact = DURATION.matcher(text);
    if (exact.matches()) {
      BigDecimal seconds = new BigDecimal(exact.group(1)).multiply(BigDecimal.valueOf(UNIT_SECONDS.get(exact.group(2))));
      if (seconds.signum() == 0) {
        throw new NotationException("'" + text + "' is zero: write a length of time more than zero (a duration, a tolerance)");
      }
      if (seconds.compareTo(BigDecimal.valueOf(MAX_DURATION.getSeconds())) > 0) {
        throw new NotationException("'" + text + "' is longer than the longest duration accepted, " + MAX_DURATION.toDays() + "d");
      }
      if (seconds.stripTrailingZeros().scale() > 3) {
        throw new NotationException("'" + text + "' is finer than a millisecond; round it");
      }
      return Duration.ofMillis(seconds.movePointRight(3).longValueExact());
    }
    Matcher loose = LOOSE_DURATION.matcher(text.trim());
    if (loose.matches()) {
      String number = loose.group(1);
      String unit = loose.group(2).toLowerCase(Locale.ROOT).substring(0, 1);
      if (number.startsWith("-") || new BigDecimal(number).signum() == 0) {
        throw new NotationException("'" + text + "' is not more than zero: write a length of time more than zero (a duration, a tolerance)");
      }
      throw new NotationException("'" + text + "' is not a duration; did you mean '" + number.replace("+", "") + unit
          + "'? (a number and one of s, m, h, d, with nothing between)");
    }
    if (text.trim().matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
      throw new NotationException("'" + text + "' has no unit: write " + text.trim() + "s, " + text.trim() + "m, "
          + text.trim() + "h or " + text.trim() + "d");
    }
    throw new NotationException("'" + text + "' is not a duration: write a number and one of s, m, h, d, like 30s, 5m, 2h, 1d");
  }

  /** {@code 4/year}, {@code 2/month}, {@code 1/week}, {@code 3/day}: a positive count per period. */
  public static Frequency frequency(String text) {
    Matcher exact = FREQUENCY.matcher(text);
    if (exact.matches()) {
      BigDecimal count = new BigDecimal(exact.group(1));
      if (count.signum() == 0) {
        throw new NotationException("'" + text + "' is zero: a failure mode that never happens needs no frequency; leave it out"
            + " (it is then counted once per window)");
      }
      if (count.compareTo(BigDecimal.valueOf(MAX_FREQUENCY_COUNT)) > 0) {
        throw new NotationException("'" + shorten(text) + "' is more often than the most accepted, " + MAX_FREQUENCY_COUNT + "/"
            + exact.group(2) + ": that is a rate (an SLI), not how often a failure mode happens");
      }
      return new Frequency(count, Frequency.Per.valueOf(exact.group(2).toUpperCase(Locale.ROOT)));
    }
    Matcher loose = LOOSE_FREQUENCY.matcher(text.trim());
    if (loose.matches()) {
      String number = loose.group(1);
      if (number.startsWith("-") || new BigDecimal(number).signum() == 0) {
        throw new NotationException("'" + text + "' is not more than zero: a frequency counts expected occurrences");
      }
      String period = periodFor(loose.group(2).toLowerCase(Locale.ROOT));
      if (period != null) {
        throw new NotationException("'" + text + "' is not a frequency; did you mean '" + number.replace("+", "") + "/" + period
            + "'? (N/year, N/month, N/week or N/day)");
      }
    }
    throw new NotationException("'" + text + "' is not a frequency: write N/year, N/month, N/week or N/day, like 4/year");
  }

  /** An SLO window in days: {@code 7d}, {@code 28d}, {@code 30d}, {@code 90d}, {@code 365d}. */
  public static int window(String text) {
    Matcher exact = WINDOW.matcher(text);
    if (exact.matches()) {
      BigDecimal days = new BigDecimal(exact.group(1));
      if (days.signum() == 0 || days.compareTo(BigDecimal.valueOf(MAX_WINDOW_DAYS)) > 0) {
        throw new NotationException("'" + text + "' is not a window: it is between 1d and " + MAX_WINDOW_DAYS + "d");
      }
      return days.intValueExact();
    }
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.matches("[0-9]+")) {
      throw new NotationException("'" + text + "' has no unit: an SLO window is written in days, like " + trimmed + "d");
    }
    if (trimmed.matches("1\\s*y(ear)?")) {
      throw new NotationException("'" + text + "' is not a window; did you mean '365d'? (windows are written in days)");
    }
    if (trimmed.matches("[0-9]+\\s*(w|weeks?)")) {
      int weeks = Integer.parseInt(trimmed.replaceAll("[^0-9]", ""));
      throw new NotationException("'" + text + "' is not a window; did you mean '" + weeks * 7 + "d'? (windows are written in days)");
    }
    if (trimmed.matches("[0-9]+\\s*days?")) {
      throw new NotationException("'" + text + "' is not a window; did you mean '" + trimmed.replaceAll("[^0-9]", "") + "d'?");
    }
    throw new NotationException("'" + text + "' is not a window: write a number of days, like 7d, 28d, 30d, 90d or 365d");
  }

  /** An SLO target in percent, {@code 99.99} or {@code 99.99%}: more than 0 and less than 100. */
  public static BigDecimal target(String text) {
    Matcher exact = TARGET.matcher(text.trim());
    if (!exact.matches()) {
      throw new NotationException("'" + text + "' is not an SLO target: write a percent like 99.9 or \"99.9%\"");
    }
    BigDecimal percent = new BigDecimal(exact.group(1));
    if (percent.stripTrailingZeros().scale() > MAX_TARGET_DECIMALS) {
      // reports show a target as written, in every budget reason: ten nines is already beyond any SLO run
      throw new NotationException("'" + shorten(text) + "' has more than " + MAX_TARGET_DECIMALS + " decimals; an SLO target is"
          + " a percent like 99.99 or 99.999");
    }
    if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new NotationException(text + " is over 100: an SLO target is a percent, like 99.99");
    }
    if (percent.compareTo(BigDecimal.valueOf(100)) == 0) {
      throw new NotationException("100% leaves no error budget, so no failure mode could be judged against it; "
          + "write the target you run, like 99.99");
    }
    if (percent.signum() == 0) {
      throw new NotationException("an SLO target of 0% promises nothing: write the target you run, like 99.9");
    }
    if (percent.compareTo(BigDecimal.ONE) < 0 && !text.contains("%")) { // "0.5%" says it is a percent
      throw new NotationException(text + " looks like a fraction, but an SLO target is a percent; did you mean '"
          + percent.movePointRight(2).stripTrailingZeros().toPlainString() + "'?");
    }
    return percent;
  }

  /** An ISO date, {@code 2027-03-31}; impossible dates such as 2027-02-30 are refused. */
  public static LocalDate date(String text) {
    if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      // ISO's own parser also takes a signed year of up to nine digits (+999999999-01-01), which no
      // one means; the format's dates, and JSON Schema's, are YYYY-MM-DD
      throw new NotationException("'" + text + "' is not an ISO date: write YYYY-MM-DD, like 2027-03-31");
    }
    try {
      return LocalDate.parse(text, ISO_DATE);
    } catch (DateTimeParseException e) {
      if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        throw new NotationException("'" + text + "' is not a date of the calendar");
      }
      throw new NotationException("'" + text + "' is not an ISO date: write YYYY-MM-DD, like 2027-03-31");
    }
  }

  private static String periodFor(String word) {
    for (String period : PERIODS) {
      if (word.equals(period) || word.equals(period + "s") || word.startsWith(period.substring(0, 2))) {
        return period;
      }
    }
    return switch (word) {
      case "yr", "yrs", "annum", "annually", "yearly", "y" -> "year";
      case "mo", "mon", "monthly" -> "month";
      case "wk", "wks", "weekly", "w" -> "week";
      case "daily", "d" -> "day";
      default -> null;
    };
  }
}

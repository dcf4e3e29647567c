package dev.failmode.budget;

import dev.failmode.model.Budget;
import dev.failmode.model.Frequency;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Error-budget arithmetic: pure functions, no I/O. A budget remembers the uses it has worked out,
 * which changes how fast it answers, never what.
 *
 * <p>budget minutes = (1 - target/100) x window minutes, so 99.99% over 365d is 52.56 minutes.
 * Shares are computed as one division of exact products, so a share that is exactly 25% or 50%
 * compares as exactly that against a threshold; decimal rounding never moves a failure mode
 * across an edge.
 *
 * <p>Each division is worked out to {@link #PRECISION 18 significant digits}, which a BigDecimal
 * holds in one long: the arithmetic, the rules' comparisons and the formatting of every figure
 * then stay in 64-bit integers, where 34 digits took arrays and long division. A quotient that is
 * not exact but rounds to a short value, {@link #SHORT 12 significant digits} or
 * {@link #FEW_DECIMALS 7 decimals} or fewer, is worked out again to 34 (DECIMAL128). A rounded
 * value can only land on a threshold or a tie point when it is that value itself, so every
 * comparison with a threshold of up to 12 significant digits or 7 decimals, and every figure a
 * report shows (rounded to at most 6 decimals of a share, its tie points at 7), comes out as the
 * exact quotient's.
 */
public final class ErrorBudget {
  private static final BigDecimal HUNDRED = new BigDecimal(100);
  private static final BigDecimal SECONDS_PER_DAY = new BigDecimal(86_400);
  private static final BigDecimal MINUTES_PER_DAY = new BigDecimal(1_440);
  private static final BigDecimal SIXTY = new BigDecimal(60);
  private static final BigDecimal DAYS_PER_YEAR = new BigDecimal(365);
  private static final BigDecimal DAYS_PER_WEEK = new BigDecimal(7);
  private static final BigDecimal MONTHS_PER_YEAR = new BigDecimal(12);
  /** Significant digits of a quotient: a BigDecimal of up to 18 digits is held in a long. */
  static final MathContext PRECISION = new MathContext(18, RoundingMode.HALF_EVEN);
  /** An inexact quotient this short at {@link #PRECISION} is worked out again to 34 digits. */
  static final int SHORT = 12;
  /** So is one with this few decimals: a report's figures round at tie points of up to 7. */
  static final int FEW_DECIMALS = 7;
  /**
   * Uses an error budget remembers: catalogues repeat durations and frequencies, and the exact
   * divisions of {@link #use} are most of the rules' arithmetic (a Budget is immutable, so results
   * share one). Past this many the rest is computed each time, so a catalogue of all-different
   * durations costs memory for no gain only up to here.
   */
  static final int USES_REMEMBERED = 8_192;

  /** A duration at a frequency (null when unknown): what a use is remembered by. */
  private static final class Use {
    private final Duration duration;
    private final Frequency frequency;

    Use(Duration duration, Frequency frequency) {
      this.duration = duration;
      this.frequency = frequency;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Use other && duration.equals(other.duration) && java.util.Objects.equals(frequency, other.frequency);
    }

    @Override
    public int hashCode() {
      return 31 * duration.hashCode() + (frequency == null ? 0 : frequency.hashCode());
    }
  }

  private final BigDecimal targetPercent;
  private final int windowDays;
  private final BigDecimal window;
  private final BigDecimal budgetMinutes;
  // the budget in seconds, times 100 to keep the percent exact: (100 - target) x window x 86400
  private final BigDecimal budgetSecondsTimes100;
  private final Map<Use, Budget> uses = new ConcurrentHashMap<>();

  private ErrorBudget(BigDecimal targetPercent, int windowDays) {
    checkTarget(targetPercent);
    checkWindow(windowDays);
    this.targetPercent = targetPercent;
    this.windowDays = windowDays;
    this.window = new BigDecimal(windowDays);
    this.budgetMinutes = divide(HUNDRED.subtract(targetPercent).multiply(MINUTES_PER_DAY).multiply(window), HUNDRED);
    this.budgetSecondsTimes100 = HUNDRED.subtract(targetPercent).multiply(window).multiply(SECONDS_PER_DAY);
  }

  /** The error budget an SLO of {@code targetPercent} leaves over {@code windowDays}, to judge many failure modes against. */
  public static ErrorBudget of(BigDecimal targetPercent, int windowDays) {
    return new ErrorBudget(targetPercent, windowDays);
  }

  /** The minutes of error budget an SLO of {@code targetPercent} leaves over {@code windowDays}. */
  public static BigDecimal budgetMinutes(BigDecimal targetPercent, int windowDays) {
    return of(targetPercent, windowDays).budgetMinutes;
  }

  /** The minutes of this budget. */
  public BigDecimal minutes() {
    return budgetMinutes;
  }

  /** A duration in minutes, exactly where it can be (20s is 0.333..., to 18 digits). */
  public static BigDecimal minutes(Duration duration) {
    if (duration.getNano() == 0 && duration.getSeconds() % 60 == 0) {
      return BigDecimal.valueOf(duration.getSeconds() / 60).stripTrailingZeros(); // whole minutes, the common case: no division
    }
    return divide(seconds(duration), SIXTY);
  }

  /**
   * {@code dividend / divisor} to {@link #PRECISION}, trailing zeros stripped; an inexact quotient
   * that short is worked out again to 34 digits (see the class comment for why that keeps every
   * comparison and every shown figure as the exact quotient's).
   */
  static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
    BigDecimal quotient = dividend.divide(divisor, PRECISION).stripTrailingZeros();
    if ((quotient.precision() <= SHORT || quotient.scale() <= FEW_DECIMALS) && quotient.multiply(divisor).compareTo(dividend) != 0) {
      return dividend.divide(divisor, MathContext.DECIMAL128).stripTrailingZeros();
    }
    return quotient;
  }

  /**
   * What one failure mode costs an SLO. A failure mode with no frequency is counted once per
   * window, and the result says it assumed so.
   *
   * @param frequency null when unknown
   */
  public static Budget use(BigDecimal targetPercent, int windowDays, Duration duration, Frequency frequency) {
    return of(targetPercent, windowDays).use(duration, frequency);
  }

  /**
   * What one failure mode costs this budget. A failure mode with no frequency is counted once per
   * window, and the result says it assumed so. Safe to call from several threads at once; a use
   * asked for again is the same Budget.
   *
   * @param frequency null when unknown
   */
  public Budget use(Duration duration, Frequency frequency) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a failure mode's duration must be more than zero: " + duration);
    }
    Use use = new Use(duration, frequency);
    Budget known = uses.get(use);
    if (known != null) {
      return known;
    }
    Budget budget = compute(duration, frequency);
    if (uses.size() < USES_REMEMBERED) {
      uses.putIfAbsent(use, budget);
    }
    return budget;
  }

  private Budget compute(Duration duration, Frequency frequency) {
    BigDecimal perOccurrence = minutes(duration);

    // occurrences per window = numerator / denominator, kept apart so shares need one division
    BigDecimal occurrencesNumerator;
    BigDecimal occurrencesDenominator;
    if (frequency == null) {
      occurrencesNumerator = BigDecimal.ONE;
      occurrencesDenominator = BigDecimal.ONE;
    } else {
      occurrencesNumerator = frequency.count().multiply(window);
      occurrencesDenominator = switch (frequency.per()) {
        case YEAR -> DAYS_PER_YEAR;
        case MONTH -> {
          occurrencesNumerator = occurrencesNumerator.multiply(MONTHS_PER_YEAR);
          yield DAYS_PER_YEAR;
        }
        case WEEK -> DAYS_PER_WEEK;
        case DAY -> BigDecimal.ONE;
      };
    }
    BigDecimal occurrences = occurrencesDenominator == BigDecimal.ONE ? occurrencesNumerator.stripTrailingZeros()
        : divide(occurrencesNumerator, occurrencesDenominator);

    BigDecimal occurrenceSecondsTimes100 = seconds(duration).multiply(HUNDRED);
    BigDecimal occurrenceShare = divide(occurrenceSecondsTimes100, budgetSecondsTimes100);
    if (frequency == null) {
      // once per window: the window's share and minutes are one occurrence's, the same divisions
      return new Budget(targetPercent, windowDays, duration, null, true, budgetMinutes, perOccurrence, occurrences,
          perOccurrence, occurrenceShare, occurrenceShare);
    }
    BigDecimal share = divide(occurrenceSecondsTimes100.multiply(occurrencesNumerator),
        budgetSecondsTimes100.multiply(occurrencesDenominator));
    BigDecimal minutesPerWindow = divide(seconds(duration).multiply(occurrencesNumerator), SIXTY.multiply(occurrencesDenominator));

    return new Budget(targetPercent, windowDays, duration, frequency, false, budgetMinutes, perOccurrence,
        occurrences, minutesPerWindow, occurrenceShare, share);
  }

  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
  }

  private static void checkTarget(BigDecimal targetPercent) {
    if (targetPercent.signum() <= 0 || targetPercent.compareTo(HUNDRED) >= 0) {
      throw new IllegalArgumentException("an SLO target is a percent more than 0 and less than 100: " + targetPercent);
    }
  }

  private static void checkWindow(int windowDays) {
    if (windowDays <= 0) {
      throw new IllegalArgumentException("an SLO window is at least one day: " + windowDays);
    }
  }
}

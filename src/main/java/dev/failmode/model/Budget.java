package dev.failmode.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How much of an SLO's error budget one failure mode uses: the arithmetic behind the budget
 * rules, kept so that reports can show it. Computed by {@code dev.failmode.budget.ErrorBudget}
 * wherever an SLO and a duration are known.
 *
 * @param target the SLO target in percent, e.g. 99.99
 * @param windowDays the SLO window in days
 * @param duration how long one occurrence lasts
 * @param frequency how often it happens; null when the file does not say, and then it is
 *     counted once per window ({@code frequencyAssumed})
 * @param budgetMinutes the window's error budget: (1 - target/100) x window minutes
 * @param minutesPerOccurrence the duration in minutes
 * @param occurrencesPerWindow the frequency scaled to the window
 * @param minutesPerWindow minutes per occurrence x occurrences per window
 * @param occurrenceShare the share of the budget one occurrence uses (1 is all of it)
 * @param share the share of the budget the failure mode uses over a whole window
 */
public record Budget(
    BigDecimal target,
    int windowDays,
    Duration duration,
    Frequency frequency,
    boolean frequencyAssumed,
    BigDecimal budgetMinutes,
    BigDecimal minutesPerOccurrence,
    BigDecimal occurrencesPerWindow,
    BigDecimal minutesPerWindow,
    BigDecimal occurrenceShare,
    BigDecimal share) {

  /** {@code 99.99% over 365d}. */
  public String slo() {
    return Text.target(target) + "% over " + windowDays + "d";
  }

  /**
   * One occurrence's length in the minutes the arithmetic uses, and as the file wrote it where
   * that reads differently: {@code 30 min}, {@code 1440 min (1d)}, {@code 1.5 min (90s)}.
   */
  public String occurrence() {
    String minutes = Text.occurrenceMinutes(minutesPerOccurrence);
    String written = Text.duration(duration);
    return written.equals(minutes.replace(" min", "m")) ? minutes : minutes + " (" + written + ")";
  }

  /**
   * The window arithmetic in one line, for reasons and reports: {@code 4/year x 30 min = 120 min
   * per 365d, 228.3% of the 52.56 min budget of 99.99% over 365d}. The text of a budget met lately
   * on this thread is given again: budgets are shared by the failure modes of one SLO, duration and
   * frequency, and formatting the six figures anew for each of 20,000 modes alike cost 2.5 µs a
   * mode.
   */
  public String arithmetic() {
    return RECENT_ARITHMETIC.get().of(this);
  }

  private String workOutArithmetic() {
    String times = frequencyAssumed
        ? "once per window (no frequency given, so assumed)"
        : frequency + " = " + Text.number(occurrencesPerWindow) + " per " + windowDays + "d";
    return times + " x " + Text.occurrenceMinutes(minutesPerOccurrence) + " = " + Text.minutes(minutesPerWindow)
        + " per " + windowDays + "d, " + Text.percent(share) + " of the " + Text.minutes(budgetMinutes)
        + " budget of " + slo();
  }

  /**
   * The arithmetic of the budgets one thread met lately: a file's failure modes use a few dozen
   * budgets over and over, in no order. A budget's slot follows its share's hash (a budget's own
   * hash runs over eleven fields; budgets of one SLO differ in their share), and it is found there
   * by identity; a budget met in its slot's place is worked out and takes the slot. Per thread,
   * so no lock.
   */
  private static final class RecentArithmetic {
    private static final int SLOTS = 256;
    private final Budget[] budgets = new Budget[SLOTS];
    private final String[] texts = new String[SLOTS];

    String of(Budget budget) {
      int h = budget.share == null ? 0 : budget.share.hashCode();
      int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
      if (budgets[slot] == budget) {
        return texts[slot];
      }
      String text = budget.workOutArithmetic();
      budgets[slot] = budget;
      texts[slot] = text;
      return text;
    }
  }

  private static final ThreadLocal<RecentArithmetic> RECENT_ARITHMETIC = new ThreadLocal<>() {
    @Override
    protected RecentArithmetic initialValue() { // a subclass rather than withInitial's lambda: no call site bound at run time
      return new RecentArithmetic();
    }
  };

  /** The budget itself, worked out: {@code (1 - 99.99%) x 525600 min = 52.56 min}. */
  public String budgetArithmetic() {
    return "(100% - " + Text.target(target) + "%) x " + windowDays + "d (" + (windowDays * 1440)
        + " min) = " + Text.minutes(budgetMinutes);
  }

  // equals and hashCode written out: see package-info.java
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Budget other
        && Objects.equals(target, other.target)
        && windowDays == other.windowDays
        && Objects.equals(duration, other.duration)
        && Objects.equals(frequency, other.frequency)
        && frequencyAssumed == other.frequencyAssumed
        && Objects.equals(budgetMinutes, other.budgetMinutes)
        && Objects.equals(minutesPerOccurrence, other.minutesPerOccurrence)
        && Objects.equals(occurrencesPerWindow, other.occurrencesPerWindow)
        && Objects.equals(minutesPerWindow, other.minutesPerWindow)
        && Objects.equals(occurrenceShare, other.occurrenceShare)
        && Objects.equals(share, other.share);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, windowDays, duration, frequency, frequencyAssumed, budgetMinutes, minutesPerOccurrence, occurrencesPerWindow, minutesPerWindow, occurrenceShare, share);
  }
}

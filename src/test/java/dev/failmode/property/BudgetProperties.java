package dev.failmode.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.budget.ErrorBudget;
import dev.failmode.model.Budget;
import dev.failmode.model.Frequency;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The budget arithmetic against a reference formula written here with exact fractions of
 * integers: (1 - target/100) x window minutes, occurrences scaled by 365-day years, share =
 * minutes per window / budget.
 */
class BudgetProperties {

  /** A fraction of integers, exact. */
  record Fraction(BigInteger numerator, BigInteger denominator) {
    static Fraction of(long n, long d) {
      return new Fraction(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    Fraction times(Fraction other) {
      return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    Fraction over(Fraction other) {
      return new Fraction(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    int compareTo(BigDecimal value) {
      // n/d vs value: n vs value x d, exactly
      return new BigDecimal(numerator).compareTo(value.multiply(new BigDecimal(denominator)));
    }

    BigDecimal decimal() {
      return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128);
    }
  }

  @Property(tries = 2000)
  void sharesAgreeWithTheReferenceFormula(@ForAll @IntRange(min = 1, max = 9_999) int targetHundredths,
      @ForAll @IntRange(min = 1, max = 3_660) int windowDays, @ForAll @LongRange(min = 1, max = 10L * 86_400_000) long durationMillis,
      @ForAll @IntRange(min = 0, max = 4) int per, @ForAll @IntRange(min = 1, max = 10_000) int count) {
    Frequency frequency = per == 4 ? null : new Frequency(BigDecimal.valueOf(count), Frequency.Per.values()[per]);
    ErrorBudget errorBudget = ErrorBudget.of(BigDecimal.valueOf(targetHundredths, 2), windowDays);
    Budget budget = errorBudget.use(Duration.ofMillis(durationMillis), frequency);
    // an error budget remembers its uses: asked again, it answers the same
    assertThat(errorBudget.use(Duration.ofMillis(durationMillis), frequency)).isSameAs(budget);

    // budget minutes = (10000 - t) / 10000 x window x 1440
    Fraction budgetMinutes = Fraction.of(10_000L - targetHundredths, 10_000).times(Fraction.of(windowDays * 1_440L, 1));
    Fraction perOccurrence = Fraction.of(durationMillis, 60_000);
    Fraction occurrences = frequency == null ? Fraction.of(1, 1) : switch (frequency.per()) {
      case YEAR -> Fraction.of((long) count * windowDays, 365);
      case MONTH -> Fraction.of(12L * count * windowDays, 365);
      case WEEK -> Fraction.of((long) count * windowDays, 7);
      case DAY -> Fraction.of((long) count * windowDays, 1);
    };
    Fraction share = perOccurrence.times(occurrences).over(budgetMinutes);
    Fraction occurrenceShare = perOccurrence.over(budgetMinutes);

    assertThat(budget.budgetMinutes()).isEqualByComparingTo(budgetMinutes.decimal());
    // 18 significant digits: off by at most half a unit in the 18th
    assertThat(relative(budget.share(), share)).isLessThan(new BigDecimal("1e-17"));
    assertThat(relative(budget.occurrenceShare(), occurrenceShare)).isLessThan(new BigDecimal("1e-17"));
    // at the thresholds the comparison is exact, not approximately right: the core pack's, and
    // thresholds of up to 12 digits as close to the share as they get
    for (Fraction exact : new Fraction[] {share, occurrenceShare}) {
      BigDecimal value = exact == share ? budget.share() : budget.occurrenceShare();
      for (BigDecimal limit : limits(exact)) {
        assertThat(Integer.signum(value.compareTo(limit))).as("%s against %s", value, limit).isEqualTo(Integer.signum(exact.compareTo(limit)));
      }
    }
    // and every figure a report shows is the exact quotient's
    assertThat(shown(budget.share())).isEqualTo(shown(share.decimal()));
    assertThat(shown(budget.occurrenceShare())).isEqualTo(shown(occurrenceShare.decimal()));
    assertThat(shown(budget.minutesPerWindow())).isEqualTo(shown(perOccurrence.times(occurrences).decimal()));
    assertThat(shown(budget.occurrencesPerWindow())).isEqualTo(shown(occurrences.decimal()));
  }

  /** 25%, 50% and 100%, and the exact value rounded every way to 1 to 12 significant digits. */
  private static java.util.List<BigDecimal> limits(Fraction exact) {
    java.util.List<BigDecimal> limits = new java.util.ArrayList<>(java.util.List.of(new BigDecimal("0.25"), new BigDecimal("0.5"), BigDecimal.ONE));
    BigDecimal value = exact.decimal();
    for (int digits = 1; digits <= 12; digits++) {
      for (java.math.RoundingMode mode : new java.math.RoundingMode[] {java.math.RoundingMode.DOWN, java.math.RoundingMode.UP, java.math.RoundingMode.HALF_EVEN}) {
        limits.add(value.round(new MathContext(digits, mode)));
      }
    }
    return limits;
  }

  /** A figure the way reports show it: four decimals (JSON, YAML), two (text), and as a percent. */
  private static String shown(BigDecimal value) {
    return dev.failmode.model.Text.rounded(value).toPlainString() + " " + dev.failmode.model.Text.number(value) + " "
        + dev.failmode.model.Text.percent(value);
  }

  private static BigDecimal relative(BigDecimal actual, Fraction expected) {
    BigDecimal exact = expected.decimal();
    return actual.subtract(exact).abs().divide(exact.abs().max(new BigDecimal("1e-40")), MathContext.DECIMAL128);
  }
}

package dev.failmode.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failmode.model.Budget;
import dev.failmode.model.Frequency;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorBudgetTest {

  @ParameterizedTest(name = "{0}% over {1}d is {2} minutes")
  @CsvSource({
      "99.99, 365, 52.56",
      "99.9, 30, 43.2",
      "99, 30, 432",
      "99.9, 7, 10.08",
      "99.95, 28, 20.16",
      "99.5, 90, 648"})
  void budgetMinutesAreTheFiguresOfCorePack(String target, int days, String minutes) {
    assertThat(ErrorBudget.budgetMinutes(new BigDecimal(target), days)).isEqualByComparingTo(minutes);
  }

  @Test
  void aRuntimeSegfaultWeeklyUsesNearlyAYearsBudget() {
    Budget use = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofMinutes(1), frequency("52", Frequency.Per.YEAR));

    assertThat(use.minutesPerOccurrence()).isEqualByComparingTo("1");
    assertThat(use.minutesPerWindow()).isEqualByComparingTo("52");
    assertThat(use.budgetMinutes()).isEqualByComparingTo("52.56");
    assertThat(use.share().doubleValue()).isCloseTo(0.9893, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(use.frequencyAssumed()).isFalse();
  }

  @Test
  void exactlyHalfTheBudgetIsExactlyHalf() {
    Budget use = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofMillis(1_576_800), null); // 26.28 min

    assertThat(use.occurrenceShare()).isEqualByComparingTo("0.5");
    assertThat(use.share()).isEqualByComparingTo("0.5");
  }

  @Test
  void exactlyAQuarterAtNinetyNineNineOverThirtyDays() {
    Budget use = ErrorBudget.use(new BigDecimal("99.9"), 30, Duration.ofMillis(648_000), null); // 10.8 min of 43.2

    assertThat(use.share()).isEqualByComparingTo("0.25");
  }

  @Test
  void twelvePerYearOverAYearIsExactlyTwelve() {
    Budget use = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofMinutes(2), frequency("12", Frequency.Per.YEAR));

    assertThat(use.occurrencesPerWindow()).isEqualByComparingTo("12");
    assertThat(use.minutesPerWindow()).isEqualByComparingTo("24");
  }

  @Test
  void aMonthlyFrequencyIsTwelveTimesAYearScaledToTheWindow() {
    Budget monthly = ErrorBudget.use(new BigDecimal("99.9"), 30, Duration.ofMinutes(10), frequency("1", Frequency.Per.MONTH));
    Budget yearly = ErrorBudget.use(new BigDecimal("99.9"), 30, Duration.ofMinutes(10), frequency("12", Frequency.Per.YEAR));

    // 12 a year over 30 of 365 days
    assertThat(monthly.occurrencesPerWindow()).isEqualByComparingTo(yearly.occurrencesPerWindow());
    assertThat(monthly.occurrencesPerWindow().doubleValue()).isCloseTo(360.0 / 365, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void weeklyAndDailyFrequenciesScaleByDays() {
    Budget weekly = ErrorBudget.use(new BigDecimal("99.9"), 7, Duration.ofMinutes(1), frequency("3", Frequency.Per.WEEK));
    Budget daily = ErrorBudget.use(new BigDecimal("99"), 30, Duration.ofMinutes(1), frequency("2", Frequency.Per.DAY));

    assertThat(weekly.occurrencesPerWindow()).isEqualByComparingTo("3");
    assertThat(daily.occurrencesPerWindow()).isEqualByComparingTo("60");
    assertThat(daily.minutesPerWindow()).isEqualByComparingTo("60");
  }

  @Test
  void noFrequencyIsCountedOncePerWindowAndSaysSo() {
    Budget use = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofMinutes(20), null);

    assertThat(use.frequencyAssumed()).isTrue();
    assertThat(use.occurrencesPerWindow()).isEqualByComparingTo("1");
    assertThat(use.minutesPerWindow()).isEqualByComparingTo("20");
    assertThat(use.arithmetic()).contains("assumed");
  }

  @Test
  void secondsAreKeptPrecise() {
    Budget use = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofSeconds(20), frequency("3", Frequency.Per.YEAR));

    assertThat(use.minutesPerWindow()).isEqualByComparingTo("1");
  }

  @Test
  void aQuotientIsKeptToEighteenDigitsInALong() {
    BigDecimal third = ErrorBudget.divide(BigDecimal.ONE, new BigDecimal(3));

    assertThat(third).isEqualTo(new BigDecimal("0.333333333333333333"));
    assertThat(third.precision()).isEqualTo(18);
    assertThat(ErrorBudget.divide(BigDecimal.ONE, new BigDecimal(4))).isEqualTo(new BigDecimal("0.25"));
    assertThat(ErrorBudget.divide(new BigDecimal(120), new BigDecimal(60))).isEqualTo(new BigDecimal("2"));
  }

  @Test
  void anInexactQuotientThatLooksShortIsWorkedOutToThirtyFourDigits() {
    // (10^20 + 1) / (4 x 10^20) is a hair over a quarter: to 18 digits it would be 0.25 exactly,
    // and a share over 25% would compare as equal to it
    BigDecimal overAQuarter = ErrorBudget.divide(new BigDecimal("100000000000000000001"), new BigDecimal("400000000000000000000"));
    BigDecimal underAHalf = ErrorBudget.divide(new BigDecimal("199999999999999999999"), new BigDecimal("400000000000000000000"));

    assertThat(overAQuarter).isEqualTo(new BigDecimal("0.2500000000000000000025")).isGreaterThan(new BigDecimal("0.25"));
    assertThat(underAHalf).isLessThan(new BigDecimal("0.5"));
    // a quotient that rounds to 13 digits or more keeps its 18: no threshold that short sits between it and the exact one
    assertThat(ErrorBudget.divide(new BigDecimal(2), new BigDecimal(7)).precision()).isEqualTo(18);
  }

  @Test
  void aLargeInexactQuotientThatLandsOnAReportsTiePointIsWorkedOutToThirtyFourDigits() {
    // 86419746.864150000001 / 7 is 12345678.12345000000014...: to 18 digits it would be exactly
    // 12345678.12345, a tie for the report's four decimals, which would then round down
    BigDecimal occurrences = ErrorBudget.divide(new BigDecimal("86419746.864150000001"), new BigDecimal(7));

    assertThat(occurrences).isGreaterThan(new BigDecimal("12345678.12345"));
    assertThat(dev.failmode.model.Text.rounded(occurrences)).isEqualByComparingTo("12345678.1235");
  }

  @Test
  void refusesTargetsWithoutABudget() {
    assertThatThrownBy(() -> ErrorBudget.budgetMinutes(new BigDecimal("100"), 30)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErrorBudget.budgetMinutes(new BigDecimal("0"), 30)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErrorBudget.budgetMinutes(new BigDecimal("99"), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErrorBudget.use(new BigDecimal("99"), 30, Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRememberedUseIsTheOneComputed() {
    ErrorBudgets budgets = new ErrorBudgets();
    ErrorBudget budget = budgets.of(new BigDecimal("97.31"), 30);
    Budget first = budget.use(Duration.ofMinutes(7), frequency("3", Frequency.Per.MONTH));

    assertThat(budgets.of(new BigDecimal("97.31"), 30)).isSameAs(budget);
    assertThat(budget.use(Duration.ofMinutes(7), frequency("3", Frequency.Per.MONTH))).isSameAs(first)
        .isEqualTo(ErrorBudget.use(new BigDecimal("97.31"), 30, Duration.ofMinutes(7), frequency("3", Frequency.Per.MONTH)));
    assertThat(budget.use(Duration.ofMinutes(7), null)).isNotEqualTo(first).satisfies(once -> assertThat(once.frequencyAssumed()).isTrue());
  }

  @Test
  void anSloAndAFrequencyAreRememberedAsWritten() {
    // a Budget shows the target and frequency as the file wrote them, so 99.9 and 99.90 are two
    ErrorBudgets budgets = new ErrorBudgets();
    ErrorBudget one = budgets.of(new BigDecimal("99.9"), 30);
    Budget written = one.use(Duration.ofMinutes(5), frequency("2", Frequency.Per.YEAR));
    Budget zeros = budgets.of(new BigDecimal("99.90"), 30).use(Duration.ofMinutes(5), frequency("2.0", Frequency.Per.YEAR));

    assertThat(budgets.of(new BigDecimal("99.90"), 30)).isNotSameAs(one);
    assertThat(one.use(Duration.ofMinutes(5), frequency("2.0", Frequency.Per.YEAR)).frequency().count()).hasToString("2.0");
    assertThat(written.target()).hasToString("99.9");
    assertThat(zeros.target()).hasToString("99.90");
    assertThat(zeros.frequency().toString()).isEqualTo("2/year");
    assertThat(zeros.frequency().count()).hasToString("2.0");
    assertThat(zeros.share()).isEqualByComparingTo(written.share());
  }

  @Test
  void pastTheLimitUsesAreComputedEachTimeAndStillRight() {
    ErrorBudget budget = ErrorBudget.of(new BigDecimal("96.17"), 7);
    for (int i = 1; i <= ErrorBudget.USES_REMEMBERED; i++) {
      budget.use(Duration.ofSeconds(i), null);
    }
    Budget late = budget.use(Duration.ofSeconds(ErrorBudget.USES_REMEMBERED + 1L), null);
    Budget again = budget.use(Duration.ofSeconds(ErrorBudget.USES_REMEMBERED + 1L), null);

    assertThat(again).isNotSameAs(late).isEqualTo(late);
    assertThat(budget.use(Duration.ofSeconds(1), null)).isSameAs(budget.use(Duration.ofSeconds(1), null));
  }

  @ParameterizedTest(name = "{0} once per window at {1}% over {2}d")
  @CsvSource({
      "PT20M, 99.99, 365", "PT1H, 99.9, 30", "PT20S, 99.95, 28", "PT0.001S, 99, 7", "PT1M0.5S, 99.999, 90",
      "PT7M, 99.9, 7", "PT1000H, 99, 365", "PT0.333333333S, 99.95, 30"})
  void onceAWindowIsWorkedOutAsOneOccurrencePerWindow(String duration, String target, int window) {
    // no frequency: one occurrence per window, so the window's figures are exactly the general
    // formula's with one occurrence over one (the same divisions, not done twice)
    Duration d = Duration.parse(duration);
    Budget once = ErrorBudget.use(new BigDecimal(target), window, d, null);
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    BigDecimal budgetSecondsTimes100 = new BigDecimal(100).subtract(new BigDecimal(target)).multiply(new BigDecimal(window))
        .multiply(new BigDecimal(86_400));

    assertThat(once.frequencyAssumed()).isTrue();
    assertThat(once.occurrencesPerWindow()).isEqualTo(BigDecimal.ONE);
    assertThat(once.minutesPerWindow())
        .isEqualTo(ErrorBudget.divide(seconds.multiply(BigDecimal.ONE), new BigDecimal(60).multiply(BigDecimal.ONE)))
        .isEqualTo(once.minutesPerOccurrence());
    assertThat(once.share())
        .isEqualTo(ErrorBudget.divide(seconds.multiply(new BigDecimal(100)).multiply(BigDecimal.ONE),
            budgetSecondsTimes100.multiply(BigDecimal.ONE)))
        .isEqualTo(once.occurrenceShare());
  }

  private static Frequency frequency(String count, Frequency.Per per) {
    return new Frequency(new BigDecimal(count), per);
  }

  @Test
  void theArithmeticIsTheSameTextHoweverManyBudgetsComeBetween() {
    Budget weekly = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofMinutes(1), frequency("52", Frequency.Per.YEAR));
    String text = "52/year = 52 per 365d x 1 min = 52 min per 365d, 98.9% of the 52.56 min budget of 99.99% over 365d";

    assertThat(weekly.arithmetic()).isEqualTo(text);
    assertThat(weekly.arithmetic()).as("met again: the text kept").isSameAs(weekly.arithmetic());
    for (int minutes = 2; minutes < 100; minutes++) { // more budgets than the thread keeps texts of
      Budget other = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofMinutes(minutes), frequency("52", Frequency.Per.YEAR));
      assertThat(other.arithmetic()).startsWith("52/year = 52 per 365d x " + minutes + " min = " + (52 * minutes) + " min per 365d");
    }
    assertThat(weekly.arithmetic()).isEqualTo(text);
    Budget equal = ErrorBudget.use(new BigDecimal("99.99"), 365, Duration.ofMinutes(1), frequency("52", Frequency.Per.YEAR));
    assertThat(equal).isEqualTo(weekly);
    assertThat(equal.arithmetic()).isEqualTo(text);
  }
}

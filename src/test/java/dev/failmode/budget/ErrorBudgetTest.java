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
  void refusesTargetsWithoutABudget() {
    assertThatThrownBy(() -> ErrorBudget.budgetMinutes(new BigDecimal("100"), 30)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErrorBudget.budgetMinutes(new BigDecimal("0"), 30)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErrorBudget.budgetMinutes(new BigDecimal("99"), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ErrorBudget.use(new BigDecimal("99"), 30, Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Frequency frequency(String count, Frequency.Per per) {
    return new Frequency(new BigDecimal(count), per);
  }
}

package dev.failmode.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failmode.model.Frequency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotationTest {

  @ParameterizedTest
  @CsvSource({"30s, 30", "5m, 300", "2h, 7200", "1d, 86400", "1.5h, 5400", "0.5s, 0.5"})
  void durations(String text, String seconds) {
    Duration duration = Notation.duration(text);
    assertThat(BigDecimal.valueOf(duration.toMillis()).movePointLeft(3)).isEqualByComparingTo(seconds);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "5 minutes | did you mean '5m'",
      "5         | has no unit",
      "-3m       | not more than zero",
      "0m        | zero",
      "5min      | did you mean '5m'",
      "2 hours   | did you mean '2h'",
      "5M        | did you mean '5m'",
      "1w        | not a duration",
      "3651d     | longer than",
      "abc       | not a duration"})
  void badDurationsSayWhatToWrite(String text, String message) {
    assertThatThrownBy(() -> Notation.duration(text)).isInstanceOf(NotationException.class).hasMessageContaining(message);
  }

  @Test
  void frequencies() {
    assertThat(Notation.frequency("4/year")).isEqualTo(new Frequency(new BigDecimal("4"), Frequency.Per.YEAR));
    assertThat(Notation.frequency("2/month").per()).isEqualTo(Frequency.Per.MONTH);
    assertThat(Notation.frequency("1/week").per()).isEqualTo(Frequency.Per.WEEK);
    assertThat(Notation.frequency("3/day").per()).isEqualTo(Frequency.Per.DAY);
    assertThat(Notation.frequency("0.5/year").count()).isEqualByComparingTo("0.5");
    assertThat(Notation.frequency("1000000/day").count()).isEqualByComparingTo("1000000");
    assertThatThrownBy(() -> Notation.frequency("1000000.5/day")).hasMessageContaining("more often than the most accepted, 1000000/day");
    assertThatThrownBy(() -> Notation.frequency("99999999999999999999/week")).hasMessageContaining("1000000/week")
        .hasMessageContaining("a rate (an SLI)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0/year      | zero",
      "4/yr        | did you mean '4/year'",
      "4 per year  | did you mean '4/year'",
      "4/years     | did you mean '4/year'",
      "-1/year     | not more than zero",
      "4           | not a frequency",
      "weekly      | not a frequency",
      "4/fortnight | not a frequency"})
  void badFrequenciesSayWhatToWrite(String text, String message) {
    assertThatThrownBy(() -> Notation.frequency(text)).isInstanceOf(NotationException.class).hasMessageContaining(message);
  }

  @Test
  void windowsAndTargets() {
    assertThat(Notation.window("30d")).isEqualTo(30);
    assertThat(Notation.window("365d")).isEqualTo(365);
    assertThat(Notation.target("99.99")).isEqualByComparingTo("99.99");
    assertThat(Notation.target("99.99%")).isEqualByComparingTo("99.99");
    assertThat(Notation.target("99.9999999999")).isEqualByComparingTo("99.9999999999");
    assertThat(Notation.target("99.9000000000000")).isEqualByComparingTo("99.9"); // trailing zeros are no decimals
  }

  @Test
  void aTargetOfMoreDecimalsThanAnySloIsRefusedBeforeReportsRepeatIt() {
    String long9s = "99." + "9".repeat(60_000);

    assertThatThrownBy(() -> Notation.target("99.99999999999")).hasMessageContaining("has more than 10 decimals");
    assertThatThrownBy(() -> Notation.target(long9s)).hasMessage("'99.99999999999999999... (60003 characters)' has more than 10"
        + " decimals; an SLO target is a percent like 99.99 or 99.999");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"30 | has no unit", "1y | did you mean '365d'", "4w | did you mean '28d'", "0d | between",
      "30 days | did you mean '30d'"})
  void badWindows(String text, String message) {
    assertThatThrownBy(() -> Notation.window(text)).isInstanceOf(NotationException.class).hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"100.5 | over 100", "100 | no error budget", "0 | promises nothing", "high | not an SLO target",
      "-5 | not an SLO target"})
  void badTargets(String text, String message) {
    assertThatThrownBy(() -> Notation.target(text)).isInstanceOf(NotationException.class).hasMessageContaining(message);
  }

  @Test
  void datesAreStrict() {
    assertThat(Notation.date("2027-03-31")).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThatThrownBy(() -> Notation.date("2027-02-30")).hasMessageContaining("not a date of the calendar");
    assertThatThrownBy(() -> Notation.date("31/03/2027")).hasMessageContaining("YYYY-MM-DD");
    assertThatThrownBy(() -> Notation.date("+999999999-01-01")).hasMessageContaining("YYYY-MM-DD");
    assertThatThrownBy(() -> Notation.date("-0001-01-01")).hasMessageContaining("YYYY-MM-DD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"effect", "userImpact", "failureModes"})
  void typosFindTheirKey(String key) {
    assertThat(Suggest.closest(key.substring(1), java.util.List.of("effect", "userImpact", "failureModes", "duration")))
        .contains(key);
  }
}

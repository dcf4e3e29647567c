package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.budget.ErrorBudget;
import dev.failmode.model.Budget;
import dev.failmode.model.Frequency;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HtmlChartTest {
  private static final BigDecimal SCALE = new BigDecimal(3);

  @Test
  void aBarExactlyHalfAPixelPastAWholeOneRoundsUpWhicheverWayItsShareWasRounded() {
    // 45 min 3/week at 99% over 365d is 49275/36792 of the budget, which is 187.5 px of a 300% scale
    Budget budget = ErrorBudget.use(new BigDecimal(99), 365, Duration.ofMinutes(45), new Frequency(new BigDecimal(3), Frequency.Per.WEEK));

    assertThat(HtmlReport.px(budget.share(), SCALE)).isEqualTo(188);
    assertThat(HtmlReport.px(new BigDecimal("1.339285714285714285714285714285714"), SCALE)).isEqualTo(188);
    assertThat(HtmlReport.px(new BigDecimal("1.339285714285714285714285714285715"), SCALE)).isEqualTo(188);
  }

  @Test
  void otherBarsRoundToTheNearestPixel() {
    assertThat(HtmlReport.px(new BigDecimal("0.25"), SCALE)).isEqualTo(35);
    assertThat(HtmlReport.px(BigDecimal.ONE, SCALE)).isEqualTo(140);
    assertThat(HtmlReport.px(new BigDecimal("1.3357"), SCALE)).isEqualTo(187);
    assertThat(HtmlReport.px(new BigDecimal("1.3393"), SCALE)).isEqualTo(188);
  }
}

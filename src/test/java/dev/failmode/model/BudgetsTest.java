package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.budget.ErrorBudget;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetsTest {
  private static final ErrorBudget MONTH_AT_99_9 = ErrorBudget.of(new BigDecimal("99.9"), 30); // 43.2 minutes

  @Test
  void sharesThatAddUpToExactlyTheBudgetSumToExactlyIt() {
    BigDecimal sixth = MONTH_AT_99_9.use(Duration.ofSeconds(432), null).share(); // 7.2 of 43.2 minutes, rounded

    assertThat(sixth.multiply(new BigDecimal(6))).isNotEqualByComparingTo(BigDecimal.ONE);
    assertThat(Budgets.sum(Collections.nCopies(6, sixth))).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(Budgets.sum(Collections.nCopies(3, ErrorBudget.use(new BigDecimal("99.9"), 30, Duration.ofSeconds(864), null).share())))
        .isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void aSumOverTheLimitByFarMoreThanRoundingStaysOver() {
    // four exact quarters and a share of 3e-12: the file is over its budget, by a hair, and says so
    BigDecimal quarter = MONTH_AT_99_9.use(Duration.ofSeconds(648), null).share();
    BigDecimal hair = MONTH_AT_99_9.use(Duration.ofSeconds(1), new Frequency(new BigDecimal("0.0000001"), Frequency.Per.YEAR)).share();

    BigDecimal total = Budgets.sum(List.of(quarter, quarter, quarter, quarter, hair));

    assertThat(quarter).isEqualByComparingTo("0.25");
    assertThat(total).isGreaterThan(BigDecimal.ONE);
  }

  @Test
  void exactSumsAreThemselves() {
    assertThat(Budgets.sum(List.of(new BigDecimal("0.1"), new BigDecimal("0.2")))).isEqualByComparingTo("0.3");
    assertThat(Budgets.sum(List.of())).isEqualByComparingTo("0");
    assertThat(Budgets.sum(List.of(new BigDecimal("0.123456789012345678")))).isEqualTo(new BigDecimal("0.123456789012345678"));
  }
}

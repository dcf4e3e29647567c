package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.budget.ErrorBudget;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
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

  /** An OK of component {@code component} using {@code seconds} of the budget once a month, or no budget at all. */
  private static Outcome outcome(String component, String id, Integer seconds) {
    FailureMode mode = new FailureMode("sys", component, id, "d", Effect.UNAVAILABLE, null, null,
        seconds == null ? null : Duration.ofSeconds(seconds), null, UserImpact.OUTAGE, null, null, null, null, List.of(), List.of(),
        null, new Location("f.yaml", 1, 1));
    Component owner = new Component("sys", component, null, null, null, null, null, null, null, List.of(mode), new Location("f.yaml", 1, 1));
    Budget budget = seconds == null ? null : MONTH_AT_99_9.use(Duration.ofSeconds(seconds), null);
    Ballot ballot = new Ballot(new RuleScope(), mode);
    Catalogue file = new Catalogue("f.yaml", "failmode/v1", null, null, List.of(owner), new Location("f.yaml", 1, 1));
    return new Outcome(new Verdict(ballot, owner, file, budget), ballot, Decision.OK_TO_BREAK, null);
  }

  /** What {@link Budgets#largest} said when it sorted every outcome: the reference it is held to. */
  private static String largestBySorting(List<?> outcomes, int n) {
    return outcomes.stream().filter(Outcome.class::isInstance).map(Outcome.class::cast).filter(o -> o.getBudget() != null)
        .sorted(Comparator.comparing((Outcome o) -> o.getBudget().share()).reversed().thenComparing(Outcome::getId))
        .limit(n)
        .map(o -> o.getComponent().name() + "/" + o.getMode().id() + " (" + Text.percent(o.getBudget().share()) + ")")
        .collect(Collectors.collectingAndThen(Collectors.joining(", "), text -> text.isEmpty() ? "none" : text));
  }

  @Test
  void theLargestAreNamedLargestFirstAndEqualSharesInIdOrder() {
    List<Object> outcomes = List.of(outcome("web", "b", 60), outcome("web", "a", 60), outcome("db", "z", 600),
        outcome("db", "none", null), "not an outcome", outcome("api", "c", 6));

    assertThat(Budgets.largest(outcomes, 3)).isEqualTo("db/z (23.1%), web/a (2.3%), web/b (2.3%)");
    assertThat(Budgets.largest(outcomes, 10)).isEqualTo("db/z (23.1%), web/a (2.3%), web/b (2.3%), api/c (0.2%)");
    assertThat(Budgets.largest(outcomes, 0)).isEqualTo("none");
    assertThat(Budgets.largest(List.of(outcome("db", "none", null)), 3)).isEqualTo("none");
  }

  @Test
  void theLargestAreWhatSortingEveryOutcomeGives() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      List<Object> outcomes = new ArrayList<>();
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        // few distinct shares, so that most comparisons are ties decided by id
        Integer seconds = random.nextInt(8) == 0 ? null : 30 * (1 + random.nextInt(4));
        outcomes.add(outcome("c" + random.nextInt(3), "m" + random.nextInt(1_000), seconds));
      }
      int n = random.nextInt(6);

      assertThat(Budgets.largest(outcomes, n)).as("round %d: %s", round, outcomes).isEqualTo(largestBySorting(outcomes, n));
    }
  }
}

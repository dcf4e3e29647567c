package dev.failmode.model;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Sums over many failure modes' budgets, for rules that judge a file as a whole. Takes the
 * untyped lists that DRL's {@code collect} gives.
 */
public final class Budgets {
  private Budgets() {}

  /** The share of the budget the outcomes use together (outcomes with no budget count nothing). */
  public static BigDecimal totalShare(Collection<?> outcomes) {
    return budgeted(outcomes).stream().map(o -> o.getBudget().share()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The {@code n} outcomes using most budget, largest first: {@code envoy/leak (40%), envoy/disk (30%)}. */
  public static String largest(Collection<?> outcomes, int n) {
    return budgeted(outcomes).stream()
        .sorted(Comparator.comparing((Outcome o) -> o.getBudget().share()).reversed().thenComparing(Outcome::getId))
        .limit(n)
        .map(o -> o.getComponent().name() + "/" + o.getMode().id() + " (" + Text.percent(o.getBudget().share()) + ")")
        .reduce((a, b) -> a + ", " + b)
        .orElse("none");
  }

  private static List<Outcome> budgeted(Collection<?> outcomes) {
    return outcomes.stream().filter(Outcome.class::isInstance).map(Outcome.class::cast).filter(o -> o.getBudget() != null).toList();
  }
}

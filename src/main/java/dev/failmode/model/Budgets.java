package dev.failmode.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Sums over many failure modes' budgets, for rules that judge a file as a whole. Takes the
 * untyped lists that DRL's {@code collect} gives.
 */
public final class Budgets {
  private Budgets() {}

  /** Significant digits of a sum of shares (see {@link #totalShare}). */
  private static final MathContext TOTAL = new MathContext(12, RoundingMode.HALF_EVEN);

  /**
   * The share of the budget the outcomes use together (outcomes with no budget count nothing), to
   * 12 significant digits. Each share is a rounded quotient (18 digits), so shares that add up to
   * exactly a limit, six of a sixth making the whole budget, would sum to a hair over or under it
   * and a file exactly at its limit could be called over it; to 12 digits the rounding of up to
   * 100,000 shares is gone, and a comparison with a limit of up to 12 digits is the exact sum's.
   */
  public static BigDecimal totalShare(Collection<?> outcomes) {
    BigDecimal sum = budgeted(outcomes).stream().map(o -> o.getBudget().share()).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.round(TOTAL).stripTrailingZeros();
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

package dev.failmode.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * Sums over many failure modes' budgets, for rules that judge a file as a whole. Takes the
 * untyped lists that DRL's {@code collect} gives.
 */
public final class Budgets {
  private Budgets() {}

  /** Significant digits a sum of shares is snapped to when it is that close (see {@link #sum}). */
  private static final MathContext SNAP = new MathContext(12, RoundingMode.HALF_EVEN);
  /** How far, relative to it, a sum of shares can be from the exact sum: each share is off by at most 5e-17 of itself. */
  private static final BigDecimal ROUNDING = new BigDecimal("1e-16");

  /**
   * The share of the budget the outcomes use together (outcomes with no budget count nothing), as
   * {@link #sum} adds them up: shares that add up to exactly a limit compare as exactly it.
   */
  public static BigDecimal totalShare(Collection<?> outcomes) {
    return sum(budgeted(outcomes).stream().map(o -> o.getBudget().share()).toList());
  }

  /**
   * Shares added up. Each share is a rounded quotient (to 18 digits), so shares that add up to
   * exactly a limit, six of a sixth making the whole budget, sum to a hair over or under it, and a
   * file exactly at its limit would be called over it. A sum within that rounding of a value of 12
   * significant digits is that value; any other sum, a file over its limit by a millionth of a
   * second included, is kept as it is.
   */
  public static BigDecimal sum(Collection<BigDecimal> shares) {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal share : shares) {
      sum = sum.add(share);
    }
    BigDecimal snapped = sum.round(SNAP);
    return sum.subtract(snapped).abs().compareTo(sum.abs().multiply(ROUNDING)) <= 0 ? snapped.stripTrailingZeros() : sum;
  }

  /**
   * The {@code n} outcomes using most budget, largest first, equal shares in id order:
   * {@code envoy/leak (40%), envoy/disk (30%)}. One pass that keeps the {@code n} largest met so
   * far: a file's OKs can be tens of thousands, and sorting them all (building two ids at every
   * comparison of equal shares) cost ~30 ms of CPU for each file of 20,000 (perf).
   */
  public static String largest(Collection<?> outcomes, int n) {
    Outcome[] top = new Outcome[Math.max(0, n)];
    int size = 0;
    for (Object o : outcomes) {
      if (!(o instanceof Outcome outcome) || outcome.getBudget() == null) {
        continue;
      }
      int at = size;
      while (at > 0 && before(outcome, top[at - 1])) {
        at--;
      }
      if (at < top.length) {
        int kept = Math.min(size, top.length - 1); // the last one drops out when the list is full
        System.arraycopy(top, at, top, at + 1, kept - at);
        top[at] = outcome;
        size = kept + 1;
      }
    }
    if (size == 0) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < size; i++) {
      Outcome o = top[i];
      text.append(i == 0 ? "" : ", ").append(o.getComponent().name()).append('/').append(o.getMode().id())
          .append(" (").append(Text.percent(o.getBudget().share())).append(')');
    }
    return text.toString();
  }

  /** Whether {@code a} comes before {@code b} among the largest: a larger share, or an equal one and a smaller id. */
  private static boolean before(Outcome a, Outcome b) {
    int byShare = a.getBudget().share().compareTo(b.getBudget().share());
    return byShare != 0 ? byShare > 0 : a.getId().compareTo(b.getId()) < 0;
  }

  private static List<Outcome> budgeted(Collection<?> outcomes) {
    return outcomes.stream().filter(Outcome.class::isInstance).map(Outcome.class::cast).filter(o -> o.getBudget() != null).toList();
  }
}

package dev.failmode.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error budgets of one run: one per SLO as written, shared by every file that declares it, so
 * that each remembers what its durations and frequencies cost across files. Safe to use from
 * several threads at once.
 */
public final class ErrorBudgets {
  // keyed by target and window as written: 99.9 and 99.90 are two, as a budget shows the target the file wrote
  private final Map<List<Object>, ErrorBudget> budgets = new ConcurrentHashMap<>();

  /** The budget of an SLO of {@code targetPercent} over {@code windowDays}, made at the first asking. */
  public ErrorBudget of(BigDecimal targetPercent, int windowDays) {
    return budgets.computeIfAbsent(List.of(targetPercent, windowDays), key -> ErrorBudget.of(targetPercent, windowDays));
  }
}

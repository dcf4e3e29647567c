package dev.failmode.budget;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error budgets of one run: one per SLO as written, shared by every file that declares it, so
 * that each remembers what its durations and frequencies cost across files. Safe to use from
 * several threads at once.
 */
public final class ErrorBudgets {
  private final Map<Key, ErrorBudget> budgets = new ConcurrentHashMap<>();

  /** The budget of an SLO of {@code targetPercent} over {@code windowDays}, made at the first asking. */
  public ErrorBudget of(BigDecimal targetPercent, int windowDays) {
    return budgets.computeIfAbsent(new Key(targetPercent, windowDays), key -> ErrorBudget.of(key.target, key.windowDays));
  }

  /** An SLO as written: 99.9 and 99.90 are two, as their budgets show the target the way the file wrote it. */
  private static final class Key {
    private final BigDecimal target;
    private final int windowDays;

    Key(BigDecimal target, int windowDays) {
      this.target = target;
      this.windowDays = windowDays;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && target.equals(other.target) && windowDays == other.windowDays;
    }

    @Override
    public int hashCode() {
      return 31 * target.hashCode() + windowDays;
    }
  }
}

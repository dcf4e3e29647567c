package dev.failmode.load;

import dev.failmode.model.Problem;
import dev.failmode.model.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The problems found in one file. Every problem is counted but only the earliest few are kept, so
 * a hostile file with a million wrong keys costs the memory of a few dozen problems, not an
 * OutOfMemoryError. Problems may arrive in any order; the earliest by location are kept.
 */
final class Problems {
  /** Problems listed per file; the rest are counted in one last problem. */
  static final int LISTED = 50;

  // a max-heap of the earliest LISTED + 1: the one past the limit says where the rest start
  private final PriorityQueue<Problem> earliest = new PriorityQueue<>(LISTED + 2, Comparator.reverseOrder());
  private int count;

  void add(Problem problem) {
    count++;
    keep(problem);
  }

  void addAll(Problems other) {
    count += other.count;
    other.earliest.forEach(this::keep);
  }

  private void keep(Problem problem) {
    if (earliest.size() <= LISTED) {
      earliest.add(problem);
    } else if (problem.compareTo(earliest.peek()) < 0) {
      earliest.poll();
      earliest.add(problem);
    }
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  /** The first {@link #LISTED} problems in file order, then one that counts the rest. */
  List<Problem> listed() {
    List<Problem> sorted = earliest.stream().sorted().toList();
    if (count <= LISTED) {
      return sorted;
    }
    List<Problem> listed = new ArrayList<>(sorted.subList(0, LISTED));
    Problem next = sorted.get(LISTED);
    int rest = count - LISTED;
    listed.add(new Problem(next.location(), "", "and " + Text.count(rest, "more problem")
        + " in this file, from here on; fix these first"));
    return listed;
  }
}

package dev.failmode.engine;

import dev.failmode.model.Problem;
import java.util.List;

/** A rule pack that cannot be used: not found, an invalid manifest, or DRL that does not compile. */
public final class PackException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;
  private final boolean unsafe;

  public PackException(List<Problem> problems) {
    this(problems, false);
  }

  /** @param unsafe whether the problems are the safety check's: the pack's code was refused, not broken */
  public PackException(List<Problem> problems, boolean unsafe) {
    super(problems.isEmpty() ? "broken rule pack" : problems.get(0).toString());
    this.problems = problems.stream().sorted().toList();
    this.unsafe = unsafe;
  }

  /** Whether the safety check refused the pack (see {@link SafetyCheck}). */
  public boolean unsafe() {
    return unsafe;
  }

  public PackException(Problem problem) {
    this(List.of(problem));
  }

  /** Every problem found, located at the pack file and line. */
  public List<Problem> problems() {
    return problems;
  }
}

package dev.failmode.engine;

import dev.failmode.model.Problem;
import java.util.List;

/** A rule pack that cannot be used: not found, an invalid manifest, or DRL that does not compile. */
public final class PackException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public PackException(List<Problem> problems) {
    super(problems.isEmpty() ? "broken rule pack" : problems.get(0).toString());
    this.problems = problems.stream().sorted().toList();
  }

  public PackException(Problem problem) {
    this(List.of(problem));
  }

  /** Every problem found, located at the pack file and line. */
  public List<Problem> problems() {
    return problems;
  }
}

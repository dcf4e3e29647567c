package dev.failmode.cli;

import dev.failmode.model.Problem;
import java.util.List;

/**
 * Bad input or usage that ends a command with exit code 2: located problems to print, then a
 * one-line summary.
 */
final class UserError extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  UserError(String summary, List<Problem> problems) {
    super(summary);
    this.problems = List.copyOf(problems);
  }

  UserError(String message) {
    this(message, List.of());
  }

  List<Problem> problems() {
    return problems;
  }
}

package dev.failmode.parallel;

import java.util.function.Function;

/** Failures caught on one thread and thrown on another. */
public final class Failures {
  private Failures() {}

  /**
   * Throws {@code failure}, caught on another thread, as it was: a RuntimeException or an Error as
   * itself, anything else (a checked exception thrown sneakily) as {@code wrap} makes it. Returns
   * when there is no failure.
   */
  public static void rethrow(Throwable failure, Function<Throwable, ? extends RuntimeException> wrap) {
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw wrap.apply(failure);
    }
  }
}

package dev.failmode.engine;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * What compiling a rule base has to say (which packs were precompiled or stale, how long it took):
 * said at once, or kept until the rule base is used. A rule base compiled ahead on another thread
 * ({@link RuleBasePrefetch}) may be dropped, and must then say nothing; and what it says belongs
 * to the run that uses it, after that run's {@code --verbose} has set the level.
 */
final class CompileLog {
  private final List<Runnable> kept;

  private CompileLog(List<Runnable> kept) {
    this.kept = kept;
  }

  static CompileLog now() {
    return new CompileLog(null);
  }

  static CompileLog kept() {
    return new CompileLog(new ArrayList<>());
  }

  void info(Logger log, String format, Object... arguments) {
    say(() -> log.info(format, arguments));
  }

  void warn(Logger log, String format, Object... arguments) {
    say(() -> log.warn(format, arguments));
  }

  private void say(Runnable line) {
    if (kept == null) {
      line.run();
    } else {
      synchronized (kept) {
        kept.add(line);
      }
    }
  }

  /** Says what was kept, once. */
  void sayKept() {
    List<Runnable> lines;
    synchronized (kept) {
      lines = List.copyOf(kept);
      kept.clear();
    }
    lines.forEach(Runnable::run);
  }
}

package dev.failmode.cli;

import java.io.PrintWriter;

/** Where a command writes and whether it may use colour there. */
final class Terminal {
  private Terminal() {}

  /** Colour when asked for, or on a terminal unless NO_COLOR is set (https://no-color.org) or TERM is dumb. */
  static boolean color(ColorMode mode) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> System.console() != null && isEmpty(System.getenv("NO_COLOR")) && !"dumb".equals(System.getenv("TERM"));
    };
  }

  static boolean stderrColor() {
    return System.console() != null && isEmpty(System.getenv("NO_COLOR")) && !"dumb".equals(System.getenv("TERM"));
  }

  static void error(PrintWriter err, String text) {
    err.println(text);
    err.flush();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  /** The choices of {@code --color}. */
  enum ColorMode {
    AUTO, ALWAYS, NEVER;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

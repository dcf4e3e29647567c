package dev.failmode.report;

import dev.failmode.model.Text;
import dev.failmode.policy.Diff;
import dev.failmode.policy.Diff.Change;
import java.util.List;
import java.util.Locale;

/** A {@link Diff} as text for a terminal, or as Markdown for a pull-request comment. */
public final class DiffReport {
  private DiffReport() {}

  /** The formats of {@code failmode diff}. */
  public enum Format {
    TEXT, MARKDOWN;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static String render(Diff diff, Format format) {
    return format == Format.MARKDOWN ? markdown(diff.changes()) : text(diff.changes());
  }

  private static String text(List<Change> changes) {
    if (changes.isEmpty()) {
      return "no changes\n";
    }
    StringBuilder text = new StringBuilder();
    for (Change c : changes) {
      // one line each, as check's; a line that turns for the worse says so, as Markdown's table does
      text.append(Text.lineStart(c.file() + ":" + c.line() + ": " + describe(c) + (worse(c) ? " (worse)" : ""))).append('\n');
    }
    return text.append(Text.count(changes.size(), "change")).append(worseCount(changes)).append('\n').toString();
  }

  private static String markdown(List<Change> changes) {
    StringBuilder md = new StringBuilder("### failmode: what changed\n\n");
    if (changes.isEmpty()) {
      return md.append("No verdict, status or finding changed.\n").toString();
    }
    md.append("| failure mode | change | before | after | where |\n| --- | --- | --- | --- | --- |\n");
    for (Change c : changes) {
      md.append("| ").append(Markdown.code(c.id())).append(" | ").append(label(c)).append(" | ")
          .append(Markdown.text(c.before() == null ? "" : c.before())).append(" | ")
          .append(Markdown.text(c.after() == null ? "" : c.after())).append(" | ")
          .append(Markdown.fileLink(c.file(), c.line())).append(" |\n");
    }
    return md.append('\n').append(Text.count(changes.size(), "change")).append(worseCount(changes)).append(".\n").toString();
  }

  private static String worseCount(List<Change> changes) {
    long worse = changes.stream().filter(DiffReport::worse).count();
    return worse == 0 ? "" : ", " + worse + " for the worse";
  }

  private static String describe(Change c) {
    return switch (c.kind()) {
      case ADDED -> "added " + c.id() + ": " + c.after();
      case REMOVED -> "removed " + c.id() + " (was " + c.before() + ")";
      case VERDICT -> c.id() + ": " + c.before() + " -> " + c.after();
      case STATUS -> c.id() + ": status " + c.before() + " -> " + c.after();
      case FINDING_ADDED -> "new finding " + c.after() + " on " + c.id() + ": " + c.detail();
      case FINDING_REMOVED -> "finding " + c.before() + " on " + c.id() + " is gone";
    };
  }

  private static String label(Change c) {
    return switch (c.kind()) {
      case ADDED -> "added";
      case REMOVED -> "removed";
      case VERDICT -> worse(c) ? "**verdict, worse**" : "verdict";
      case STATUS -> worse(c) ? "**status, worse**" : "status";
      case FINDING_ADDED -> "**new finding**";
      case FINDING_REMOVED -> "finding gone";
    };
  }

  /** A change for the worse: a verdict that became NOT OK, a status that became open, a new finding. */
  static boolean worse(Change c) {
    return switch (c.kind()) {
      case VERDICT -> c.after() != null && c.after().startsWith("NOT_OK") || c.after() != null && c.after().startsWith("UNCLASSIFIED")
          && c.before() != null && c.before().startsWith("OK_TO_BREAK");
      case STATUS -> "open".equals(c.after());
      case FINDING_ADDED -> true;
      case ADDED -> c.after() != null && !c.after().startsWith("OK_TO_BREAK");
      default -> false;
    };
  }
}

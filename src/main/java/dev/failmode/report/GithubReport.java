package dev.failmode.report;

import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Text;
import dev.failmode.model.Wire;
import dev.failmode.policy.Judgement;
import dev.failmode.policy.Violation;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * GitHub Actions workflow commands: every failure mode's verdict in a folded log group, then an
 * {@code ::error} annotation on the file and line of each violation of the policy, a
 * {@code ::warning} for each a baseline accepted, and a summary line.
 * Values are escaped as the runner expects (%, CR, LF, and in properties also ':' and ',').
 * The long lists are rendered in runs on both cores and written as they come: built as one
 * string, a 100,000-mode report peaked at 400-440 MiB against 276 MiB for JSON.
 */
final class GithubReport implements ReportWriter {

  /** Lines per run rendered on the pool, and per batch rendered ahead: a run is written as soon as it is its turn. */
  private static final int LINES_PER_RUN = 256;
  private static final int LINES_AHEAD = 4_096;

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    Report report = rendering.report();
    Judgement judgement = rendering.judgement();
    // every result, folded in the job's log; the annotations below are what the pull request shows
    out.write("::group::failmode: " + Text.count(report.results().size(), "failure mode") + ", packs " + packs(report) + "\n");
    writeLines(report.results(), GithubReport::line, out);
    StringBuilder text = new StringBuilder("::endgroup::\n");
    for (var off : report.disabled()) {
      text.append("::notice file=").append(property(off.location().file())).append(",line=").append(off.location().line())
          .append(",title=").append(property("disabled " + off.rule())).append("::")
          .append(data("switched off by " + off.by() + ": " + off.reason())).append('\n');
    }
    out.write(text.toString());
    writeLines(judgement.violations(), (lines, v) -> annotation(lines, "error", v), out);
    writeLines(judgement.accepted(), (lines, v) -> annotation(lines, "warning", v), out);
    var summary = report.summary();
    text = new StringBuilder("failmode: ").append(Text.count(summary.failureModes(), "failure mode")).append(" in ")
        .append(Text.count(report.catalogues().size(), "file")).append(": ").append(summary.okToBreak()).append(" OK TO BREAK, ")
        .append(summary.notOk()).append(" NOT OK, ").append(summary.unclassified()).append(" UNCLASSIFIED; ")
        .append(Text.count(judgement.violations().size(), "violation"));
    if (!judgement.accepted().isEmpty()) {
      text.append(", ").append(judgement.accepted().size()).append(" accepted by the baseline");
    }
    text.append('\n');
    out.write(text.toString());
  }

  private static void line(StringBuilder text, Result result) {
    // a log line of the group: a path from the file system must not start a workflow command of its
    // own, on one line (a control character escaped) or at its start (a file named '::error ...::x',
    // named as ./::error ...::x, the same file)
    text.append(Text.lineStart(result.location().toString())).append(": ").append(result.id()).append(": ")
        .append(result.verdict().label());
    if (result.status() != null) {
      text.append(" (").append(Wire.name(result.status())).append(')');
    }
    List<String> rules = result.decidingRules();
    text.append(rules.isEmpty() ? "" : " [" + String.join(", ", rules) + "]").append('\n');
  }

  /** Writes a line (or more) for each of {@code items}, rendered in runs on the pool. */
  private static <T> void writeLines(List<T> items, BiConsumer<StringBuilder, T> line, Writer out) throws IOException {
    RenderAhead.inOrder(items, LINES_PER_RUN, LINES_AHEAD, run -> {
      StringBuilder text = new StringBuilder();
      for (T item : run) {
        line.accept(text, item);
      }
      return text.toString();
    }, out::write);
  }

  private static String packs(Report report) {
    return String.join(", ", report.packs().stream().map(p -> p.id() + " " + p.version()).toList());
  }

  private static void annotation(StringBuilder text, String level, Violation v) {
    text.append("::").append(level).append(' ');
    position(text, v.location()).append(",title=").append(property(v.kind() + " " + v.id())).append("::")
        .append(data(v.messageWithRule())).append('\n');
  }

  /**
   * Problems that stopped a run (a file that does not parse, a broken pack) as error annotations,
   * each at its file, line and column when it has them, then {@code summary}: with bad input there is
   * no report, and without these the pull request would show nothing where the typo is.
   */
  public static String problems(List<Problem> problems, String summary) {
    StringBuilder text = new StringBuilder();
    for (Problem problem : problems) {
      boolean placed = problem.location().line() > 0; // else a path given on the command line, or an option
      text.append("::error ");
      if (placed) {
        position(text, problem.location()).append(',');
      }
      text.append("title=").append(property("failmode: bad input")).append("::")
          .append(data(placed ? problem.detail() : problem.toString())).append('\n');
    }
    return text.append("::error title=").append(property("failmode: bad input")).append("::").append(data(summary)).append('\n').toString();
  }

  /** A workflow command's {@code file=F,line=L,col=C}, leaving out what is unknown. */
  private static StringBuilder position(StringBuilder text, Location at) {
    text.append("file=").append(property(at.file()));
    if (at.line() > 0) {
      text.append(",line=").append(at.line());
    }
    if (at.column() > 0) {
      text.append(",col=").append(at.column());
    }
    return text;
  }

  static String data(String value) {
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String value) {
    return data(value).replace(":", "%3A").replace(",", "%2C");
  }
}

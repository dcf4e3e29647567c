package dev.failmode.report;

import dev.failmode.model.Catalogue;
import dev.failmode.model.Component;
import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Status;
import dev.failmode.model.Suggestion;
import dev.failmode.model.Summary;
import dev.failmode.model.Text;
import dev.failmode.model.Wire;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report for people at a terminal: per file, per component, the OK TO BREAK and NOT OK lists
 * the way teams share them, each failure mode with its reasons, its budget arithmetic and what
 * to do; then the findings and a summary.
 */
final class TextReport implements ReportWriter {
  private Ansi ansi;
  private java.util.Set<String> expiredWaivers;

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    Report report = rendering.report();
    this.ansi = new Ansi(rendering.color());
    this.expiredWaivers = Reports.expiredWaivers(report);
    Reports.writeEachFile(report, out, this::catalogue);
    StringBuilder text = new StringBuilder();
    findings(text, report.findings());
    summary(text, report);
    out.write(text.toString());
  }

  private void catalogue(StringBuilder text, Catalogue catalogue, List<Result> results) {
    text.append(ansi.bold(catalogue.name())).append("  ").append(ansi.dim(catalogue.file())).append('\n');
    if (catalogue.metadata().description() != null || catalogue.metadata().owner() != null) {
      text.append("  ").append(Text.printable(Objects.requireNonNullElse(catalogue.metadata().description(), "")));
      if (catalogue.metadata().owner() != null) {
        text.append(catalogue.metadata().description() == null ? "" : " ").append("(owner ").append(Text.printable(catalogue.metadata().owner()))
            .append(')');
      }
      text.append('\n');
    }
    if (catalogue.slo() == null) {
      text.append("  no SLO declared: user-facing failures cannot be judged by an error budget\n");
    } else {
      results.stream().map(Result::budget).filter(Objects::nonNull).findFirst().ifPresentOrElse(
          budget -> text.append("  SLO ").append(catalogue.slo()).append(": error budget ").append(budget.budgetArithmetic()).append('\n'),
          () -> text.append("  SLO ").append(catalogue.slo()).append('\n'));
    }
    Map<String, List<Result>> byComponent = Reports.resultsByComponent(results);
    for (Component component : catalogue.components()) {
      component(text, component, byComponent.getOrDefault(component.name(), List.of()));
    }
    text.append('\n');
  }

  private void component(StringBuilder text, Component component, List<Result> results) {
    text.append('\n').append("  ").append(ansi.bold(component.name()));
    List<String> traits = new ArrayList<>();
    if (component.role() != null) {
      traits.add(Wire.name(component.role()));
    }
    if (component.software() != null) {
      traits.add(component.software() + (component.version() == null ? "" : " " + component.version()));
    }
    if (component.maturity() != null) {
      traits.add(Wire.name(component.maturity()));
    }
    if (component.usage() != null) {
      traits.add(component.usage() == dev.failmode.model.Usage.UNUSED ? "unused" : Wire.name(component.usage()) + " use");
    }
    if (component.tolerance() != null) {
      traits.add("tolerance " + Text.duration(component.tolerance()));
    }
    if (!traits.isEmpty()) {
      text.append(" (").append(Text.printable(String.join(", ", traits))).append(')');
    }
    text.append('\n');
    Map<Decision, List<Result>> byVerdict = new EnumMap<>(Decision.class);
    results.forEach(r -> byVerdict.computeIfAbsent(r.verdict(), d -> new ArrayList<>()).add(r));
    for (Decision decision : List.of(Decision.OK_TO_BREAK, Decision.NOT_OK, Decision.UNCLASSIFIED)) {
      List<Result> list = byVerdict.get(decision);
      if (list == null) {
        continue;
      }
      text.append("    ").append(ansi.verdict(decision, decision.label())).append('\n');
      boolean unused = component.usage() == dev.failmode.model.Usage.UNUSED;
      for (Result result : list) {
        result(text, result, unused);
      }
    }
  }

  private void result(StringBuilder text, Result result, boolean unusedComponent) {
    text.append("      - ").append(ansi.bold(result.mode().id()));
    if (result.status() != null) {
      text.append(" [").append(ansi.status(result.status())).append(']');
    }
    text.append("  ").append(ansi.dim(result.location().toString())).append('\n');
    text.append("          ").append(Text.printable(result.mode().description())).append('\n');
    boolean arithmeticShown = false;
    for (Reason reason : result.reasons()) {
      String label = reason.vote() == null ? "note" : "why";
      text.append("          ").append(label).append(": ").append(Text.printable(reason.message())).append(' ')
          .append(ansi.dim("[" + reason.rule() + "]"))
          .append('\n');
      arithmeticShown |= result.budget() != null && reason.message().contains(result.budget().arithmetic());
    }
    if (result.budget() != null && !arithmeticShown) {
      text.append("          budget: ").append(Reports.unspent(result, unusedComponent)).append(result.budget().arithmetic()).append('\n');
    }
    for (Suggestion suggestion : result.remediations()) {
      text.append("          do: ").append(Wire.name(suggestion.type()));
      if (suggestion.declared()) {
        text.append(" (declared, ").append(Wire.name(suggestion.status())).append("): ").append(Text.printable(suggestion.text()));
        if (suggestion.ref() != null) {
          text.append(' ').append(ansi.dim(suggestion.ref()));
        }
      } else {
        text.append(": ").append(Text.printable(suggestion.text())).append(' ').append(ansi.dim("[" + suggestion.rule() + "]"));
      }
      text.append('\n');
    }
    if (result.mode().waiver() != null) {
      text.append("          waiver: ").append(Text.printable(result.mode().waiver().reason())).append(" (")
          .append(Text.printable(result.mode().waiver().owner()))
          .append(", until ").append(result.mode().waiver().expires())
          .append(expiredWaivers.contains(result.id()) ? ", " + ansi.warn("expired") + ": it counts for nothing" : "").append(")\n");
    }
  }

  private void findings(StringBuilder text, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    text.append(ansi.bold("Findings")).append('\n');
    for (Finding finding : findings) {
      text.append("  - ").append(ansi.warn(finding.kind())).append(' ').append(Text.printable(finding.id())).append("  ")
          .append(ansi.dim(finding.location().toString())).append('\n');
      text.append("      ").append(Text.printable(finding.message())).append(' ').append(ansi.dim("[" + finding.rule() + "]")).append('\n');
    }
    text.append('\n');
  }

  private void summary(StringBuilder text, Report report) {
    Summary summary = report.summary();
    String statusText = Reports.statuses(report);
    text.append(Text.count(summary.failureModes(), "failure mode")).append(" in ")
        .append(Text.count(report.catalogues().size(), "file")).append(": ")
        .append(ansi.verdict(Decision.OK_TO_BREAK, summary.okToBreak() + " OK TO BREAK")).append(", ")
        .append(ansi.verdict(Decision.NOT_OK, summary.notOk() + " NOT OK")).append(statusText).append(", ")
        .append(ansi.verdict(Decision.UNCLASSIFIED, summary.unclassified() + " UNCLASSIFIED")).append("; ")
        .append(Text.count(summary.findings(), "finding")).append('\n');
    text.append(ansi.dim("rule packs: " + String.join(", ", report.packs().stream().map(p -> p.id() + " " + p.version()).toList())))
        .append('\n');
    for (var off : report.disabled()) {
      text.append(ansi.warn("disabled: " + off.rule())).append(" by ").append(Text.printable(off.by())).append(": ")
          .append(Text.printable(off.reason()))
          .append(' ').append(ansi.dim("(" + off.location() + ")")).append('\n');
    }
  }

  /** ANSI colours, or nothing when colour is off. */
  private record Ansi(boolean on) {
    String bold(String s) {
      return wrap("1", s);
    }

    String dim(String s) {
      return wrap("2", s);
    }

    String warn(String s) {
      return wrap("33", s);
    }

    String verdict(Decision decision, String s) {
      return wrap(switch (decision) {
        case OK_TO_BREAK -> "1;32";
        case NOT_OK -> "1;31";
        case UNCLASSIFIED -> "1;33";
      }, s);
    }

    String status(Status status) {
      String name = Wire.name(status);
      return status == Status.OPEN ? wrap("31", name) : wrap("36", name);
    }

    /** Whatever is wrapped, coloured or not, is shown as printable text (names, paths and locations come from files). */
    private String wrap(String code, String s) {
      String shown = Text.printable(s);
      return on ? "\u001b[" + code + "m" + shown + "\u001b[0m" : shown;
    }
  }
}

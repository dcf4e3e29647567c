package dev.failmode.report;

import dev.failmode.model.Budget;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Component;
import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Incident;
import dev.failmode.model.PackRef;
import dev.failmode.model.Reason;
import dev.failmode.model.RemediationType;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Suggestion;
import dev.failmode.model.Summary;
import dev.failmode.model.Text;
import dev.failmode.model.Wire;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A risk review in GitHub Markdown: per system a summary (SLO, window, budget, counts), per
 * component the OK TO BREAK and NOT OK lists the way teams share them, a budget table sorted by
 * share, the remediation plan grouped by type, incidents and waivers, then the findings. Every
 * piece of text from a file is escaped (see {@link Markdown}).
 */
final class MarkdownReport implements ReportWriter {
  private Rendering rendering;

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    this.rendering = rendering;
    Report report = rendering.report();
    StringBuilder md = new StringBuilder();
    Summary summary = report.summary();
    md.append("# Failure-mode review\n\n");
    md.append(Text.count(summary.failureModes(), "failure mode")).append(" in ").append(Text.count(report.catalogues().size(), "file"))
        .append(": **").append(summary.okToBreak()).append(" OK TO BREAK**, **")
        .append(summary.notOk()).append(" NOT OK**").append(Reports.statuses(report)).append(", ").append(summary.unclassified())
        .append(" UNCLASSIFIED; ")
        .append(Text.count(summary.findings(), "finding")).append(".\n\n");
    md.append("Made by failmode ").append(report.toolVersion()).append(" with the rule packs ");
    List<String> packs = new ArrayList<>();
    for (PackRef pack : report.packs()) {
      packs.add(Markdown.code(pack.id() + " " + pack.version()));
    }
    md.append(String.join(", ", packs)).append(".\n");
    if (!report.disabled().isEmpty()) {
      md.append("\nRules switched off by the project:\n\n| rule | by | why |\n| --- | --- | --- |\n");
      for (var off : report.disabled()) {
        md.append("| ").append(Markdown.code(off.rule())).append(" | ").append(Markdown.text(off.by())).append(" | ")
            .append(Markdown.text(off.reason())).append(" |\n");
      }
    }
    out.write(md.toString());
    java.util.Set<String> expired = Reports.expiredWaivers(report);
    Reports.writeEachFile(report, out, (section, catalogue, results) -> system(section, catalogue, results, expired));
    StringBuilder end = new StringBuilder();
    findings(end, report.findings());
    out.write(end.toString());
  }

  /** A link to a file's line, from where the report is written: the file names the working directory's path. */
  private String link(String file, int line) {
    return Markdown.fileLink(file + (line > 0 ? ":" + line : ""), rendering.linkTo(file), line);
  }

  private void system(StringBuilder md, Catalogue catalogue, List<Result> results, java.util.Set<String> expired) {
    md.append("\n## ").append(Markdown.text(catalogue.name())).append("\n\n");
    if (catalogue.metadata().description() != null) {
      md.append(Markdown.text(catalogue.metadata().description())).append("\n\n");
    }
    md.append("File ").append(link(catalogue.file(), 0));
    if (catalogue.metadata().owner() != null) {
      md.append(", owned by ").append(Markdown.text(catalogue.metadata().owner()));
    }
    md.append(".\n\n");
    Summary summary = Summary.of(results, List.of());
    md.append("| SLO | window | error budget | failure modes | OK TO BREAK | NOT OK | UNCLASSIFIED |\n");
    md.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
    Budget anyBudget = results.stream().map(Result::budget).filter(Objects::nonNull).findFirst().orElse(null);
    if (catalogue.slo() == null) {
      md.append("| none declared | | | ");
    } else {
      md.append("| ").append(Text.target(catalogue.slo().target())).append("% | ").append(catalogue.slo().windowDays()).append("d | ")
          .append(anyBudget == null ? "" : Text.minutes(anyBudget.budgetMinutes())).append(" | ");
    }
    md.append(summary.failureModes()).append(" | ").append(summary.okToBreak()).append(" | ").append(summary.notOk()).append(" | ")
        .append(summary.unclassified()).append(" |\n\n");
    if (anyBudget != null) {
      md.append("Error budget: ").append(Markdown.text(anyBudget.budgetArithmetic())).append(".\n");
    } else if (catalogue.slo() == null) {
      md.append("No SLO is declared, so user-facing failures cannot be judged by an error budget.\n");
    }
    Map<String, List<Result>> byComponent = Reports.resultsByComponent(results);
    for (Component component : catalogue.components()) {
      component(md, component, byComponent.getOrDefault(component.name(), List.of()));
    }
    budgetTable(md, results);
    remediationPlan(md, results);
    incidents(md, results);
    waivers(md, results, expired);
  }

  private void component(StringBuilder md, Component component, List<Result> results) {
    md.append("\n### ").append(Markdown.text(component.name())).append("\n\n");
    List<String> traits = new ArrayList<>();
    if (component.role() != null) {
      traits.add(Wire.name(component.role()));
    }
    if (component.software() != null) {
      traits.add(Markdown.text(component.software() + (component.version() == null ? "" : " " + component.version())));
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
      md.append(String.join(" · ", traits)).append("\n\n");
    }
    for (Decision decision : List.of(Decision.OK_TO_BREAK, Decision.NOT_OK, Decision.UNCLASSIFIED)) {
      List<Result> list = results.stream().filter(r -> r.verdict() == decision).toList();
      if (list.isEmpty()) {
        continue;
      }
      md.append("**").append(decision.label()).append("**\n\n");
      for (Result result : list) {
        md.append("- ").append(Markdown.code(result.mode().id()));
        if (result.status() != null) {
          md.append(" **").append(Wire.name(result.status())).append("**");
        }
        md.append(" — ").append(Markdown.text(result.mode().description())).append(" (")
            .append(link(result.location().file(), result.location().line())).append(")\n");
        for (Reason reason : result.reasons()) {
          md.append("  - ").append(reason.vote() == null ? "note" : "why").append(": ").append(Markdown.text(reason.message()))
              .append(" — *").append(Markdown.text(reason.rule())).append("*\n");
        }
        for (Suggestion s : result.remediations()) {
          md.append("  - do (").append(Wire.name(s.type())).append(s.declared() ? ", declared, " + Wire.name(s.status()) : "")
              .append("): ").append(Markdown.text(s.text()));
          if (!s.declared()) {
            md.append(" — *").append(Markdown.text(s.rule())).append("*");
          }
          md.append('\n');
        }
      }
      md.append('\n');
    }
  }

  private void budgetTable(StringBuilder md, List<Result> results) {
    List<Result> budgeted = results.stream().filter(r -> r.budget() != null)
        .sorted(Comparator.comparing((Result r) -> r.budget().share()).reversed().thenComparing(Result::id)).toList();
    if (budgeted.isEmpty()) {
      return;
    }
    md.append("\n### Error budget\n\n");
    md.append("Each failure mode with a duration, against the budget of the SLO; largest share first. Failures users do not see "
        + "(user impact none), and those of unused components, spend none of it; their figures say what they would cost.\n\n");
    md.append("| failure mode | verdict | user impact | per occurrence | occurrences per window | per window | share of budget |\n");
    md.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
    for (Result r : budgeted) {
      Budget b = r.budget();
      md.append("| ").append(Markdown.code(r.mode().component() + "/" + r.mode().id())).append(" | ").append(r.verdict().label())
          .append(" | ").append(r.mode().userImpact() == null ? "?" : Wire.name(r.mode().userImpact())).append(" | ")
          .append(Text.minutes(b.minutesPerOccurrence())).append(" | ").append(Text.number(b.occurrencesPerWindow()))
          .append(b.frequencyAssumed() ? " (assumed)" : "").append(" | ").append(Text.minutes(b.minutesPerWindow())).append(" | ")
          .append(Text.percent(b.share())).append(" |\n");
    }
  }

  private void remediationPlan(StringBuilder md, List<Result> results) {
    boolean any = results.stream().anyMatch(r -> !r.remediations().isEmpty());
    if (!any) {
      return;
    }
    md.append("\n### Remediation plan\n");
    for (RemediationType type : RemediationType.values()) {
      List<String> rows = new ArrayList<>();
      for (Result r : results) {
        for (Suggestion s : r.remediations()) {
          if (s.type() == type) {
            rows.add("| " + Markdown.code(r.mode().component() + "/" + r.mode().id()) + " | " + r.verdict().label() + " | "
                + Markdown.text(s.text()) + " | " + (s.declared() ? Wire.name(s.status()) : "suggested") + " | "
                + (s.declared() ? "declared" + (s.ref() == null ? "" : ", " + Markdown.text(s.ref())) : Markdown.text(s.rule()))
                + " |");
          }
        }
      }
      if (rows.isEmpty()) {
        continue;
      }
      md.append("\n#### ").append(Wire.name(type)).append("\n\n");
      md.append("| failure mode | verdict | remediation | status | from |\n| --- | --- | --- | --- | --- |\n");
      rows.forEach(row -> md.append(row).append('\n'));
    }
  }

  private void incidents(StringBuilder md, List<Result> results) {
    List<String> rows = new ArrayList<>();
    for (Result r : results) {
      for (Incident i : r.mode().incidents()) {
        rows.add("| " + Markdown.code(r.mode().component() + "/" + r.mode().id()) + " | " + Markdown.text(i.id()) + " | "
            + (i.date() == null ? "" : i.date()) + " | " + Markdown.text(i.summary()) + " | " + (i.remediated() ? "yes" : "**no**")
            + " |");
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n### Incidents\n\n| failure mode | incident | date | summary | remediated |\n| --- | --- | --- | --- | --- |\n");
    rows.forEach(row -> md.append(row).append('\n'));
  }

  private void waivers(StringBuilder md, List<Result> results, java.util.Set<String> expiredWaivers) {
    List<String> rows = new ArrayList<>();
    for (Result r : results) {
      if (r.mode().waiver() == null) {
        continue;
      }
      boolean expired = expiredWaivers.contains(r.id());
      rows.add("| " + Markdown.code(r.mode().component() + "/" + r.mode().id()) + " | " + Markdown.text(r.mode().waiver().owner()) + " | "
          + r.mode().waiver().expires() + (expired ? " **expired**" : "") + " | " + Markdown.text(r.mode().waiver().reason()) + " |");
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n### Waivers\n\n| failure mode | owner | expires | reason |\n| --- | --- | --- | --- |\n");
    rows.forEach(row -> md.append(row).append('\n'));
  }

  private void findings(StringBuilder md, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    md.append("\n## Findings\n\n| kind | about | where | finding | rule |\n| --- | --- | --- | --- | --- |\n");
    for (Finding f : findings) {
      md.append("| ").append(Markdown.text(f.kind())).append(" | ").append(Markdown.code(f.id())).append(" | ")
          .append(link(f.location().file(), f.location().line())).append(" | ").append(Markdown.text(f.message()))
          .append(" | ").append(Markdown.text(f.rule())).append(" |\n");
    }
  }
}

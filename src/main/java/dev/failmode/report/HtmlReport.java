package dev.failmode.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.failmode.model.Budget;
import dev.failmode.model.Budgets;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Component;
import dev.failmode.model.Decision;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Suggestion;
import dev.failmode.model.Summary;
import dev.failmode.model.Text;
import dev.failmode.model.Wire;
import dev.failmode.parallel.EachIndex;
import dev.failmode.policy.Judgement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One self-contained HTML file for a risk review: a summary header, verdict counts per component,
 * an error-budget chart per system (a bar per user-facing failure mode against the budget, and
 * the OK TO BREAK ones stacked to show when many small OKs add up), a table of failure modes that
 * sorts and filters, and the details of each. CSS, JavaScript and SVG are inline; nothing is
 * fetched. The page reads without JavaScript and prints cleanly.
 *
 * <p>Written with Mustache templates from the view model below: the page
 * ({@code failmode/report.html.mustache}) and, for what repeats, a system's section
 * ({@code report-system.html.mustache}), a row of the table of failure modes
 * ({@code report-row.html.mustache}) and a failure mode's details
 * ({@code report-details.html.mustache}). Those are rendered in runs on both cores a batch
 * ahead of the page, which writes each run as it comes to it (see {@link RenderAhead}): one
 * thread rendering a 100,000-mode page took 3.1 s, eight times the JSON report. Mustache escapes
 * every value it writes, so text from a failure-mode file is always text: a description holding
 * {@code <script>} is shown, never run.
 */
final class HtmlReport implements ReportWriter {
  private static final DefaultMustacheFactory TEMPLATES = new DefaultMustacheFactory("failmode") {
    @Override
    public void encode(String value, java.io.Writer writer) {
      super.encode(Text.withoutBidi(value), writer); // an override in a file's text must not reorder the page
    }
  };
  private static final Mustache PAGE = TEMPLATES.compile("report.html.mustache");
  private static final Mustache SYSTEM = TEMPLATES.compile("report-system.html.mustache");
  private static final Mustache ROW = TEMPLATES.compile("report-row.html.mustache");
  private static final Mustache DETAILS = TEMPLATES.compile("report-details.html.mustache");
  /** Failure modes per run of the table's rows and of the details, and per batch rendered ahead. */
  static final int ROWS_PER_RUN = 64;
  static final int ROWS_AHEAD = 2_048;
  /** Systems per run, and per batch: a system's section draws a bar per failure mode users see. */
  static final int SYSTEMS_PER_RUN = 1;
  static final int SYSTEMS_AHEAD = 16;
  /** The chart's bars are drawn up to this share of the budget; longer ones are cut and say so. */
  private static final BigDecimal CHART_CAP = new BigDecimal("3");
  private static final int BAR_AREA = 420;

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    write(rendering, out, ROWS_PER_RUN, ROWS_AHEAD);
  }

  /** The same page, its rows rendered {@code rowsPerRun} to a run and {@code rowsAhead} to a batch (tests vary them). */
  static void write(Rendering rendering, Writer out, int rowsPerRun, int rowsAhead) throws IOException {
    try {
      PAGE.execute(out, view(rendering.report(), rendering.judgement(), rowsPerRun, rowsAhead)).flush();
    } catch (MustacheException e) {
      throw ioCause(e); // the writer's own failure (a full disk), as it was, or else the template's
    } catch (UncheckedIOException e) {
      throw e.getCause(); // a rendered run's, which reaches here through the page's iteration as it was thrown
    }
  }

  /** The IOException under Mustache's exception, if one is: Mustache wraps what the writer threw. */
  private static RuntimeException ioCause(MustacheException e) throws IOException {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        throw io;
      }
    }
    return e;
  }

  // --- the view model: what the template shows, with everything computed here -------------------

  /** The page; its systems, table rows and details come rendered, each an HTML run of the page to write as it is. */
  record View(String toolVersion, String packs, Summary summary, List<Disabled> disabled, Iterable<String> systems,
      Iterable<String> tableRows, Iterable<String> detailRows, List<FindingView> findings, boolean hasFindings, boolean hasDisabled,
      int violations) {}

  record Disabled(String rule, String by, String reason) {}

  record SystemView(String name, String anchor, String file, String description, String owner, String slo, String budget,
      Summary summary, List<ComponentView> components, Chart chart) {}

  record ComponentView(String name, String traits, int ok, int notOk, int unclassified, int okWidth, int notOkWidth,
      int unclassifiedWidth, int notOkX, int unclassifiedX) {
    public boolean hasUnclassified() {
      return unclassified > 0;
    }
  }

  record Chart(boolean present, int height, List<Bar> bars, List<Line> lines, List<Segment> stack, boolean hasStack, String stackTotal,
      int stackY, int stackLabelY, String scale, int axisY) {}

  record Bar(String label, String title, int y, int textY, int width, String verdictClass, String value, int valueX, boolean cut) {}

  record Line(int x, String label, int height, String kind) {}

  record Segment(int x, int width, String title, String shade) {}

  /**
   * @param shareNote when the failure spends none of the budget (users do not see it, or its
   *     component is unused), why: the share is then what it would cost, and shown as such
   */
  record Row(String id, String anchor, String system, String component, String mode, String description, String verdict,
      String verdictClass, String status, String share, String shareNote, String shareSort, String perWindow, String where, String href,
      List<ReasonView> reasons, List<RemedyView> remediations, String budget, String violation, String effect, String userImpact,
      WaiverView waiver) {}

  record WaiverView(String reason, String owner, String expires, boolean expired) {}

  record ReasonView(String label, String message, String rule) {}

  record RemedyView(String type, String text, String source) {}

  record FindingView(String kind, String id, String where, String message, String rule, boolean rejected) {}

  static View view(Report report, Judgement judgement, int rowsPerRun, int rowsAhead) {
    List<Result> results = report.results();
    Row[] rows = new Row[results.size()];
    java.util.Set<String> unused = unusedComponents(report);
    java.util.Set<String> expired = Reports.expiredWaivers(report);
    EachIndex.run(rows.length, i -> rows[i] = row(results.get(i), judgement, unused, expired));
    List<Row> allRows = Arrays.asList(rows);
    Map<String, List<Result>> byFile = Reports.resultsByFile(report);
    Iterable<String> systems = RenderAhead.lazily(report.catalogues(), SYSTEMS_PER_RUN, SYSTEMS_AHEAD,
        run -> render(SYSTEM, run.stream().map(c -> system(c, byFile.getOrDefault(c.file(), List.of()))).toList()));
    List<FindingView> findings = report.findings().stream().map(f -> new FindingView(f.kind(), f.id(), f.location().toString(),
        f.message(), f.rule(), judgement.violation(f).isPresent())).toList();
    List<Disabled> disabled = report.disabled().stream().map(d -> new Disabled(d.rule(), d.by(), d.reason())).toList();
    String packs = String.join(", ", report.packs().stream().map(p -> p.id() + " " + p.version()).toList());
    return new View(report.toolVersion(), packs, report.summary(), disabled, systems,
        RenderAhead.lazily(allRows, rowsPerRun, rowsAhead, run -> render(ROW, run)),
        RenderAhead.lazily(allRows, rowsPerRun, rowsAhead, run -> render(DETAILS, run)),
        findings, !findings.isEmpty(), !disabled.isEmpty(), judgement.violations().size());
  }

  /** {@code template} written for each of {@code scopes} in turn, as one run of HTML. */
  private static String render(Mustache template, List<?> scopes) {
    TextWriter html = new TextWriter();
    for (Object scope : scopes) {
      template.execute(html, scope);
    }
    return html.toString();
  }

  /** The components of every file whose usage is unused, by system and name. */
  private static java.util.Set<String> unusedComponents(Report report) {
    java.util.Set<String> unused = new java.util.HashSet<>();
    for (Catalogue catalogue : report.catalogues()) {
      for (Component component : catalogue.components()) {
        if (component.usage() == dev.failmode.model.Usage.UNUSED) {
          unused.add(catalogue.name() + '\u0000' + component.name());
        }
      }
    }
    return unused;
  }

  private static SystemView system(Catalogue catalogue, List<Result> results) {
    Budget any = results.stream().map(Result::budget).filter(Objects::nonNull).findFirst().orElse(null);
    Map<String, List<Result>> byComponent = Reports.resultsByComponent(results);
    List<ComponentView> components = new ArrayList<>();
    for (Component component : catalogue.components()) {
      components.add(component(component, Summary.of(byComponent.getOrDefault(component.name(), List.of()), List.of())));
    }
    return new SystemView(catalogue.name(), anchor("system-" + catalogue.name() + "-" + catalogue.file()), catalogue.file(),
        catalogue.metadata().description(), catalogue.metadata().owner(),
        catalogue.slo() == null ? "none declared" : catalogue.slo().toString(),
        any == null ? "" : any.budgetArithmetic(), Summary.of(results, List.of()),
        components, chart(results, catalogue.components().stream().filter(c -> c.usage() == dev.failmode.model.Usage.UNUSED)
            .map(Component::name).collect(java.util.stream.Collectors.toSet())));
  }

  private static ComponentView component(Component component, Summary counts) {
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
    int total = Math.max(1, counts.failureModes());
    int ok = 200 * counts.okToBreak() / total;
    int notOk = 200 * counts.notOk() / total;
    int unclassified = counts.unclassified() == 0 ? 0 : 200 - ok - notOk;
    return new ComponentView(component.name(), String.join(" · ", traits), counts.okToBreak(), counts.notOk(), counts.unclassified(),
        ok, notOk, unclassified, ok, ok + notOk);
  }

  /**
   * A bar per user-facing failure mode with a budget, largest share first, and the OK TO BREAK ones
   * stacked. Those of unused components spend none of it, as the rules count (many small OKs adding
   * up leaves them out), and are not drawn.
   */
  private static Chart chart(List<Result> results, java.util.Set<String> unusedComponents) {
    List<Result> spending = results.stream()
        .filter(r -> r.budget() != null && r.mode().userImpact() != null && r.mode().userImpact().isUserFacing()
            && !unusedComponents.contains(r.mode().component()))
        .sorted(Comparator.comparing((Result r) -> r.budget().share()).reversed().thenComparing(Result::id))
        .toList();
    if (spending.isEmpty()) {
      return new Chart(false, 0, List.of(), List.of(), List.of(), false, "", 0, 0, "", 0);
    }
    List<Result> oks = spending.stream().filter(r -> r.verdict() == Decision.OK_TO_BREAK).toList();
    BigDecimal stackTotal = Budgets.sum(oks.stream().map(r -> r.budget().share()).toList()); // as the over-budget rule adds them
    BigDecimal largest = spending.get(0).budget().share().max(stackTotal);
    BigDecimal scale = largest.max(BigDecimal.ONE).min(CHART_CAP);
    int rowHeight = 24;
    List<Bar> bars = new ArrayList<>();
    int y = 8;
    for (Result r : spending) {
      BigDecimal share = r.budget().share();
      boolean cut = share.compareTo(scale) > 0;
      int width = Math.max(2, px(share.min(scale), scale));
      String full = r.mode().component() + "/" + r.mode().id();
      String label = full.length() > 38 ? full.substring(0, 37) + "…" : full;
      bars.add(new Bar(label, full + ": " + Text.percent(share) + " of the budget (" + r.budget().arithmetic() + ")", y, y + 15, width,
          css(r.verdict()), Text.percent(share) + (cut ? " ›" : ""), 262 + width + 6, cut));
      y += rowHeight;
    }
    List<Segment> stack = new ArrayList<>();
    int x = 0;
    for (Result r : oks) {
      int width = Math.max(1, px(r.budget().share(), scale));
      if (x + width > BAR_AREA) {
        width = Math.max(0, BAR_AREA - x);
      }
      stack.add(new Segment(262 + x, width, r.mode().component() + "/" + r.mode().id() + ": " + Text.percent(r.budget().share()),
          stack.size() % 2 == 0 ? "stack-a" : "stack-b"));
      x += width;
    }
    int stackY = y + 14;
    int height = oks.isEmpty() ? y + 26 : stackY + 46;
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(262 + px(new BigDecimal("0.25"), scale), "25%", height - 18, "limit"));
    lines.add(new Line(262 + px(BigDecimal.ONE, scale), "100% of the budget", height - 18, "budget"));
    return new Chart(true, height, bars, lines, stack, !oks.isEmpty(), Text.percent(stackTotal), stackY, stackY + 15,
        "bars are drawn to " + Text.percent(scale) + " of the budget", height - 4);
  }

  /**
   * Pixels for a share of the chart's scale, to the nearest, half a pixel up. Shares are rounded
   * quotients, so one that is exactly half a pixel past a whole one (133.93% of a 300% scale is
   * 187.5 px) comes out a hair either side of it; rounded to nine places first, it is a half.
   */
  static int px(BigDecimal share, BigDecimal scale) {
    return share.multiply(BigDecimal.valueOf(BAR_AREA)).divide(scale, 9, RoundingMode.HALF_UP).setScale(0, RoundingMode.HALF_UP)
        .intValue();
  }

  private static Row row(Result r, Judgement judgement, java.util.Set<String> unusedComponents, java.util.Set<String> expiredWaivers) {
    Budget b = r.budget();
    String unspent = b == null ? "" : Reports.unspent(r, unusedComponents.contains(r.mode().system() + '\u0000' + r.mode().component()));
    List<ReasonView> reasons = new ArrayList<>();
    for (Reason reason : r.reasons()) {
      reasons.add(new ReasonView(reason.vote() == null ? "note" : "why", reason.message(), reason.rule()));
    }
    List<RemedyView> remedies = new ArrayList<>();
    for (Suggestion s : r.remediations()) {
      remedies.add(new RemedyView(Wire.name(s.type()), s.text(), s.declared() ? "declared, " + Wire.name(s.status()) : s.rule()));
    }
    String violation = String.join(", ", judgement.violations(r).stream().map(v -> v.kind().toString()).toList());
    return new Row(r.id(), anchor("mode-" + r.id()), r.mode().system(), r.mode().component(), r.mode().id(), r.mode().description(),
        r.verdict().label(), css(r.verdict()), r.status() == null ? "" : Wire.name(r.status()),
        b == null ? "" : Text.percent(b.share()), unspent.isEmpty() ? "" : unspent.substring(0, unspent.indexOf(';')),
        b == null ? "-1" : unspent.isEmpty() ? b.share().toPlainString() : "0",
        b == null ? "" : Text.minutes(b.minutesPerWindow()), r.location().toString(), r.location().file(), reasons, remedies,
        b == null ? "" : unspent + b.arithmetic(), violation, r.mode().effect() == null ? "" : Wire.name(r.mode().effect()),
        r.mode().userImpact() == null ? "" : Wire.name(r.mode().userImpact()),
        r.mode().waiver() == null ? null : new WaiverView(r.mode().waiver().reason(), r.mode().waiver().owner(),
            r.mode().waiver().expires().toString(), expiredWaivers.contains(r.id())));
  }

  private static String css(Decision decision) {
    return switch (decision) {
      case OK_TO_BREAK -> "ok";
      case NOT_OK -> "notok";
      case UNCLASSIFIED -> "unclassified";
    };
  }

  /**
   * An id attribute value, one per text: the text as it is (HTML ids may hold any character but
   * whitespace, and failure-mode ids are unique), with whitespace, '%' and '#' percent-encoded, so
   * that it is also a link's fragment. Folding it to lower-case letters and dashes made
   * {@code a-b/c/d} and {@code a/b-c/d} one anchor, and a link opened the other's details.
   */
  static String anchor(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '%' || c == '#') {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

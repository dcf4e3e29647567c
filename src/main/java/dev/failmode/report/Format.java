package dev.failmode.report;

import java.util.Locale;

/**
 * The output formats of {@code classify} and {@code check}. Each constant creates its writer,
 * so the CLI's help lists exactly the formats there are.
 */
public enum Format {
  /** Grouped like the seed: the OK TO BREAK and NOT OK lists per component, for people at a terminal. */
  TEXT(TextReport::new),
  /** The shape of cli.md, for scripts. */
  JSON(() -> JsonReport.json()),
  /** The same as json, as YAML. */
  YAML(() -> JsonReport.yaml()),
  /** A risk review for GitHub Markdown: lists, a budget table, the remediation plan. */
  MARKDOWN(MarkdownReport::new),
  /** A risk review as one self-contained HTML file with charts, a sortable table and details. */
  HTML(HtmlReport::new),
  /** SARIF 2.1.0, for code scanning. */
  SARIF(SarifReport::new),
  /** JUnit XML: a test suite per file, a test case per failure mode. */
  JUNIT(JunitReport::new),
  /** GitHub Actions workflow commands: an annotation per violation. */
  GITHUB(GithubReport::new),
  /** One row per failure mode with FMEA-style ratings. */
  CSV(CsvReport::new);

  private final java.util.function.Supplier<ReportWriter> writer;

  Format(java.util.function.Supplier<ReportWriter> writer) {
    this.writer = writer;
  }

  public ReportWriter writer() {
    return writer.get();
  }

  /** The name used on the command line: {@code text}, {@code json}... */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * What the format says when bad input stopped the run and there is no report: the github
   * format's error annotations at each problem's line, a SARIF log of them as error results, and
   * JUnit XML of them as test cases in error; nothing for the others (the problems are on standard error, located, for every format).
   */
  public java.util.Optional<String> problems(java.util.List<dev.failmode.model.Problem> problems, String summary, String toolVersion) {
    return switch (this) {
      case GITHUB -> java.util.Optional.of(GithubReport.problems(problems, summary));
      case SARIF -> java.util.Optional.of(SarifReport.problems(problems, summary, toolVersion));
      case JUNIT -> java.util.Optional.of(JunitReport.problems(problems, summary));
      default -> java.util.Optional.empty();
    };
  }

  /** The usual file extension of the format. */
  public String extension() {
    return switch (this) {
      case TEXT -> "txt";
      case MARKDOWN -> "md";
      case HTML -> "html";
      case JUNIT -> "xml";
      case GITHUB -> "txt";
      default -> toString();
    };
  }
}

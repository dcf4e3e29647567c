package dev.failmode.report;

import dev.failmode.model.Catalogue;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What several formats need from a report, worked out once rather than once per file. */
final class Reports {
  private Reports() {}

  /** The results of each file, in the report's order: formats that go file by file must not scan every result for each file. */
  static Map<String, List<Result>> resultsByFile(Report report) {
    Map<String, List<Result>> byFile = new LinkedHashMap<>();
    for (Result result : report.results()) {
      byFile.computeIfAbsent(result.location().file(), file -> new ArrayList<>()).add(result);
    }
    return byFile;
  }

  /** The results of each component of one file, in their order: a file's components must not scan every result of it each. */
  static Map<String, List<Result>> resultsByComponent(List<Result> results) {
    Map<String, List<Result>> byComponent = new HashMap<>();
    for (Result result : results) {
      byComponent.computeIfAbsent(result.mode().component(), name -> new ArrayList<>()).add(result);
    }
    return byComponent;
  }

  /** How the NOT OK failure modes stand, for a summary line: {@code " (2 mitigated, 1 waived, 5 open)"}; empty when none has a status. */
  static String statuses(Report report) {
    java.util.Map<dev.failmode.model.Status, Long> counts = new java.util.EnumMap<>(dev.failmode.model.Status.class);
    for (Result result : report.results()) {
      if (result.status() != null) {
        counts.merge(result.status(), 1L, Long::sum);
      }
    }
    return counts.isEmpty() ? "" : counts.entrySet().stream().map(e -> e.getValue() + " " + dev.failmode.model.Wire.name(e.getKey()))
        .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
  }

  /** The ids of the failure modes whose waiver expired, as the findings say. */
  static java.util.Set<String> expiredWaivers(Report report) {
    java.util.Set<String> expired = new java.util.HashSet<>();
    for (dev.failmode.model.Finding finding : report.findings()) {
      if (finding.kind().equals(dev.failmode.model.Finding.EXPIRED_WAIVER)) {
        expired.add(finding.id());
      }
    }
    return expired;
  }

  /**
   * What a budget line says before the arithmetic of a failure that spends none of the budget, as
   * the rules count it: one in an unused component (nothing relies on it), one users do not see
   * (user impact none); empty for one that spends it. The figures then say what it would cost.
   */
  static String unspent(Result result, boolean unusedComponent) {
    if (unusedComponent) {
      return "none spent while the component is unused; if it were used: ";
    }
    if (result.mode().userImpact() != null && !result.mode().userImpact().isUserFacing()) {
      return "none spent while users see nothing; if they did: ";
    }
    return "";
  }

  /** Writes a file's part of a text report. */
  interface FilePart {
    void write(StringBuilder text, Catalogue catalogue, List<Result> results);
  }

  /** Files whose parts are rendered ahead of the one being written. */
  private static final int FILES_AHEAD = 16;

  /**
   * Each file's part of a text report, in the report's order of files: rendered on both cores a
   * batch ahead and written as it is done, so that memory holds a batch and not the report (one
   * text of a whole 100,000-mode report took 560-810 MB, a UTF-16 copy once a dash is in it).
   */
  static void writeEachFile(Report report, Writer out, FilePart part) throws IOException {
    Map<String, List<Result>> byFile = resultsByFile(report);
    RenderAhead.inOrder(report.catalogues(), 1, FILES_AHEAD, files -> {
      StringBuilder text = new StringBuilder();
      for (Catalogue catalogue : files) {
        part.write(text, catalogue, byFile.getOrDefault(catalogue.file(), List.of()));
      }
      return text.toString();
    }, out::write);
  }
}

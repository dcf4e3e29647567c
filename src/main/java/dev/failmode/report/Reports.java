package dev.failmode.report;

import dev.failmode.model.Report;
import dev.failmode.model.Result;
import java.util.ArrayList;
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
}

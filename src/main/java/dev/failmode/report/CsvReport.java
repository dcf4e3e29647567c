package dev.failmode.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.failmode.model.Budget;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Text;
import dev.failmode.model.Wire;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per failure mode, in the columns of an FMEA worksheet: what fails and how, its
 * severity, occurrence and detection ratings and their risk priority number (see {@link Fmea}),
 * the budget arithmetic, and the verdict with the rules that decided it. RFC 4180, with cells
 * that a spreadsheet would run as a formula prefixed with an apostrophe.
 */
final class CsvReport implements ReportWriter {
  static final List<String> COLUMNS = List.of("id", "file", "line", "system", "component", "failure_mode", "description", "effect",
      "phase", "cause", "user_impact", "detection", "blast_radius", "duration", "frequency", "severity", "occurrence",
      "detection_rating", "rpn", "minutes_per_occurrence", "minutes_per_window", "budget_minutes", "budget_share", "verdict",
      "status", "decided_by", "reasons", "remediations", "packs");

  /** Rows per run rendered on the pool, and per batch rendered ahead. */
  private static final int ROWS_PER_RUN = 128;
  private static final int ROWS_AHEAD = 4_096;

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    Report report = rendering.report();
    CsvSchema.Builder columns = CsvSchema.builder().setLineSeparator("\n");
    COLUMNS.forEach(columns::addColumn);
    CsvSchema schema = columns.build();
    String packs = String.join(" ", report.packs().stream().map(p -> p.id() + "@" + p.version()).toList());
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
    mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    ObjectWriter rows = mapper.writer(schema).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    out.write(rows.writeValueAsString(COLUMNS)); // the header, a row of the columns' names
    // each run of rows on the pool: a row's cells and quoting depend on nothing around it
    RenderAhead.inOrder(report.results(), ROWS_PER_RUN, ROWS_AHEAD, run -> {
      TextWriter text = new TextWriter();
      try (SequenceWriter sequence = rows.writeValues(text)) {
        for (Result result : run) {
          sequence.write(row(result, packs));
        }
      }
      return text.toString();
    }, out::write);
  }

  static List<String> row(Result r, String packs) {
    Budget b = r.budget();
    Fmea fmea = Fmea.of(r.mode());
    List<String> cells = new ArrayList<>();
    cells.add(r.id());
    cells.add(safe(r.location().file()));
    cells.add(Integer.toString(r.location().line()));
    cells.add(safe(r.mode().system()));
    cells.add(safe(r.mode().component()));
    cells.add(r.mode().id());
    cells.add(safe(r.mode().description()));
    cells.add(wire(r.mode().effect()));
    cells.add(wire(r.mode().phase()));
    cells.add(wire(r.mode().cause()));
    cells.add(wire(r.mode().userImpact()));
    cells.add(wire(r.mode().detection()));
    cells.add(wire(r.mode().blastRadius()));
    cells.add(r.mode().duration() == null ? "" : Text.duration(r.mode().duration()));
    cells.add(r.mode().frequency() == null ? "" : r.mode().frequency().toString());
    cells.add(rating(fmea.severity()));
    cells.add(rating(fmea.occurrence()));
    cells.add(rating(fmea.detection()));
    cells.add(rating(fmea.rpn()));
    cells.add(b == null ? "" : Text.rounded(b.minutesPerOccurrence()).toPlainString());
    cells.add(b == null ? "" : Text.rounded(b.minutesPerWindow()).toPlainString());
    cells.add(b == null ? "" : Text.rounded(b.budgetMinutes()).toPlainString());
    cells.add(b == null ? "" : Text.rounded(b.share()).toPlainString());
    cells.add(r.verdict().name());
    cells.add(r.status() == null ? "" : Wire.name(r.status()));
    cells.add(String.join(" ", r.decidingRules()));
    cells.add(safe(String.join(" | ", r.reasons().stream().map(Reason::message).toList())));
    cells.add(safe(String.join(" | ", r.remediations().stream()
        .map(s -> Wire.name(s.type()) + ": " + s.text() + (s.declared() ? " (declared, " + Wire.name(s.status()) + ")" : "")).toList())));
    cells.add(packs);
    return cells;
  }

  private static String wire(Enum<?> value) {
    return value == null ? "" : Wire.name(value);
  }

  private static String rating(Integer value) {
    return value == null ? "" : value.toString();
  }

  /** Text from a file, defused for spreadsheets: a cell that starts like a formula is prefixed with an apostrophe. */
  static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
  }
}

package dev.failmode.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.failmode.model.Budget;
import dev.failmode.model.Finding;
import dev.failmode.model.PackRef;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Suggestion;
import dev.failmode.model.Summary;
import dev.failmode.model.Text;
import dev.failmode.model.Wire;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The JSON report scripts read: the shape of cli.md, in a fixed key order, numbers rounded to
 * four decimals, two-space indentation and a final newline, so outputs diff cleanly.
 */
final class JsonReport implements ReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public void write(Report report, Writer out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      json.setPrettyPrinter(printer);
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeStringField("name", "failmode");
      json.writeStringField("version", report.toolVersion());
      json.writeEndObject();
      json.writeArrayFieldStart("packs");
      for (PackRef pack : report.packs()) {
        json.writeStartObject();
        json.writeStringField("id", pack.id());
        json.writeStringField("version", pack.version());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("results");
      for (Result result : report.results()) {
        result(json, result);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("findings");
      for (Finding finding : report.findings()) {
        json.writeStartObject();
        json.writeStringField("kind", finding.kind());
        json.writeStringField("id", finding.id());
        json.writeStringField("file", finding.location().file());
        json.writeNumberField("line", finding.location().line());
        json.writeStringField("rule", finding.rule());
        json.writeStringField("message", finding.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      Summary summary = report.summary();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("failureModes", summary.failureModes());
      json.writeNumberField("okToBreak", summary.okToBreak());
      json.writeNumberField("notOk", summary.notOk());
      json.writeNumberField("unclassified", summary.unclassified());
      json.writeNumberField("findings", summary.findings());
      json.writeEndObject();
      json.writeEndObject();
    }
    out.write('\n');
  }

  private static void result(JsonGenerator json, Result result) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", result.id());
    json.writeStringField("file", result.location().file());
    json.writeNumberField("line", result.location().line());
    json.writeStringField("system", result.mode().system());
    json.writeStringField("component", result.mode().component());
    json.writeStringField("failureMode", result.mode().id());
    json.writeStringField("description", result.mode().description());
    json.writeStringField("effect", Wire.name(result.mode().effect()));
    json.writeStringField("verdict", result.verdict().name());
    json.writeStringField("status", result.status() == null ? null : result.status().name().toLowerCase(Locale.ROOT));
    json.writeArrayFieldStart("reasons");
    for (Reason reason : result.reasons()) {
      json.writeStartObject();
      json.writeStringField("rule", reason.rule());
      json.writeStringField("vote", reason.vote() == null ? null : reason.vote().name());
      json.writeStringField("message", reason.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("remediations");
    for (Suggestion s : result.remediations()) {
      json.writeStartObject();
      json.writeStringField("type", Wire.name(s.type()));
      json.writeStringField("text", s.text());
      json.writeStringField("rule", s.rule());
      json.writeBooleanField("declared", s.declared());
      if (s.declared()) {
        json.writeStringField("status", Wire.name(s.status()));
        if (s.ref() != null) {
          json.writeStringField("ref", s.ref());
        }
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    Budget budget = result.budget();
    if (budget != null) {
      json.writeObjectFieldStart("budget");
      json.writeNumberField("minutesPerOccurrence", Text.rounded(budget.minutesPerOccurrence()));
      json.writeNumberField("occurrencesPerWindow", Text.rounded(budget.occurrencesPerWindow()));
      json.writeBooleanField("frequencyAssumed", budget.frequencyAssumed());
      json.writeNumberField("minutesPerWindow", Text.rounded(budget.minutesPerWindow()));
      json.writeNumberField("budgetMinutes", Text.rounded(budget.budgetMinutes()));
      json.writeNumberField("occurrenceShare", Text.rounded(budget.occurrenceShare()));
      json.writeNumberField("share", Text.rounded(budget.share()));
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}

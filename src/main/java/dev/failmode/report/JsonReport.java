package dev.failmode.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
import dev.failmode.policy.FailOn;
import dev.failmode.policy.Judgement;
import dev.failmode.policy.Violation;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The report scripts read, as JSON or YAML: the shape of cli.md in a fixed key order, numbers
 * rounded to four decimals, and a {@code policy} block with what the check rejects. JSON is
 * indented by two spaces and ends with a newline, so outputs diff cleanly.
 */
final class JsonReport implements ReportWriter {
  private final JsonFactory factory;

  private JsonReport(JsonFactory factory) {
    this.factory = factory;
  }

  static JsonReport json() {
    return new JsonReport(new JsonFactory());
  }

  static JsonReport yaml() {
    return new JsonReport(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .build());
  }

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    Report report = rendering.report();
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      if (!(factory instanceof YAMLFactory)) {
        json.setPrettyPrinter(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
      }
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
      json.writeArrayFieldStart("disabled");
      for (var off : report.disabled()) {
        json.writeStartObject();
        json.writeStringField("rule", off.rule());
        json.writeStringField("by", off.by());
        json.writeStringField("reason", off.reason());
        json.writeStringField("file", off.location().file());
        json.writeNumberField("line", off.location().line());
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
      policy(json, rendering.judgement());
      json.writeEndObject();
    }
    if (!(factory instanceof YAMLFactory)) {
      out.write('\n');
    }
  }

  private static void policy(JsonGenerator json, Judgement judgement) throws IOException {
    json.writeObjectFieldStart("policy");
    json.writeArrayFieldStart("failOn");
    for (FailOn kind : FailOn.values()) {
      if (judgement.failOn().contains(kind)) {
        json.writeString(kind.toString());
      }
    }
    json.writeEndArray();
    json.writeBooleanField("passed", judgement.passed());
    violations(json, "violations", judgement.violations());
    violations(json, "acceptedByBaseline", judgement.accepted());
    json.writeEndObject();
  }

  private static void violations(JsonGenerator json, String name, List<Violation> violations) throws IOException {
    json.writeArrayFieldStart(name);
    for (Violation v : violations) {
      json.writeStartObject();
      json.writeStringField("kind", v.kind().toString());
      json.writeStringField("id", v.id());
      json.writeStringField("file", v.location().file());
      json.writeNumberField("line", v.location().line());
      json.writeStringField("rule", v.rule());
      json.writeStringField("message", v.message());
      json.writeEndObject();
    }
    json.writeEndArray();
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
    json.writeArrayFieldStart("decidedBy");
    for (String rule : result.decidingRules()) {
      json.writeString(rule);
    }
    json.writeEndArray();
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

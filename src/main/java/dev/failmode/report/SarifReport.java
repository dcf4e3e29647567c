package dev.failmode.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Location;
import dev.failmode.model.PackRef;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.RuleDoc;
import dev.failmode.model.Wire;
import dev.failmode.policy.Judgement;
import dev.failmode.policy.Violation;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs). One reporting descriptor per rule
 * of the packs, with its help; one result per failure mode and per finding: {@code error} where
 * the policy rejects it, {@code warning} where a baseline accepted it, {@code note} for a NOT OK the
 * policy lets through (mitigated, waived, planned).
 * A failure mode that is OK TO BREAK is a {@code pass} (level none), one no rule decided and the
 * policy does not reject is a {@code review}. Results point at file:line:column with URIs relative to the working directory (base id
 * {@code %SRCROOT%}), and carry fingerprints so that code scanning can follow them across runs.
 */
final class SarifReport implements ReportWriter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    write(rendering, out, RESULTS_PER_RUN);
  }

  /** The same report, its results rendered {@code resultsPerRun} to a run (tests vary it). */
  static void write(Rendering rendering, Writer out, int resultsPerRun) throws IOException {
    Report report = rendering.report();
    Judgement judgement = rendering.judgement();
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < report.rules().size(); i++) {
      ruleIndex.put(report.rules().get(i).id(), i);
    }
    try (JsonGenerator json = generator(out)) {
      startRun(json);
      tool(json, report);
      uriBase(json);
      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      json.writeBooleanField("executionSuccessful", true);
      if (!report.disabled().isEmpty()) {
        // rules the project switched off, with who and why, where SARIF puts configuration
        json.writeArrayFieldStart("ruleConfigurationOverrides");
        for (var off : report.disabled()) {
          json.writeStartObject();
          json.writeObjectFieldStart("descriptor");
          json.writeStringField("id", off.rule());
          if (ruleIndex.containsKey(off.rule())) {
            json.writeNumberField("index", ruleIndex.get(off.rule()));
          }
          json.writeEndObject();
          json.writeObjectFieldStart("configuration");
          json.writeBooleanField("enabled", false);
          json.writeObjectFieldStart("parameters");
          json.writeStringField("disabledBy", off.by());
          json.writeStringField("reason", off.reason());
          json.writeEndObject();
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("results");
      boolean passFlush = json.isEnabled(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM); // each run flushes the generator into out, not out itself
      writeInRuns(json, out, report.results(), resultsPerRun, (results, result) -> result(results, result, judgement, ruleIndex));
      writeInRuns(json, out, report.findings(), resultsPerRun, (results, finding) -> finding(results, finding, judgement, ruleIndex));
      json.configure(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM, passFlush);
      json.writeEndArray();
      json.writeStringField("columnKind", "unicodeCodePoints");
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }

  /** The rule a problem that stopped the run is reported under, in the SARIF of bad input. */
  static final String BAD_INPUT = "failmode/bad-input";

  /**
   * A SARIF log for a run that bad input stopped (exit 2): an unsuccessful invocation saying why,
   * and each problem as an error result at its file, line and column, so that code scanning shows a
   * pull request's typo where it is, and an upload step has a file to upload.
   */
  static String problems(List<dev.failmode.model.Problem> problems, String summary, String version) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator json = generator(text)) {
      startRun(json);
      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", "failmode");
      json.writeStringField("version", version);
      json.writeArrayFieldStart("rules");
      json.writeStartObject();
      json.writeStringField("id", BAD_INPUT);
      json.writeObjectFieldStart("shortDescription");
      json.writeStringField("text", "A failure-mode file, project file or rule pack that failmode cannot use");
      json.writeEndObject();
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeStringField("level", "error");
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      uriBase(json);
      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      json.writeBooleanField("executionSuccessful", false);
      json.writeNumberField("exitCode", 2);
      json.writeArrayFieldStart("toolExecutionNotifications");
      json.writeStartObject();
      json.writeStringField("level", "error");
      json.writeObjectFieldStart("message");
      json.writeStringField("text", summary);
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("results");
      for (dev.failmode.model.Problem problem : problems) {
        Location at = problem.location();
        json.writeStartObject();
        json.writeStringField("ruleId", BAD_INPUT);
        json.writeNumberField("ruleIndex", 0);
        json.writeStringField("level", "error");
        json.writeObjectFieldStart("message");
        json.writeStringField("text", at.line() > 0 ? problem.detail() : problem.toString());
        json.writeEndObject();
        if (at.line() > 0) {
          locations(json, at);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
    }
    return text + "\n";
  }

  /** The log's header and the start of its one run. */
  private static void startRun(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("$schema", SCHEMA);
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
  }

  /** The base every result's path is relative to: the working directory. */
  private static void uriBase(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("originalUriBaseIds");
    json.writeObjectFieldStart("%SRCROOT%");
    json.writeObjectFieldStart("description");
    json.writeStringField("text", "The working directory failmode ran in; every path is relative to it.");
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = new JsonFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.setPrettyPrinter(new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    return json;
  }

  /** Writes one item of the results array. */
  private interface Item<T> {
    void write(JsonGenerator json, T item) throws IOException;
  }

  /** Results per run rendered on the pool, and per batch rendered ahead. */
  static final int RESULTS_PER_RUN = 128;
  private static final int RESULTS_AHEAD = 4_096;
  /** A raw value of no text: written, it puts down the separator and indentation before the array's next value. */
  private static final SerializableString NOTHING = new SerializedString("");

  /**
   * Writes items of the results array in runs rendered on the pool (a 100,000-mode report took a
   * second on one thread). Each run is written by a generator of its own, first taken as deep into
   * a document as the results array is, so that it indents and separates its items as the
   * report's generator would; the report's generator puts down the separator before each run, as
   * before a raw value, and the run goes to {@code out}, the generator's writer. The text is the same as the items written one by one
   * ({@code ParallelRenderingTest} holds it so).
   */
  private static <T> void writeInRuns(JsonGenerator json, Writer out, List<T> items, int perRun, Item<T> item) throws IOException {
    RenderAhead.inOrder(items, perRun, Math.max(perRun, RESULTS_AHEAD), run -> {
      TextWriter text = new TextWriter();
      try (JsonGenerator results = generator(text)) {
        results.writeStartObject(); // the document, its runs, the run, its results
        results.writeArrayFieldStart("runs");
        results.writeStartObject();
        results.writeArrayFieldStart("results");
        results.flush();
        int start = text.length();
        for (T t : run) {
          item.write(results, t);
        }
        results.flush();
        return text.from(start).stripLeading(); // the indentation before the first item is the report's to write
      }
    }, rendered -> {
      json.writeRawValue(NOTHING);
      json.flush();
      out.write(rendered); // past the generator, which would copy it through its buffer a few thousand characters at a time
    });
  }

  private static void tool(JsonGenerator json, Report report) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "failmode");
    json.writeStringField("version", report.toolVersion());
    if (report.toolVersion().matches("\\d+\\.\\d+\\.\\d+.*")) {
      json.writeStringField("semanticVersion", report.toolVersion());
    }
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField("text", "Sorts failure modes into OK TO BREAK and NOT OK with Drools rule packs, with reasons and remediations.");
    json.writeEndObject();
    json.writeArrayFieldStart("rules");
    for (RuleDoc rule : report.rules()) {
      descriptor(json, rule);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("extensions");
    for (PackRef pack : report.packs()) {
      json.writeStartObject();
      json.writeStringField("name", pack.id());
      json.writeStringField("version", pack.version());
      json.writeObjectFieldStart("properties");
      json.writeStringField("kind", "failmode rule pack");
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void descriptor(JsonGenerator json, RuleDoc rule) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", rule.id());
    json.writeStringField("name", pascal(rule.id()));
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", sentence(rule.title().isBlank() ? rule.id() : rule.title()));
    json.writeEndObject();
    json.writeObjectFieldStart("fullDescription");
    json.writeStringField("text", sentence(rule.description().isBlank() ? rule.title() : rule.description()));
    json.writeEndObject();
    String help = sentence(rule.description().isBlank() ? rule.title() : rule.description())
        + (rule.remediation().isBlank() ? "" : " Remediation: " + sentence(rule.remediation()));
    json.writeObjectFieldStart("help");
    json.writeStringField("text", help);
    json.writeStringField("markdown", "**" + Markdown.text(rule.title()) + "**\n\n" + Markdown.text(rule.description())
        + (rule.remediation().isBlank() ? "" : "\n\n*Remediation:* " + Markdown.text(rule.remediation())));
    json.writeEndObject();
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", rule.kind().equals("verdict") || rule.kind().equals("finding") ? "error" : "note");
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("pack", rule.pack());
    if (!rule.kind().isBlank()) {
      json.writeStringField("kind", rule.kind());
    }
    json.writeArrayFieldStart("tags");
    json.writeString("failmode");
    if (!rule.pack().equals("failmode")) {
      json.writeString(rule.pack());
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void result(JsonGenerator json, Result result, Judgement judgement, Map<String, Integer> ruleIndex) throws IOException {
    List<Violation> violations = judgement.violations(result);
    // SARIF: a result that is not a failure has level none and says what it is instead
    String kind = !violations.isEmpty() || judgement.accepted(result) || result.verdict() == Decision.NOT_OK ? "fail"
        : result.verdict() == Decision.OK_TO_BREAK ? "pass" : "review";
    String level = !violations.isEmpty() ? "error" : judgement.accepted(result) ? "warning" : kind.equals("fail") ? "note" : "none";
    String rule = result.decidingRules().stream().findFirst()
        .orElse(result.reasons().stream().map(Reason::rule).filter(r -> r.equals(RuleDoc.NO_RULE_DECIDED.id())).findFirst()
            .orElse(RuleDoc.NO_RULE_DECIDED.id()));
    StringBuilder message = new StringBuilder(result.id()).append(" is ").append(result.verdict().label());
    if (result.status() != null) {
      message.append(" (").append(Wire.name(result.status())).append(')');
    }
    Reason first = result.reasons().stream().filter(r -> r.rule().equals(rule)).findFirst().orElse(null);
    if (first != null) {
      message.append(": ").append(first.message());
    }
    message.append('.');
    for (Violation v : violations) {
      message.append(" Fails the check: ").append(v.kind()).append('.');
    }
    json.writeStartObject();
    json.writeStringField("ruleId", rule);
    if (ruleIndex.containsKey(rule)) {
      json.writeNumberField("ruleIndex", ruleIndex.get(rule));
    }
    json.writeStringField("level", level);
    json.writeStringField("kind", kind);
    json.writeObjectFieldStart("message");
    json.writeStringField("text", message.toString());
    json.writeEndObject();
    locations(json, result.location());
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("failmodeId/v1", result.id());
    json.writeEndObject();
    if (judgement.baselined()) {
      baselineState(json, !violations.isEmpty(), judgement.accepted(result));
    }
    json.writeObjectFieldStart("properties");
    json.writeStringField("verdict", result.verdict().name());
    if (result.status() != null) {
      json.writeStringField("status", Wire.name(result.status()));
    }
    json.writeArrayFieldStart("decidedBy");
    for (String r : result.decidingRules()) {
      json.writeString(r);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void finding(JsonGenerator json, Finding finding, Judgement judgement, Map<String, Integer> ruleIndex) throws IOException {
    boolean rejected = judgement.violation(finding).isPresent();
    boolean accepted = judgement.accepted(finding);
    json.writeStartObject();
    json.writeStringField("ruleId", finding.rule());
    if (ruleIndex.containsKey(finding.rule())) {
      json.writeNumberField("ruleIndex", ruleIndex.get(finding.rule()));
    }
    json.writeStringField("level", rejected ? "error" : accepted ? "warning" : "note");
    json.writeObjectFieldStart("message");
    json.writeStringField("text", finding.kind() + " " + finding.id() + ": " + sentence(finding.message()));
    json.writeEndObject();
    locations(json, finding.location());
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField("failmodeId/v1", finding.kind() + " " + finding.id());
    json.writeEndObject();
    if (judgement.baselined()) {
      baselineState(json, rejected, accepted);
    }
    json.writeObjectFieldStart("properties");
    json.writeStringField("finding", finding.kind());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void baselineState(JsonGenerator json, boolean fresh, boolean accepted) throws IOException {
    if (fresh) {
      json.writeStringField("baselineState", "new");
    } else if (accepted) {
      json.writeStringField("baselineState", "unchanged");
    }
  }

  private static void locations(JsonGenerator json, Location location) throws IOException {
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", uri(location.file()));
    json.writeStringField("uriBaseId", "%SRCROOT%");
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", Math.max(1, location.line()));
    if (location.column() > 0) {
      json.writeNumberField("startColumn", location.column());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
  }

  /** A relative path as a URI reference: spaces and other characters percent-encoded, separators kept. */
  static String uri(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return path.replace(" ", "%20");
    }
  }

  /** SARIF asks messages to be sentences: end them with a period. */
  private static String sentence(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() || trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") ? trimmed : trimmed + ".";
  }

  /** {@code core/wrong-data-never-ok} becomes {@code CoreWrongDataNeverOk}. */
  private static String pascal(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.toString();
  }
}

package dev.failmode.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter.Indenter;
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
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The report scripts read, as JSON or YAML: the shape of cli.md in a fixed key order, numbers
 * rounded to four decimals, and a {@code policy} block with what the check rejects. JSON is
 * indented by two spaces and ends with a newline, so outputs diff cleanly.
 */
final class JsonReport implements ReportWriter {
  private final JsonFactory factory;
  /** Lists at least this long are rendered in parallel batches. */
  private final int parallelFrom;

  private JsonReport(JsonFactory factory, int parallelFrom) {
    this.factory = factory;
    this.parallelFrom = parallelFrom;
  }

  /** The same report, rendering lists in parallel from {@code size} items on (tests compare both ways). */
  JsonReport parallelFrom(int size) {
    return new JsonReport(factory, size);
  }

  static JsonReport json() {
    // as UTF-8 bytes, a character beyond the BMP (an emoji) is four bytes, as a Writer gives it,
    // not Jackson's default of an escaped surrogate pair
    return new JsonReport(JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build(), 64);
  }

  static JsonReport yaml() {
    return new JsonReport(yamlFactory(), 64);
  }

  /** The YAML the report writes: {@link Utf8Yaml} writes what a generator of this factory writes. */
  static YAMLFactory yamlFactory() {
    return YAMLFactory.builder()
        .stringQuotingChecker(YamlQuoting.INSTANCE)
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .build();
  }

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    if (factory instanceof YAMLFactory) {
      writeYaml(rendering, out);
      return;
    }
    try (JsonGenerator json = generator(factory.createGenerator(out))) {
      write(rendering, json);
    }
    out.write('\n');
  }

  @Override
  public void write(Rendering rendering, OutputStream out) throws IOException {
    if (factory instanceof YAMLFactory) {
      Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writeYaml(rendering, text);
      text.flush();
      return;
    }
    try (JsonGenerator json = generator(factory.createGenerator(out, JsonEncoding.UTF8))) {
      write(rendering, json);
    }
    out.write('\n');
  }

  /**
   * YAML. Jackson's YAML generator takes no raw values, so a report with a long list is written in
   * pieces, with the lines of the enclosing keys taken off; the runs of a long list are rendered in
   * parallel, by {@link Utf8Yaml}, and an item with a string whose style it does not decide by a
   * generator of its own nested as deep as the item lies (so that the emitter indents every line
   * itself, block scalars and line separators included). The text is that of one generator
   * writing it all.
   */
  private void writeYaml(Rendering rendering, Writer out) throws IOException {
    Report report = rendering.report();
    Judgement judgement = rendering.judgement();
    if (Math.max(report.results().size(), Math.max(judgement.violations().size(), judgement.accepted().size())) < parallelFrom) {
      try (JsonGenerator yaml = generator(factory.createGenerator(out))) {
        write(rendering, yaml);
      }
      return;
    }
    out.write(yamlPiece(List.of(), false, yaml -> head(yaml, report)));
    yamlList(out, List.of("results"), report.results(), JsonReport::result, JsonReport::result);
    out.write(yamlPiece(List.of(), false, yaml -> tail(yaml, report)));
    out.write(yamlPiece(List.of("policy"), false, yaml -> policyHead(yaml, judgement), 0));
    yamlList(out, List.of("policy", "violations"), judgement.violations(), JsonReport::violation, JsonReport::violation);
    yamlList(out, List.of("policy", "acceptedByBaseline"), judgement.accepted(), JsonReport::violation, JsonReport::violation);
  }

  /** What a YAML piece holds: fields of a mapping, or the items of a list. */
  private interface Piece {
    void write(JsonGenerator yaml) throws IOException;
  }

  /**
   * A list at {@code path}: whole when short, else its key and runs of items rendered in parallel,
   * by {@link Utf8Yaml} where it is sure of every scalar of a run, else by Jackson's generator.
   */
  private <T> void yamlList(Writer out, List<String> path, List<T> items, Item<T> item, BytesItem<T> bytesItem) throws IOException {
    List<String> parents = path.subList(0, path.size() - 1);
    if (items.size() < parallelFrom) {
      String key = path.get(path.size() - 1);
      out.write(yamlPiece(parents, false, yaml -> {
        yaml.writeArrayFieldStart(key);
        for (T t : items) {
          item.write(yaml, t);
        }
        yaml.writeEndArray();
      }));
      return;
    }
    out.write(yamlPiece(path, true, yaml -> {
      yaml.writeStartArray();
      item.write(yaml, items.get(0));
      yaml.writeEndArray();
    }, path.size() - 1).lines().findFirst().orElseThrow() + "\n"); // the key's own line
    // a buffer per thread for the list, which remembers the pieces its items share
    ThreadLocal<Utf8Yaml> buffers = ThreadLocal.withInitial(() -> new Utf8Yaml(65_536));
    inOrder(items, YAML_RUN, run -> yamlRun(path, run, item, bytesItem, buffers.get()), out::write);
  }

  /**
   * A run of the items of a list at {@code path}, as YAML lines: by {@link Utf8Yaml}, and an item
   * with a scalar it is not sure of by Jackson's generator.
   */
  private <T> String yamlRun(List<String> path, List<T> run, Item<T> item, BytesItem<T> bytesItem, Utf8Yaml yaml) {
    int level = path.size() + 1;
    yaml.reset();
    StringBuilder text = null;
    for (T t : run) {
      int start = yaml.size();
      yaml.item(level, false);
      bytesItem.write(yaml, t, level);
      if (yaml.unsure()) {
        yaml.truncate(start);
        text = (text == null ? new StringBuilder() : text).append(lines(yaml)).append(yamlPiece(path, true, generator -> {
          generator.writeStartArray();
          item.write(generator, t);
          generator.writeEndArray();
        }));
        yaml.reset();
      }
    }
    return text == null ? lines(yaml) : text.append(lines(yaml)).toString();
  }

  /** What {@code yaml} holds, lines that each start with their line break, as lines that each end with it. */
  private static String lines(Utf8Yaml yaml) {
    byte[] utf8 = yaml.toByteArray();
    return utf8.length == 0 ? "" : new String(utf8, 1, utf8.length - 1, StandardCharsets.UTF_8) + "\n";
  }

  /** {@code piece} written inside mappings of the keys of {@code path}, without their lines. */
  private String yamlPiece(List<String> path, boolean list, Piece piece) {
    return yamlPiece(path, list, piece, path.size());
  }

  /**
   * {@code piece} written inside mappings of the keys of {@code path} (the last key's value is the
   * piece itself when it is a {@code list}), with the first {@code keyLines} lines taken off: the
   * enclosing keys' own, a line each, as the piece is never empty.
   */
  private String yamlPiece(List<String> path, boolean list, Piece piece, int keyLines) {
    StringWriter text = new StringWriter();
    try (JsonGenerator yaml = generator(factory.createGenerator(text))) {
      yaml.writeStartObject();
      for (int i = 0; i < path.size(); i++) {
        yaml.writeFieldName(path.get(i));
        if (!list || i < path.size() - 1) {
          yaml.writeStartObject();
        }
      }
      piece.write(yaml);
      for (int i = 0; i < path.size(); i++) {
        if (!list || i < path.size() - 1) {
          yaml.writeEndObject();
        }
      }
      yaml.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    String lines = text.toString();
    int start = 0;
    for (int i = 0; i < keyLines; i++) {
      start = lines.indexOf('\n', start) + 1;
    }
    return lines.substring(start);
  }

  private void write(Rendering rendering, JsonGenerator json) throws IOException {
    Report report = rendering.report();
    json.writeStartObject();
    head(json, report);
    json.writeArrayFieldStart("results");
    writeAll(json, report.results(), JsonReport::result, JsonReport::result);
    json.writeEndArray();
    tail(json, report);
    json.writeObjectFieldStart("policy");
    policyHead(json, rendering.judgement());
    violations(json, "violations", rendering.judgement().violations());
    violations(json, "acceptedByBaseline", rendering.judgement().accepted());
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The tool, the packs and the rules switched off. */
  private static void head(JsonGenerator json, Report report) throws IOException {
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
  }

  /** The findings and the summary. */
  private static void tail(JsonGenerator json, Report report) throws IOException {
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
  }

  /** What the policy fails on, and whether it passed. */
  private static void policyHead(JsonGenerator json, Judgement judgement) throws IOException {
    json.writeArrayFieldStart("failOn");
    for (FailOn kind : FailOn.values()) {
      if (judgement.failOn().contains(kind)) {
        json.writeString(kind.toString());
      }
    }
    json.writeEndArray();
    json.writeBooleanField("passed", judgement.passed());
  }

  /** Writes one item as a JSON value. */
  private interface Item<T> {
    void write(JsonGenerator json, T item) throws IOException;
  }

  /** Writes one item as a JSON value in UTF-8 bytes, the item's own braces {@code level} levels deep. */
  private interface BytesItem<T> {
    void write(Utf8Json json, T item, int level);
  }

  // Items rendered at once, in parallel: enough to keep two cores busy, few enough to bound memory.
  private static final int BATCH = 4_096;
  // Items rendered at a time as JSON, within a batch: enough that a run's bytes (100-200 KB) are larger
  // than the output's 64 KB buffer, which then passes them to the file as they are rather than copying them
  private static final int JSON_RUN = 128;
  // Items rendered at a time as YAML, within a batch (by Utf8Yaml, or a generator's for an item it is not sure of)
  private static final int YAML_RUN = 128;

  /**
   * Writes the items of an array. As YAML, one by one. As JSON, {@link Utf8Json} renders them, in
   * runs on both cores for a long list, written in order as raw values: UTF-8 bytes for a report
   * to a file, the same decoded for one to standard output. The text is exactly that of Jackson's
   * generator writing the items one by one (the golden-file tests and ParallelRenderingTest hold
   * it so); a report of 100,000 failure modes renders in 0.33 s against 0.71 s for Jackson's
   * generators in parallel.
   */
  private <T> void writeAll(JsonGenerator json, List<T> items, Item<T> item, BytesItem<T> bytesItem) throws IOException {
    if (factory instanceof YAMLFactory) {
      for (T t : items) {
        item.write(json, t);
      }
      return;
    }
    if (items.isEmpty()) {
      return;
    }
    int depth = json.getOutputContext().getNestingDepth();
    if (json.getOutputTarget() instanceof OutputStream stream) {
      writeAll(json, stream, items, bytesItem, depth);
      return;
    }
    // a buffer per thread for the list, which remembers the pieces its items share
    ThreadLocal<Utf8Json> buffers = ThreadLocal.withInitial(() -> new Utf8Json(65_536));
    RenderAhead.Render<T, SerializableString> render = run -> {
      Utf8Json buffer = buffers.get();
      buffer.reset();
      render(run, bytesItem, depth, buffer);
      return new SerializedString(new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8));
    };
    if (items.size() < parallelFrom) {
      json.writeRawValue(render.apply(items));
    } else {
      inOrder(items, JSON_RUN, render, json::writeRawValue);
    }
  }

  /** A run of items rendered into an array of {@code spare}, its first {@code length} bytes. */
  private record Rendered(byte[] array, int length) {}

  /** A raw value of no bytes: written, it puts down the separator and indentation before an array's next value. */
  private static final SerializableString NOTHING = new SerializedString("");

  /**
   * The same as UTF-8 bytes to {@code stream}, which the generator {@code json} writes to. Each run
   * is rendered into an array that, once written, takes the next run: copying each run out of
   * its thread's buffer allocated as many bytes as the report has (127 MB for 100,000 sparse
   * failure modes, a young collection or two that copied the results each time). The generator
   * writes the separator before each run, as before a raw value; the run's bytes then go to the
   * stream as they are.
   */
  private <T> void writeAll(JsonGenerator json, OutputStream stream, List<T> items, BytesItem<T> bytesItem, int depth)
      throws IOException {
    ThreadLocal<Utf8Json> buffers = ThreadLocal.withInitial(() -> new Utf8Json(16));
    Queue<byte[]> spare = new ConcurrentLinkedQueue<>();
    RenderAhead.Render<T, Rendered> render = run -> {
      Utf8Json buffer = buffers.get();
      byte[] into = spare.poll();
      buffer.reset(into == null ? new byte[65_536] : into);
      render(run, bytesItem, depth, buffer);
      return new Rendered(buffer.array(), buffer.size());
    };
    RenderAhead.Sink<Rendered> sink = rendered -> {
      json.writeRawValue(NOTHING);
      json.flush(); // into the stream, not through it: the generator passes no flush on (see below)
      stream.write(rendered.array(), 0, rendered.length());
      spare.add(rendered.array());
    };
    boolean passFlush = json.isEnabled(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    try {
      if (items.size() < parallelFrom) {
        sink.accept(render.apply(items));
      } else {
        inOrder(items, JSON_RUN, render, sink);
      }
    } finally {
      json.configure(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM, passFlush);
    }
  }

  /** Renders the runs of a long list ahead on both cores and hands them to {@code sink} in order. */
  private static <T, R> void inOrder(List<T> items, int run, RenderAhead.Render<T, R> render, RenderAhead.Sink<R> sink) throws IOException {
    RenderAhead.inOrder(items, run, BATCH, render, sink);
  }

  /**
   * Writes a run of items of an array {@code depth} levels deep into {@code json}, as UTF-8 bytes:
   * the items with the separators and indentation the array's own generator would put between
   * them, so that the run written as one raw value reads as the items written one by one.
   */
  private static <T> void render(List<T> run, BytesItem<T> item, int depth, Utf8Json json) {
    boolean first = true;
    for (T t : run) {
      if (!first) {
        json.item(depth, false);
      }
      item.write(json, t, depth);
      first = false;
    }
  }

  /** The generator set up to write reports: two spaces a level and {@code "name": value}, as JSON. */
  private JsonGenerator generator(JsonGenerator json) {
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    if (!(factory instanceof YAMLFactory)) {
      Indenter indenter = new DefaultIndenter("  ", "\n");
      json.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(indenter)
          .withArrayIndenter(indenter)
          .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    }
    return json;
  }

  private void violations(JsonGenerator json, String name, List<Violation> violations) throws IOException {
    json.writeArrayFieldStart(name);
    writeAll(json, violations, JsonReport::violation, JsonReport::violation);
    json.writeEndArray();
  }


  // Field names of the items written by the hundred thousand, encoded once.
  private static final SerializedString F_BUDGET = new SerializedString("budget");
  private static final SerializedString F_BUDGETMINUTES = new SerializedString("budgetMinutes");
  private static final SerializedString F_COMPONENT = new SerializedString("component");
  private static final SerializedString F_DECIDEDBY = new SerializedString("decidedBy");
  private static final SerializedString F_DECLARED = new SerializedString("declared");
  private static final SerializedString F_DESCRIPTION = new SerializedString("description");
  private static final SerializedString F_EFFECT = new SerializedString("effect");
  private static final SerializedString F_FAILUREMODE = new SerializedString("failureMode");
  private static final SerializedString F_FILE = new SerializedString("file");
  private static final SerializedString F_FREQUENCYASSUMED = new SerializedString("frequencyAssumed");
  private static final SerializedString F_ID = new SerializedString("id");
  private static final SerializedString F_KIND = new SerializedString("kind");
  private static final SerializedString F_LINE = new SerializedString("line");
  private static final SerializedString F_MESSAGE = new SerializedString("message");
  private static final SerializedString F_MINUTESPEROCCURRENCE = new SerializedString("minutesPerOccurrence");
  private static final SerializedString F_MINUTESPERWINDOW = new SerializedString("minutesPerWindow");
  private static final SerializedString F_OCCURRENCESHARE = new SerializedString("occurrenceShare");
  private static final SerializedString F_OCCURRENCESPERWINDOW = new SerializedString("occurrencesPerWindow");
  private static final SerializedString F_REASONS = new SerializedString("reasons");
  private static final SerializedString F_REF = new SerializedString("ref");
  private static final SerializedString F_REMEDIATIONS = new SerializedString("remediations");
  private static final SerializedString F_RULE = new SerializedString("rule");
  private static final SerializedString F_SHARE = new SerializedString("share");
  private static final SerializedString F_STATUS = new SerializedString("status");
  private static final SerializedString F_SYSTEM = new SerializedString("system");
  private static final SerializedString F_TEXT = new SerializedString("text");
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_VERDICT = new SerializedString("verdict");
  private static final SerializedString F_VOTE = new SerializedString("vote");

  private static void string(JsonGenerator json, SerializedString name, String value) throws IOException {
    json.writeFieldName(name);
    json.writeString(value);
  }

  private static void violation(JsonGenerator json, Violation v) throws IOException {
    {
      json.writeStartObject();
      string(json, F_KIND, v.kind().toString());
      string(json, F_ID, v.id());
      string(json, F_FILE, v.location().file());
      json.writeFieldName(F_LINE);
      json.writeNumber(v.location().line());
      string(json, F_RULE, v.rule());
      string(json, F_MESSAGE, v.message());
      json.writeEndObject();
    }
  }

  private static void result(JsonGenerator json, Result result) throws IOException {
    json.writeStartObject();
    string(json, F_ID, result.id());
    string(json, F_FILE, result.location().file());
    json.writeFieldName(F_LINE);
    json.writeNumber(result.location().line());
    string(json, F_SYSTEM, result.mode().system());
    string(json, F_COMPONENT, result.mode().component());
    string(json, F_FAILUREMODE, result.mode().id());
    string(json, F_DESCRIPTION, result.mode().description());
    string(json, F_EFFECT, Wire.name(result.mode().effect()));
    string(json, F_VERDICT, result.verdict().name());
    string(json, F_STATUS, result.status() == null ? null : Wire.name(result.status()));
    json.writeFieldName(F_DECIDEDBY);
    json.writeStartArray();
    for (String rule : result.decidingRules()) {
      json.writeString(rule);
    }
    json.writeEndArray();
    json.writeFieldName(F_REASONS);
    json.writeStartArray();
    for (Reason reason : result.reasons()) {
      json.writeStartObject();
      string(json, F_RULE, reason.rule());
      string(json, F_VOTE, reason.vote() == null ? null : reason.vote().name());
      string(json, F_MESSAGE, reason.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeFieldName(F_REMEDIATIONS);
    json.writeStartArray();
    for (Suggestion s : result.remediations()) {
      json.writeStartObject();
      string(json, F_TYPE, Wire.name(s.type()));
      string(json, F_TEXT, s.text());
      string(json, F_RULE, s.rule());
      json.writeFieldName(F_DECLARED);
      json.writeBoolean(s.declared());
      if (s.declared()) {
        string(json, F_STATUS, Wire.name(s.status()));
        if (s.ref() != null) {
          string(json, F_REF, s.ref());
        }
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    Budget budget = result.budget();
    if (budget != null) {
      json.writeFieldName(F_BUDGET);
      json.writeStartObject();
      json.writeFieldName(F_MINUTESPEROCCURRENCE);
      json.writeNumber(Text.rounded(budget.minutesPerOccurrence()));
      json.writeFieldName(F_OCCURRENCESPERWINDOW);
      json.writeNumber(Text.rounded(budget.occurrencesPerWindow()));
      json.writeFieldName(F_FREQUENCYASSUMED);
      json.writeBoolean(budget.frequencyAssumed());
      json.writeFieldName(F_MINUTESPERWINDOW);
      json.writeNumber(Text.rounded(budget.minutesPerWindow()));
      json.writeFieldName(F_BUDGETMINUTES);
      json.writeNumber(Text.rounded(budget.budgetMinutes()));
      json.writeFieldName(F_OCCURRENCESHARE);
      json.writeNumber(Text.rounded(budget.occurrenceShare()));
      json.writeFieldName(F_SHARE);
      json.writeNumber(Text.rounded(budget.share()));
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  // The same names for Utf8Json, with their new line and indentation at every level.
  private static final Utf8Json.Name N_BUDGET = new Utf8Json.Name("budget");
  private static final Utf8Json.Name N_BUDGETMINUTES = new Utf8Json.Name("budgetMinutes");
  private static final Utf8Json.Name N_COMPONENT = new Utf8Json.Name("component");
  private static final Utf8Json.Name N_DECIDEDBY = new Utf8Json.Name("decidedBy");
  private static final Utf8Json.Name N_DECLARED = new Utf8Json.Name("declared");
  private static final Utf8Json.Name N_DESCRIPTION = new Utf8Json.Name("description");
  private static final Utf8Json.Name N_EFFECT = new Utf8Json.Name("effect");
  private static final Utf8Json.Name N_FAILUREMODE = new Utf8Json.Name("failureMode");
  private static final Utf8Json.Name N_FILE = new Utf8Json.Name("file");
  private static final Utf8Json.Name N_FREQUENCYASSUMED = new Utf8Json.Name("frequencyAssumed");
  private static final Utf8Json.Name N_ID = new Utf8Json.Name("id");
  private static final Utf8Json.Name N_KIND = new Utf8Json.Name("kind");
  private static final Utf8Json.Name N_LINE = new Utf8Json.Name("line");
  private static final Utf8Json.Name N_MESSAGE = new Utf8Json.Name("message");
  private static final Utf8Json.Name N_MINUTESPEROCCURRENCE = new Utf8Json.Name("minutesPerOccurrence");
  private static final Utf8Json.Name N_MINUTESPERWINDOW = new Utf8Json.Name("minutesPerWindow");
  private static final Utf8Json.Name N_OCCURRENCESHARE = new Utf8Json.Name("occurrenceShare");
  private static final Utf8Json.Name N_OCCURRENCESPERWINDOW = new Utf8Json.Name("occurrencesPerWindow");
  private static final Utf8Json.Name N_REASONS = new Utf8Json.Name("reasons");
  private static final Utf8Json.Name N_REF = new Utf8Json.Name("ref");
  private static final Utf8Json.Name N_REMEDIATIONS = new Utf8Json.Name("remediations");
  private static final Utf8Json.Name N_RULE = new Utf8Json.Name("rule");
  private static final Utf8Json.Name N_SHARE = new Utf8Json.Name("share");
  private static final Utf8Json.Name N_STATUS = new Utf8Json.Name("status");
  private static final Utf8Json.Name N_SYSTEM = new Utf8Json.Name("system");
  private static final Utf8Json.Name N_TEXT = new Utf8Json.Name("text");
  private static final Utf8Json.Name N_TYPE = new Utf8Json.Name("type");
  private static final Utf8Json.Name N_VERDICT = new Utf8Json.Name("verdict");
  private static final Utf8Json.Name N_VOTE = new Utf8Json.Name("vote");

  /** As JSON: the fields {@link #violation(JsonGenerator, Violation)} writes as YAML. */
  private static void violation(Utf8Json json, Violation v, int level) {
    int in = level + 1;
    json.startObject();
    json.field(N_KIND, in, true).repeated(v.kind().toString());
    json.field(N_ID, in, false).string(v.id());
    json.field(N_FILE, in, false).repeated(v.location().file());
    json.field(N_LINE, in, false).number(v.location().line());
    json.field(N_RULE, in, false).repeated(v.rule());
    // violations of one kind made of the same reasons say the same (results share lists of reasons)
    Object madeOf = v.madeOf();
    if (madeOf == null) {
      message(json, v, in);
    } else {
      json.recently(madeOf, v.kind(), v, in, JsonReport::message);
    }
    json.endObject(level, false);
  }

  // The spellings of the enums every result writes, by ordinal (Wire.name, without its lookup by class per value)
  private static final String[] EFFECTS = Wire.names(dev.failmode.model.Effect.class).toArray(String[]::new);
  private static final String[] STATUSES = Wire.names(dev.failmode.model.Status.class).toArray(String[]::new);
  private static final String[] REMEDIATION_TYPES = Wire.names(dev.failmode.model.RemediationType.class).toArray(String[]::new);
  private static final String[] REMEDIATION_STATUSES = Wire.names(dev.failmode.model.RemediationStatus.class).toArray(String[]::new);

  /** As JSON: the fields {@link #result(JsonGenerator, Result)} writes as YAML. */
  private static void result(Utf8Json json, Result result, int level) {
    int in = level + 1;
    int inner = level + 2;
    json.startObject();
    json.field(N_ID, in, true).string(result.id());
    json.field(N_FILE, in, false).repeated(result.location().file());
    json.field(N_LINE, in, false).number(result.location().line());
    json.field(N_SYSTEM, in, false).string(result.mode().system());
    json.field(N_COMPONENT, in, false).string(result.mode().component());
    json.field(N_FAILUREMODE, in, false).string(result.mode().id());
    json.field(N_DESCRIPTION, in, false).string(result.mode().description());
    json.field(N_EFFECT, in, false).repeated(EFFECTS[result.mode().effect().ordinal()]);
    json.field(N_VERDICT, in, false).repeated(result.verdict().name());
    json.field(N_STATUS, in, false).repeated(result.status() == null ? null : STATUSES[result.status().ordinal()]);
    json.field(N_DECIDEDBY, in, false).startArray();
    List<String> deciding = result.decidingRules();
    for (int i = 0; i < deciding.size(); i++) {
      json.item(inner, i == 0).repeated(deciding.get(i));
    }
    json.endArray(in, deciding.isEmpty());
    // the engine keeps equal lists of reasons and of suggestions once, and results one after another often share them
    json.recently(result.reasons(), null, result.reasons(), in, JsonReport::reasons);
    json.recently(result.remediations(), null, result.remediations(), in, JsonReport::remediations);
    // results share budgets (an SLO's budget remembers its uses), so each is rounded and written once
    if (result.budget() != null) {
      json.remembered(result.budget(), in, JsonReport::budget);
    }
    json.endObject(level, false);
  }

  /** A result's budget, as the field {@code budget} of an object whose fields are at {@code in}. */
  private static void budget(Utf8Json json, Budget budget, int in) {
    int inner = in + 1;
    json.field(N_BUDGET, in, false).startObject();
    json.field(N_MINUTESPEROCCURRENCE, inner, true).number(Text.rounded(budget.minutesPerOccurrence()));
    json.field(N_OCCURRENCESPERWINDOW, inner, false).number(Text.rounded(budget.occurrencesPerWindow()));
    json.field(N_FREQUENCYASSUMED, inner, false).bool(budget.frequencyAssumed());
    json.field(N_MINUTESPERWINDOW, inner, false).number(Text.rounded(budget.minutesPerWindow()));
    json.field(N_BUDGETMINUTES, inner, false).number(Text.rounded(budget.budgetMinutes()));
    json.field(N_OCCURRENCESHARE, inner, false).number(Text.rounded(budget.occurrenceShare()));
    json.field(N_SHARE, inner, false).number(Text.rounded(budget.share()));
    json.endObject(in, false);
  }

  /** A result's reasons, as the field {@code reasons} of an object whose fields are at {@code in}. */
  private static void reasons(Utf8Json json, List<Reason> reasons, int in) {
    int inner = in + 1;
    json.field(N_REASONS, in, false).startArray();
    for (int i = 0; i < reasons.size(); i++) {
      Reason reason = reasons.get(i);
      json.item(inner, i == 0).startObject();
      json.field(N_RULE, inner + 1, true).repeated(reason.rule());
      json.field(N_VOTE, inner + 1, false).repeated(reason.vote() == null ? null : reason.vote().name());
      json.field(N_MESSAGE, inner + 1, false).text(reason.message());
      json.endObject(inner, false);
    }
    json.endArray(in, reasons.isEmpty());
  }

  /** A result's remediations, as the field {@code remediations} of an object whose fields are at {@code in}. */
  private static void remediations(Utf8Json json, List<Suggestion> remediations, int in) {
    int inner = in + 1;
    json.field(N_REMEDIATIONS, in, false).startArray();
    for (int i = 0; i < remediations.size(); i++) {
      Suggestion s = remediations.get(i);
      json.item(inner, i == 0).startObject();
      json.field(N_TYPE, inner + 1, true).repeated(REMEDIATION_TYPES[s.type().ordinal()]);
      json.field(N_TEXT, inner + 1, false).repeated(s.text());
      json.field(N_RULE, inner + 1, false).repeated(s.rule());
      json.field(N_DECLARED, inner + 1, false).bool(s.declared());
      if (s.declared()) {
        json.field(N_STATUS, inner + 1, false).repeated(REMEDIATION_STATUSES[s.status().ordinal()]);
        if (s.ref() != null) {
          json.field(N_REF, inner + 1, false).string(s.ref());
        }
      }
      json.endObject(inner, false);
    }
    json.endArray(in, remediations.isEmpty());
  }

  /** A violation's message, as the field {@code message} of an object whose fields are at {@code in}. */
  private static void message(Utf8Json json, Violation v, int in) {
    v.message(json.field(N_MESSAGE, in, false).openPieces());
    json.closePieces();
  }
}

package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.failmode.Fixtures;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.policy.Policy;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON and YAML render long lists in parallel batches and splice them in: the text must be
 * exactly that of writing every item one by one (for JSON, what Jackson's generator writes of the
 * same document), whatever the text holds (markup, quotes,
 * control characters, blank lines and other line breaks in block scalars, unicode), as
 * characters and as UTF-8 bytes. From one item on, every list is spliced, at every depth.
 */
class ParallelRenderingTest {
  @TempDir
  static Path work;

  static Stream<Arguments> cases() throws java.io.IOException {
    Path lines = work.resolve("lines.yaml");
    java.nio.file.Files.writeString(lines, """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: lines
          description: |
            A system whose text spans lines:
              - one indented, like a list
            # one like a comment
            key: value, and trailing spaces   \n
        slo:
          target: 99.9
        components:
          - name: web
            failureModes:
              - id: multi-line
                description: "first line\\n  second, indented\\n- third, a dash\\n\\n\\tafter a blank line and a tab, 日本 \\U0001F4A5"
                effect: slow
                userImpact: degraded
                duration: 5m
                frequency: 1/month
              - id: leading-space
                description: " leading space, and ends with a colon:"
                effect: crash
                userImpact: outage
                duration: 1h
              - id: waived-long-ago
                description: "a waiver whose reason has blank lines and other line breaks"
                effect: incorrect-data
                userImpact: degraded
                duration: 5m
                waiver:
                  reason: "first\\n\\nafter a blank line\\u2028after a line separator\\u0085after a next-line\\n- like an item\\n  indented"
                  owner: someone@example.com
                  expires: 2020-01-01
        """, StandardCharsets.UTF_8);
    Report multiLine = Fixtures.classify(lines, Path.of("examples"));
    // enough items for several runs of a generator (32 in JSON, 128 in YAML) and a short last one
    StringBuilder many = new StringBuilder("apiVersion: failmode/v1\nkind: FailureModes\nmetadata: {name: many}\n"
        + "slo: {target: 99.9}\ncomponents:\n  - name: web\n    failureModes:\n");
    for (int i = 0; i < 300; i++) {
      many.append("      - {id: mode-").append(i).append(", description: \"mode ").append(i).append(", \u00e9t\u00e9\", effect: ")
          .append(i % 3 == 0 ? "stale-data" : "crash").append(", userImpact: outage, duration: ").append(1 + i % 50).append("m}\n");
    }
    Path manyFile = lines.resolveSibling("many.yaml");
    java.nio.file.Files.writeString(manyFile, many, StandardCharsets.UTF_8);
    Report runs = Fixtures.classify(manyFile);
    // failure modes the rules say the same of, so that results one after another share their lists
    StringBuilder alike = new StringBuilder("apiVersion: failmode/v1\nkind: FailureModes\nmetadata: {name: alike}\n"
        + "slo: {target: 99.9}\ncomponents:\n  - name: web\n    failureModes:\n");
    for (int i = 0; i < 300; i++) {
      alike.append("      - {id: mode-").append(i).append(", description: \"mode ").append(i).append("\", effect: ")
          .append(i % 100 < 50 ? "stale-data" : "crash").append(", userImpact: ").append(i % 3 == 0 ? "outage" : "degraded")
          .append(", duration: 5m}\n");
    }
    Path alikeFile = lines.resolveSibling("alike.yaml");
    java.nio.file.Files.writeString(alikeFile, alike, StandardCharsets.UTF_8);
    Report alikeRuns = Fixtures.classify(alikeFile);
    return Stream.of("json", "yaml").flatMap(format -> Stream.of(
        Arguments.of(format, "300 failure modes said alike", alikeRuns),
        Arguments.of(format, "line breaks", multiLine),
        Arguments.of(format, "300 failure modes, several runs", runs),
        Arguments.of(format, "examples and the core fixtures", Fixtures.classify(Path.of("examples"),
            Path.of("rules/core/tests/small-oks-add-up/fires-five-small-oks.yaml"))),
        Arguments.of(format, "hostile text", Fixtures.classify(Path.of("src/test/resources/hostile-text/hostile.yaml"),
            Path.of("examples")))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void splicedListsAreTheTextOfWritingItemsOneByOne(String format, String what, Report report) throws Exception {
    JsonReport writer = format.equals("json") ? JsonReport.json() : JsonReport.yaml();
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));

    String oneByOne = text(writer.parallelFrom(Integer.MAX_VALUE), rendering);
    String spliced = text(writer.parallelFrom(1), rendering);

    assertThat(report.results()).hasSizeGreaterThan(1);
    assertThat(spliced).isEqualTo(oneByOne);
    assertThat(bytes(writer.parallelFrom(1), rendering)).isEqualTo(oneByOne.getBytes(StandardCharsets.UTF_8));
    assertThat(bytes(writer.parallelFrom(Integer.MAX_VALUE), rendering)).isEqualTo(oneByOne.getBytes(StandardCharsets.UTF_8));
    if (format.equals("json")) {
      assertThat(oneByOne).isEqualTo(jackson(oneByOne));
    }
  }

  /**
   * The HTML page renders its systems, table rows and details in runs on the pool and writes them
   * in order: the page must be the same whatever the runs and batches, one row each or all in one,
   * and its bytes those of its text.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void theHtmlPageIsTheSameWhateverItsRuns(String what, Report report) throws Exception {
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));

    String oneRun = html(rendering, Integer.MAX_VALUE, Integer.MAX_VALUE);

    assertThat(oneRun).contains("<tbody>\n    <tr id=").endsWith("</html>\n");
    assertThat(html(rendering, 1, 1)).isEqualTo(oneRun);
    assertThat(html(rendering, 3, 7)).isEqualTo(oneRun);
    assertThat(html(rendering, HtmlReport.ROWS_PER_RUN, HtmlReport.ROWS_AHEAD)).isEqualTo(oneRun);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    Format.HTML.writer().write(rendering, stream);
    assertThat(stream.toByteArray()).isEqualTo(oneRun.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * CSV rows are rendered in runs of 128 on the pool and spliced after the header: the text must
   * be what Jackson writes of the header and every row at once, with the same quoting.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void csvRowsInRunsAreWhatJacksonWritesOfAllRowsAtOnce(String what, Report report) throws Exception {
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));
    com.fasterxml.jackson.dataformat.csv.CsvSchema.Builder columns = com.fasterxml.jackson.dataformat.csv.CsvSchema.builder()
        .setUseHeader(true).setLineSeparator("\n");
    CsvReport.COLUMNS.forEach(columns::addColumn);
    com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
    mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    String packs = String.join(" ", report.packs().stream().map(p -> p.id() + "@" + p.version()).toList());
    String atOnce = mapper.writer(columns.build()).writeValueAsString(report.results().stream().map(r -> CsvReport.row(r, packs)).toList());

    StringWriter spliced = new StringWriter();
    Format.CSV.writer().write(rendering, spliced);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Format.CSV.writer().write(rendering, bytes);

    assertThat(spliced.toString()).isEqualTo(atOnce);
    assertThat(bytes.toByteArray()).isEqualTo(atOnce.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The GitHub annotations write their long lists in runs of 256 lines rendered on the pool: one
   * log line per result and one annotation per violation, in the report's order, none twice.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void githubLinesInRunsComeOnePerResultAndViolationInOrder(String what, Report report) throws Exception {
    dev.failmode.policy.Judgement judgement = Policy.strict().judge(report);
    StringWriter out = new StringWriter();
    Format.GITHUB.writer().write(Rendering.plain(report, judgement), out);
    List<String> lines = out.toString().lines().toList();

    List<String> logged = lines.subList(1, lines.indexOf("::endgroup::"));
    assertThat(logged).hasSize(report.results().size());
    for (int i = 0; i < logged.size(); i++) {
      Result result = report.results().get(i);
      assertThat(logged.get(i)).startsWith(result.location() + ": " + result.id() + ": " + result.verdict().label());
    }
    List<String> errors = lines.stream().filter(line -> line.startsWith("::error ")).toList();
    assertThat(errors).hasSize(judgement.violations().size());
    for (int i = 0; i < errors.size(); i++) {
      dev.failmode.policy.Violation violation = judgement.violations().get(i);
      assertThat(errors.get(i)).contains(",title=" + GithubReport.property(violation.kind() + " " + violation.id()) + "::");
    }
    assertThat(lines.get(lines.size() - 1)).startsWith("failmode: " + report.results().size() + " failure mode");
  }

  /**
   * SARIF's results are written in runs on the pool, each by a generator of its own taken to the
   * results array's depth: the text must be the same whatever the runs, one result each or all in
   * one (the golden file holds one run to what the report's own generator wrote item by item).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void sarifResultsInRunsAreTheSameWhateverTheRuns(String what, Report report) throws Exception {
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));

    String oneRun = sarif(rendering, Integer.MAX_VALUE);

    assertThat(sarif(rendering, 1)).isEqualTo(oneRun);
    assertThat(sarif(rendering, 7)).isEqualTo(oneRun);
    assertThat(sarif(rendering, SarifReport.RESULTS_PER_RUN)).isEqualTo(oneRun);
    assertThat(new ObjectMapper().readTree(oneRun).at("/runs/0/results")).hasSize(report.results().size() + report.findings().size());
  }

  private static String sarif(Rendering rendering, int resultsPerRun) throws Exception {
    StringWriter out = new StringWriter();
    SarifReport.write(rendering, out, resultsPerRun);
    return out.toString();
  }

  /** A writer that fails (a full disk) fails the page with its own exception, wherever in the page it fails. */
  @ParameterizedTest(name = "after {0} characters")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 5_000, 40_000})
  void aWriterThatFailsFailsTheHtmlPageWithItsException(int failAfter) throws Exception {
    Report report = Fixtures.classify(Path.of("examples"));
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HtmlReport.write(rendering, full(failAfter), 1, 4))
        .isInstanceOf(java.io.IOException.class).hasMessage("No space left on device");
  }

  /**
   * Every format, its long lists rendered on the pool, fails with an IOException that names what
   * the writer said (the run's error message), never another exception type (an internal error).
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(Format.class)
  void aWriterThatFailsFailsEveryFormatWithAnIoException(Format format) throws Exception {
    Report report = (Report) reports().filter(arguments -> arguments.get()[0].equals("300 failure modes, several runs")).findFirst()
        .orElseThrow().get()[1];
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));
    StringWriter whole = new StringWriter();
    format.writer().write(rendering, whole);

    for (int failAfter : new int[] {0, whole.toString().length() / 2, whole.toString().length() - 2}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> format.writer().write(rendering, full(failAfter)))
          .as("failing after %d of %d characters", failAfter, whole.toString().length())
          .isInstanceOf(java.io.IOException.class).hasMessageContaining("No space left on device");
    }
  }

  /** A writer that takes {@code failAfter} characters, then fails as a full disk does. */
  private static java.io.Writer full(int failAfter) {
    return new java.io.Writer() {
      private int written;

      @Override
      public void write(char[] chars, int offset, int length) throws java.io.IOException {
        written += length;
        if (written > failAfter) {
          throw new java.io.IOException("No space left on device");
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  /** The reports of {@link #cases}, each once. */
  static Stream<Arguments> reports() throws java.io.IOException {
    return cases().filter(arguments -> arguments.get()[0].equals("json")).map(arguments -> Arguments.of(arguments.get()[1], arguments.get()[2]));
  }

  private static String html(Rendering rendering, int rowsPerRun, int rowsAhead) throws Exception {
    StringWriter out = new StringWriter();
    HtmlReport.write(rendering, out, rowsPerRun, rowsAhead);
    return out.toString();
  }

  /**
   * Written to a stream, each run of a long list is rendered into an array that is written and
   * then takes a later run: more items than two batches (4,096 each), runs of different sizes (a
   * long description every seventh mode), so that arrays come back holding more than the next
   * run writes.
   */
  @Test
  void arraysWrittenAndTakenAgainWriteWhatOneRunDoes(@TempDir Path dir) throws Exception {
    StringBuilder yaml = new StringBuilder("apiVersion: failmode/v1\nkind: FailureModes\nmetadata: {name: reused}\n"
        + "slo: {target: 99.9}\ncomponents:\n  - name: web\n    failureModes:\n");
    for (int i = 0; i < 9_000; i++) {
      yaml.append("      - {id: mode-").append(i).append(", description: \"mode ").append(i)
          .append(i % 7 == 0 ? ", " + "long ".repeat(40) : "").append("\", effect: ").append(i % 3 == 0 ? "stale-data" : "crash")
          .append(", userImpact: outage, duration: ").append(1 + i % 50).append("m}\n");
    }
    Report report = Fixtures.classify(java.nio.file.Files.writeString(dir.resolve("reused.yaml"), yaml, StandardCharsets.UTF_8));
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));

    String oneRun = text(JsonReport.json().parallelFrom(Integer.MAX_VALUE), rendering);

    assertThat(report.results()).hasSize(9_000);
    assertThat(new String(bytes(JsonReport.json().parallelFrom(1), rendering), StandardCharsets.UTF_8)).isEqualTo(oneRun);
    assertThat(new String(bytes(JsonReport.json().parallelFrom(Integer.MAX_VALUE), rendering), StandardCharsets.UTF_8)).isEqualTo(oneRun);
  }

  /**
   * The engine keeps equal lists of reasons and suggestions once, and the JSON and YAML writers copy
   * what they wrote for a list they met lately: what they write must be what they write of lists
   * that are equal but not the same objects.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void resultsThatShareListsAreWrittenAsResultsThatDoNot(String format, String what, Report report) throws Exception {
    List<Result> copied = report.results().stream().map(r -> new Result(r.mode(), r.verdict(), r.status(),
        List.copyOf(new java.util.ArrayList<>(r.reasons())), List.copyOf(new java.util.ArrayList<>(r.remediations())), r.budget())).toList();
    Report unshared = new Report(report.toolVersion(), report.packs(), report.rules(), report.disabled(), report.catalogues(),
        copied, report.findings());
    JsonReport writer = (format.equals("json") ? JsonReport.json() : JsonReport.yaml()).parallelFrom(1);

    assertThat(bytes(writer, Rendering.plain(report, Policy.strict().judge(report))))
        .isEqualTo(bytes(writer, Rendering.plain(unshared, Policy.strict().judge(unshared))));
    assertThat(copied.get(0).reasons()).isNotSameAs(report.results().get(0).reasons());
  }

  @org.junit.jupiter.api.Test
  void resultsOneAfterAnotherShareListsInALargeReport() throws Exception {
    Report runs = (Report) cases().filter(arguments -> arguments.get()[1].equals("300 failure modes said alike")).findFirst()
        .orElseThrow().get()[2];
    int shared = 0;
    for (int i = 1; i < runs.results().size(); i++) {
      shared += runs.results().get(i).reasons() == runs.results().get(i - 1).reasons() ? 1 : 0;
    }
    assertThat(shared).as("results whose reasons are the list of the result before them").isGreaterThan(10);
  }

  /**
   * Every empty list is one object: results with nothing said, NOT OK and UNCLASSIFIED, must still
   * write their own fields, and their violations the opening of their own kind.
   */
  @org.junit.jupiter.api.Test
  void emptyListsAreOneObjectAndStillWrittenAsTheirOwnFields() throws Exception {
    Report base = Fixtures.classify(Path.of("examples"));
    List<Result> nothingSaid = new java.util.ArrayList<>();
    for (int i = 0; i < base.results().size(); i++) {
      Result r = base.results().get(i);
      boolean notOk = i % 2 == 0;
      nothingSaid.add(new Result(r.mode(), notOk ? dev.failmode.model.Decision.NOT_OK : dev.failmode.model.Decision.UNCLASSIFIED,
          notOk ? dev.failmode.model.Status.OPEN : null, List.of(), List.of(), null));
    }
    Report report = new Report(base.toolVersion(), base.packs(), base.rules(), base.disabled(), base.catalogues(), nothingSaid, List.of());

    String written = new String(bytes(JsonReport.json().parallelFrom(1), Rendering.plain(report, Policy.strict().judge(report))),
        StandardCharsets.UTF_8);

    assertThat(written).isEqualTo(jackson(written));
    com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().readTree(written);
    assertThat(json.get("results")).hasSize(nothingSaid.size()).allSatisfy(result -> {
      assertThat(result.get("reasons")).as("reasons").isNotNull().isEmpty();
      assertThat(result.get("remediations")).as("remediations").isNotNull().isEmpty();
    });
    assertThat(json.get("policy").get("violations")).hasSize(nothingSaid.size()).allSatisfy(violation ->
        assertThat(violation.get("message").asText())
            .isEqualTo(violation.get("kind").asText().equals("unclassified") ? "no rule decided it: " : "NOT OK and open: "));
  }

  @org.junit.jupiter.api.Test
  void emptyListsAreWrittenAsTheirOwnFieldsInYamlToo() throws Exception {
    Report base = Fixtures.classify(Path.of("examples"));
    List<Result> nothingSaid = base.results().stream().map(r -> new Result(r.mode(), dev.failmode.model.Decision.UNCLASSIFIED, null,
        List.of(), List.of(), null)).toList();
    Report report = new Report(base.toolVersion(), base.packs(), base.rules(), base.disabled(), base.catalogues(), nothingSaid, List.of());
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));

    String spliced = text(JsonReport.yaml().parallelFrom(1), rendering);

    assertThat(spliced).isEqualTo(text(JsonReport.yaml().parallelFrom(Integer.MAX_VALUE), rendering)).contains("    reasons: []\n");
  }

  /**
   * The oracle for JSON: the same document parsed and written again by Jackson's own generator,
   * laid out as reports are (two spaces a level, {@code "name": value}, numbers as written).
   */
  private static String jackson(String json) throws Exception {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
    DefaultIndenter lines = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter layout = new DefaultPrettyPrinter().withObjectIndenter(lines).withArrayIndenter(lines)
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    return mapper.writer(layout).writeValueAsString(mapper.readTree(json)) + "\n";
  }

  private static String text(JsonReport writer, Rendering rendering) throws Exception {
    StringWriter out = new StringWriter();
    writer.write(rendering, out);
    return out.toString();
  }

  private static byte[] bytes(JsonReport writer, Rendering rendering) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(rendering, out);
    return out.toByteArray();
  }
}

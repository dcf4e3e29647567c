package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failmode.Fixtures;
import dev.failmode.model.Report;
import dev.failmode.policy.Policy;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * Text from a failure-mode file that tries to become markup, script or a formula stays text in
 * every format (src/test/resources/hostile-text/hostile.yaml). The browser test shows the same
 * for the HTML report in Chromium.
 */
class HostileTextTest {
  private static Report report;

  @BeforeAll
  static void classify() {
    report = Fixtures.classify(Path.of("src/test/resources/hostile-text/hostile.yaml"));
  }

  private static String render(Format format) throws Exception {
    StringWriter out = new StringWriter();
    format.writer().write(Rendering.plain(report, Policy.strict().judge(report)), out);
    return out.toString();
  }

  @Test
  void htmlHasNoMarkupFromTheFile() throws Exception {
    String html = render(Format.HTML);

    assertThat(html).containsOnlyOnce("<script").doesNotContain("<img", "<iframe", "<svg onload", "<b>bold", "<u>1", "onerror=",
        "onmouseover=\"", "</title><script");
    assertThat(html).contains("&lt;script&gt;window.__pwned &#61; &#39;description&#39;");
  }

  @Test
  void markdownHasNoHtmlAndNoLinksFromTheFile() throws Exception {
    String markdown = render(Format.MARKDOWN);

    assertThat(markdown).doesNotContain("<").doesNotContainPattern("(?<!\\\\)\\]\\(javascript").contains("&lt;script&gt;");
    assertThat(markdown.lines().filter(l -> l.startsWith("|"))).allSatisfy(row ->
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isIn(4L, 5L, 6L, 8L));
  }

  @Test
  void xmlJsonAndCsvStayWellFormed() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.newDocumentBuilder().parse(new InputSource(new StringReader(render(Format.JUNIT))));
    new ObjectMapper().readTree(render(Format.SARIF));
    new ObjectMapper().readTree(render(Format.JSON));
    var rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerFor(java.util.List.class)
        .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY).<java.util.List<String>>readValues(render(Format.CSV))
        .readAll();

    assertThat(rows).hasSize(3);
    assertThat(rows.stream().flatMap(java.util.List::stream)).as("no cell a spreadsheet would run as a formula")
        .noneMatch(cell -> !cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0);
    assertThat(CsvReport.safe("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(render(Format.GITHUB)).doesNotContain("\n::error::x");
  }

  @Test
  void aFileNamedAsAWorkflowCommandDoesNotStartALineOfTheGithubLog(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.copy(Fixtures.project().resolve("examples/envoy.yaml"), dir.resolve("::error file=x::forged.yaml"));
    var loaded = new dev.failmode.load.CatalogueLoader(dir).load(java.util.List.of(dir));
    var rules = Fixtures.core();
    Report named = new dev.failmode.engine.Engine(rules, dev.failmode.engine.ParameterValues.resolve(rules.packs(), java.util.Map.of()),
        Fixtures.TODAY).classify(loaded.catalogues());
    StringWriter out = new StringWriter();

    Format.GITHUB.writer().write(Rendering.plain(named, Policy.strict().judge(named)), out);

    assertThat(out.toString().lines()).noneMatch(line -> line.startsWith("::error file=x"))
        .anyMatch(line -> line.startsWith("./::error file=x::forged.yaml:"))
        .anyMatch(line -> line.startsWith("::error file=%3A%3Aerror file=x%3A%3Aforged.yaml,"));
  }
}

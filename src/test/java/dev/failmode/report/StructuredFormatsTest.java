package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failmode.Fixtures;
import dev.failmode.model.Decision;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.policy.Judgement;
import dev.failmode.policy.Policy;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** What CI systems read from the machine formats: counts, levels and locations match the report and the policy. */
class StructuredFormatsTest {
  private static Report report;
  private static Judgement judgement;

  @BeforeAll
  static void classify() {
    report = Fixtures.classify(Path.of("examples"), Path.of("rules/core/tests/small-oks-add-up/fires-five-small-oks.yaml"));
    judgement = Policy.strict().judge(report);
  }

  private static String render(Format format) throws Exception {
    StringWriter out = new StringWriter();
    format.writer().write(Rendering.plain(report, judgement), out);
    return out.toString();
  }

  @Test
  void junitHasASuitePerFileACasePerFailureModeAndAFailurePerRejection() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(render(Format.JUNIT))));

    NodeList suites = xml.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(report.catalogues().size());
    NodeList cases = xml.getElementsByTagName("testcase");
    int fileCases = 0;
    Set<String> failing = new HashSet<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testCase = (Element) cases.item(i);
      if (testCase.getAttribute("name").startsWith("(whole file)")) {
        fileCases++;
      }
      if (testCase.getElementsByTagName("failure").getLength() > 0) {
        failing.add(testCase.getAttribute("classname") + "." + testCase.getAttribute("name"));
      }
      assertThat(Integer.parseInt(testCase.getAttribute("line"))).isPositive();
    }
    assertThat(cases.getLength() - fileCases).isEqualTo(report.results().size());
    assertThat(fileCases).as("the over-budget file is a case of its own").isEqualTo(1);
    Set<String> rejected = new HashSet<>();
    judgement.violations().forEach(v -> rejected.add(v.id()));
    assertThat(failing).hasSize(rejected.size());
    assertThat(((Element) xml.getElementsByTagName("testsuites").item(0)).getAttribute("tests"))
        .isEqualTo(Integer.toString(cases.getLength()));
  }

  @Test
  void sarifHasADescriptorPerRuleAndAResultPerFailureModeAndFinding() throws Exception {
    JsonNode sarif = new ObjectMapper().readTree(render(Format.SARIF));
    JsonNode run = sarif.path("runs").get(0);

    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(run.at("/tool/driver/version").asText()).isEqualTo(report.toolVersion());
    assertThat(run.at("/tool/extensions/0/name").asText()).isEqualTo("core");
    assertThat(run.at("/tool/extensions/0/version").asText()).isEqualTo(report.packs().get(0).version());
    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(rules).hasSize(report.rules().size());
    rules.forEach(rule -> assertThat(rule.at("/help/text").asText()).isNotBlank());
    JsonNode results = run.path("results");
    assertThat(results).hasSize(report.results().size() + report.findings().size());
    long errors = 0;
    for (JsonNode result : results) {
      int index = result.path("ruleIndex").asInt();
      assertThat(rules.get(index).path("id").asText()).isEqualTo(result.path("ruleId").asText());
      assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
      assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).doesNotStartWith("/");
      errors += result.path("level").asText().equals("error") ? 1 : 0;
    }
    assertThat(errors).isEqualTo(judgement.violations().size());
    JsonNode ok = results.findParents("ruleId").stream()
        .filter(r -> r.at("/partialFingerprints/failmodeId~1v1").asText().equals("kubernetes-cluster/apiserver/control-plane-down"))
        .findFirst().orElseThrow();
    assertThat(ok.path("kind").asText()).isEqualTo("pass");
    assertThat(ok.path("level").asText()).isEqualTo("none");
  }

  @Test
  void githubAnnotatesEachViolation() throws Exception {
    List<String> lines = render(Format.GITHUB).lines().toList();

    assertThat(lines.stream().filter(l -> l.startsWith("::error file="))).hasSize(judgement.violations().size());
    assertThat(lines).anyMatch(l -> l.startsWith("::error file=examples/kubernetes.yaml,line=124,col=9,title=claim-contradicted"));
    assertThat(lines.get(lines.size() - 1)).startsWith("failmode: ");
    assertThat(GithubReport.property("a:b,c%")).isEqualTo("a%3Ab%2Cc%25");
    assertThat(GithubReport.data("one\ntwo")).isEqualTo("one%0Atwo");
  }

  @Test
  void csvHasAHeaderAndOneRowPerFailureMode() throws Exception {
    var rows = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
        .readerFor(java.util.Map.class)
        .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
        .<java.util.Map<String, String>>readValues(render(Format.CSV)).readAll();

    assertThat(rows).hasSize(report.results().size());
    assertThat(rows.get(0).keySet()).containsExactlyElementsOf(CsvReport.COLUMNS);
    var segfault = rows.stream().filter(r -> r.get("id").equals("envoy-mesh/envoy/runtime-segfault")).findFirst().orElseThrow();
    assertThat(segfault).containsEntry("severity", "8").containsEntry("occurrence", "10").containsEntry("detection_rating", "2")
        .containsEntry("rpn", "160").containsEntry("verdict", "NOT_OK").containsEntry("status", "waived")
        .containsEntry("decided_by", "core/budget-window-total").containsEntry("packs", "core@1.0.0")
        .containsEntry("line", Integer.toString(Fixtures.result(report, "envoy-mesh/envoy/runtime-segfault").location().line()));
    assertThat(CsvReport.safe("=HYPERLINK(\"x\")")).startsWith("'=");
  }

  @Test
  void everyFormatNamesFileLineRulesAndPackVersion() throws Exception {
    Result sample = Fixtures.result(report, "envoy-mesh/xds-server/serves-incorrect-config");
    for (Format format : Format.values()) {
      String output = render(format);
      assertThat(output).as(format.toString()).contains(sample.location().file()).contains(Integer.toString(sample.location().line()))
          .contains("core/wrong-data-never-ok").contains("1.0.0");
    }
    assertThat(sample.verdict()).isEqualTo(Decision.NOT_OK);
  }
}

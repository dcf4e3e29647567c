package dev.failmode.report;

import dev.failmode.model.Catalogue;
import dev.failmode.model.Finding;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Wire;
import dev.failmode.parallel.EachIndex;
import dev.failmode.policy.Judgement;
import dev.failmode.policy.Violation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI systems that show test results: one test suite per file, one test case per
 * failure mode, a failure for each that the policy rejects. A finding about a whole file that the
 * policy rejects (its OK TO BREAK failures over budget) is a test case of its own, named for the
 * file. No timestamps or durations: the same input gives the same bytes.
 */
final class JunitReport implements ReportWriter {

  /** Suites per batch rendered ahead on the pool: each is one file's test cases. */
  private static final int SUITES_AHEAD = 16;

  @Override
  public void write(Rendering rendering, Writer out) throws IOException {
    Report report = rendering.report();
    Judgement judgement = rendering.judgement();
    Map<String, List<Result>> byFile = Reports.resultsByFile(report);
    Map<String, List<Finding>> findingsById = report.findings().stream().collect(Collectors.groupingBy(Finding::id));
    Set<String> resultIds = report.results().stream().map(Result::id).collect(Collectors.toSet());
    // the findings each file's suite lists, in the report's order: looked up, not searched for every file
    Map<String, List<Finding>> findingsByFile = report.findings().stream()
        .collect(Collectors.groupingBy(f -> f.location().file(), java.util.HashMap::new, Collectors.toList()));
    List<Catalogue> catalogues = report.catalogues();
    Suite[] suites = new Suite[catalogues.size()];
    EachIndex.run(suites.length, i -> suites[i] = suite(catalogues.get(i), byFile.getOrDefault(catalogues.get(i).file(), List.of()),
        findingsById, resultIds, findingsByFile.getOrDefault(catalogues.get(i).file(), List.of()), judgement));
    int cases = 0;
    int failures = 0;
    for (Suite suite : suites) {
      cases += suite.cases().size();
      failures += suite.failures();
    }
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "failmode");
      xml.writeAttribute("tests", Integer.toString(cases));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      xml.writeCharacters(""); // closes the start tag: the suites come as text, each file's rendered on its own
      xml.flush();
      RenderAhead.inOrder(List.of(suites), 1, SUITES_AHEAD, run -> suites(run, report), out::write);
      newline(xml, 0);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      out.write('\n');
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  /** The XML of a run of suites, each a {@code testsuite} element inside {@code testsuites}, on a writer of its own. */
  private static String suites(List<Suite> suites, Report report) throws IOException {
    TextWriter text = new TextWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
      for (Suite suite : suites) {
        suite(xml, suite, report);
      }
      xml.flush();
    } catch (XMLStreamException e) { // into a StringBuilder, nothing can fail but the writer's own checks
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static void suite(XMLStreamWriter xml, Suite suite, Report report) throws XMLStreamException {
    newline(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", Xml.text(suite.file()));
    xml.writeAttribute("tests", Integer.toString(suite.cases().size()));
    xml.writeAttribute("failures", Integer.toString(suite.failures()));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    newline(xml, 2);
    xml.writeStartElement("properties");
    for (var pack : report.packs()) {
      newline(xml, 3);
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "failmode.pack." + pack.id());
      xml.writeAttribute("value", pack.version());
    }
    for (var off : report.disabled()) {
      newline(xml, 3);
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "failmode.disabled." + off.rule());
      xml.writeAttribute("value", Xml.text("by " + off.by() + ": " + off.reason()));
    }
    newline(xml, 3);
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", "failmode.version");
    xml.writeAttribute("value", report.toolVersion());
    newline(xml, 2);
    xml.writeEndElement();
    for (Case testCase : suite.cases()) {
      newline(xml, 2);
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", Xml.text(testCase.classname()));
      xml.writeAttribute("name", Xml.text(testCase.name()));
      xml.writeAttribute("file", Xml.text(suite.file()));
      xml.writeAttribute("line", Integer.toString(testCase.line()));
      if (testCase.failure() != null) {
        newline(xml, 3);
        xml.writeStartElement("failure");
        xml.writeAttribute("type", testCase.failureType());
        xml.writeAttribute("message", Xml.text(testCase.failure()));
        xml.writeCharacters(Xml.text(testCase.details()));
        xml.writeEndElement();
        newline(xml, 2);
      } else if (!testCase.details().isEmpty()) {
        newline(xml, 3);
        xml.writeStartElement("system-out");
        xml.writeCharacters(Xml.text(testCase.details()));
        xml.writeEndElement();
        newline(xml, 2);
      }
      xml.writeEndElement();
    }
    newline(xml, 1);
    xml.writeEndElement();
  }

  private record Case(String classname, String name, int line, String failureType, String failure, String details) {}

  private record Suite(String file, List<Case> cases) {
    int failures() {
      int failures = 0;
      for (Case c : cases) {
        failures += c.failure() != null ? 1 : 0;
      }
      return failures;
    }
  }

  private static Suite suite(Catalogue catalogue, List<Result> results, Map<String, List<Finding>> findingsById, Set<String> resultIds,
      List<Finding> fileFindings, Judgement judgement) {
    List<Case> cases = new ArrayList<>();
    for (Result result : results) {
      List<Violation> violations = new ArrayList<>(judgement.violations(result));
      findingsById.getOrDefault(result.id(), List.of()).stream().map(judgement::violation)
          .flatMap(java.util.Optional::stream).forEach(violations::add);
      String type = violations.isEmpty() ? null : String.join(",", violations.stream().map(v -> v.kind().toString()).toList());
      String failure = violations.isEmpty() ? null : String.join("; ", violations.stream().map(Violation::message).toList());
      cases.add(new Case(result.mode().system() + "." + result.mode().component(), result.mode().id(), result.location().line(), type,
          failure, details(result)));
    }
    for (Finding finding : fileFindings) {
      if (!resultIds.contains(finding.id())) { // about the whole file
        judgement.violation(finding).ifPresent(v -> cases.add(new Case(catalogue.name(), "(whole file) " + finding.kind(),
            finding.location().line(), v.kind().toString(), finding.message(), finding.message() + " [" + finding.rule() + "]")));
      }
    }
    return new Suite(catalogue.file(), cases);
  }

  private static String details(Result result) {
    StringBuilder text = new StringBuilder(result.verdict().label());
    if (result.status() != null) {
      text.append(" (").append(Wire.name(result.status())).append(')');
    }
    text.append('\n');
    for (Reason reason : result.reasons()) {
      text.append(reason.vote() == null ? "note: " : "why: ").append(reason.message()).append(" [").append(reason.rule()).append("]\n");
    }
    result.remediations().forEach(s -> text.append("do: ").append(dev.failmode.model.Wire.name(s.type())).append(": ").append(s.text())
        .append(s.declared() ? " (declared)" : " [" + s.rule() + "]").append('\n'));
    return text.toString();
  }

  /**
   * JUnit XML for a run that bad input stopped (exit 2): one suite, "failmode: bad input", with a
   * test case in error for each problem, named for its place, so that a CI's test view shows why
   * the run could not judge anything rather than nothing at all.
   */
  static String problems(List<dev.failmode.model.Problem> given, String summary) {
    // a run stopped with no located problem (no files found) is still one error, not an empty, passing suite
    List<dev.failmode.model.Problem> problems = given.isEmpty()
        ? List.of(new dev.failmode.model.Problem(dev.failmode.model.Location.of("failmode"), "", summary)) : given;
    java.io.StringWriter text = new java.io.StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      start(xml, "testsuites", "failmode", problems.size());
      newline(xml, 1);
      start(xml, "testsuite", "failmode: bad input", problems.size());
      for (dev.failmode.model.Problem problem : problems) {
        newline(xml, 2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", Xml.text(problem.location().file()));
        xml.writeAttribute("name", Xml.text(problem.location().toString()));
        if (problem.location().line() > 0) {
          xml.writeAttribute("file", Xml.text(problem.location().file()));
          xml.writeAttribute("line", Integer.toString(problem.location().line()));
        }
        newline(xml, 3);
        xml.writeStartElement("error");
        xml.writeAttribute("type", "bad-input");
        xml.writeAttribute("message", Xml.text(problem.detail()));
        xml.writeCharacters(Xml.text(problem.toString()));
        xml.writeEndElement();
        newline(xml, 2);
        xml.writeEndElement();
      }
      newline(xml, 2);
      xml.writeStartElement("system-err");
      xml.writeCharacters(Xml.text(summary));
      xml.writeEndElement();
      newline(xml, 1);
      xml.writeEndElement();
      newline(xml, 0);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e); // to a StringWriter, with text made safe
    }
    return text + "\n";
  }

  /** A suite (or the suites) of {@code errors} test cases, each in error. */
  private static void start(XMLStreamWriter xml, String element, String name, int errors) throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", Integer.toString(errors));
    xml.writeAttribute("failures", "0");
    xml.writeAttribute("errors", Integer.toString(errors));
    xml.writeAttribute("skipped", "0");
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}

package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Report;
import dev.failmode.policy.Policy;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown review renders each file's section on both cores, a batch ahead of the one it
 * writes: every file's section comes once, in the report's order of files, whatever finished first.
 */
class MarkdownReportTest {
  @TempDir Path dir;

  @Test
  void everyFilesSectionComesOnceInOrder() throws Exception {
    for (int i = 0; i < 40; i++) {
      StringBuilder file = new StringBuilder("apiVersion: failmode/v1\nkind: FailureModes\nmetadata: {name: system-" + i + "}\n"
          + "slo: {target: 99.9}\ncomponents:\n  - name: web\n    failureModes:\n");
      for (int m = 0; m <= i % 7; m++) {
        file.append("      - {id: mode-").append(m).append(", description: \"mode ").append(m)
            .append("\", effect: crash, userImpact: outage, duration: ").append(1 + m).append("m}\n");
      }
      Files.writeString(dir.resolve("file-" + (char) ('a' + i % 26) + i + ".yaml"), file);
    }
    Report report = Fixtures.classify(dir);

    String markdown = render(report);

    List<String> headings = markdown.lines().filter(line -> line.startsWith("## ")).toList();
    assertThat(headings).containsExactlyElementsOf(report.catalogues().stream().map(Catalogue::name)
        .map(name -> "## " + Markdown.text(name)).toList());
    assertThat(render(report)).isEqualTo(markdown);
  }

  private static String render(Report report) throws Exception {
    StringWriter out = new StringWriter();
    new MarkdownReport().write(Rendering.plain(report, Policy.strict().judge(report)), out);
    return out.toString();
  }
}

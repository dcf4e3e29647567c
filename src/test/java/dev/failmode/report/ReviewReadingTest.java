package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.model.Report;
import dev.failmode.policy.Policy;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an architect reads in a risk review says the same in every format: who accepted a risk and
 * until when, what a failure would cost against what it spends, a component's tolerance, and text
 * that cannot reorder itself on the page.
 */
class ReviewReadingTest {
  private static final String HEAD = """
      apiVersion: failmode/v1
      kind: FailureModes
      metadata:
        name: mixed
      slo: {target: 99.9, window: 30d}
      components:
        - name: web
          maturity: new
          tolerance: 30m
          failureModes:
            - {id: blip, description: a blip, effect: degraded, duration: 2m, frequency: 1/month, userImpact: degraded}
            - {id: quiet, description: nobody sees it, effect: unavailable, duration: 10m, frequency: 2/month, userImpact: none}
            - id: crash
              description: "it crashes \\u202eevil\\u202c here"
              effect: crash
              duration: 1h
              frequency: 1/month
              userImpact: outage
              waiver: {reason: accepted for the migration, owner: bob@example.org, expires: 2030-06-30}
        - name: legacy
          usage: unused
          failureModes:
            - {id: long-outage, description: down a day a week, effect: unavailable, duration: 1d, frequency: 1/week, userImpact: outage}
      """;

  @TempDir Path dir;

  private String render(Format format, String today) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("mixed.yaml"), HEAD);
    var loaded = new dev.failmode.load.CatalogueLoader(dir).load(java.util.List.of(dir.resolve("mixed.yaml")));
    var rules = Fixtures.core();
    Report report = new dev.failmode.engine.Engine(rules, dev.failmode.engine.ParameterValues.resolve(rules.packs(), Map.of()),
        today == null ? Fixtures.TODAY : java.time.LocalDate.parse(today)).classify(loaded.catalogues());
    StringWriter out = new StringWriter();
    format.writer().write(Rendering.plain(report, Policy.strict().judge(report)), out);
    return out.toString();
  }

  @Test
  void theHtmlShowsWaiversTraitsAndWhatIsNotSpentAsSuch() throws Exception {
    String html = render(Format.HTML, null);

    assertThat(html).contains("<strong>waiver:</strong> accepted for the migration <span class=\"muted\">(bob@example.org, until 2030-06-30)");
    assertThat(html).contains("new · tolerance 30m");
    // users do not see it: the share is what it would cost, in parentheses, and the details say so
    assertThat(html).contains("title=\"none spent while users see nothing: what it would cost\">(")
        .contains("<strong>budget:</strong> none spent while users see nothing; if they did:")
        .contains("<strong>budget:</strong> none spent while the component is unused; if it were used:");
    // an unused component spends nothing, as the rules count: it is not drawn in the budget chart
    assertThat(html).doesNotContain("legacy/long-outage: 14285.7%").doesNotContain("OK TO BREAK together (14");
    assertThat(html).contains("\\u202eevil\\u202c").doesNotContain("\u202e");
  }

  @Test
  void anExpiredWaiverIsMarkedSoInTextAndHtml() throws Exception {
    String text = render(Format.TEXT, "2030-07-01");
    String html = render(Format.HTML, "2030-07-01");

    assertThat(text).contains("waiver: accepted for the migration (bob@example.org, until 2030-06-30, expired: it counts for nothing)");
    assertThat(html).contains("until 2030-06-30, <strong class=\"notok\">expired</strong>: it counts for nothing");
    assertThat(render(Format.TEXT, null)).contains("(bob@example.org, until 2030-06-30)").doesNotContain("expired");
  }

  @Test
  void textSaysAnUnusedComponentsFailureSpendsNothing() throws Exception {
    assertThat(render(Format.TEXT, null))
        .contains("budget: none spent while the component is unused; if it were used: 1/week = 4.29 per 30d x 1440 min");
  }

  @Test
  void markdownKeepsBidiControlsFromReorderingTheReview() throws Exception {
    assertThat(render(Format.MARKDOWN, null)).doesNotContain("\u202e").contains("\\\\u202eevil");
  }

  @Test
  void distinctFailureModesHaveDistinctAnchors() throws Exception {
    java.nio.file.Files.writeString(dir.resolve("1.yaml"), "apiVersion: failmode/v1\nkind: FailureModes\nmetadata: {name: a-b}\n"
        + "components:\n  - name: c\n    failureModes: [{id: d, description: x, effect: crash}]\n");
    java.nio.file.Files.writeString(dir.resolve("2.yaml"), "apiVersion: failmode/v1\nkind: FailureModes\nmetadata: {name: a}\n"
        + "components:\n  - name: b-c\n    failureModes: [{id: d, description: y, effect: crash}]\n");
    Report report = Fixtures.classify(dir.resolve("1.yaml"), dir.resolve("2.yaml"));
    StringWriter out = new StringWriter();
    Format.HTML.writer().write(Rendering.plain(report, Policy.strict().judge(report)), out);

    java.util.List<String> anchors = java.util.regex.Pattern.compile("<details id=\"([^\"]*)\"").matcher(out.toString()).results()
        .map(m -> m.group(1)).toList();
    assertThat(anchors).containsExactlyInAnyOrder("mode-a-b/c/d", "mode-a/b-c/d");
    assertThat(out.toString()).contains("href=\"#mode-a-b/c/d\"").contains("href=\"#mode-a/b-c/d\"");
    assertThat(HtmlReport.anchor("system-shop-my catalogues/100% #1.yaml")).isEqualTo("system-shop-my%20catalogues/100%25%20%231.yaml");
  }
}

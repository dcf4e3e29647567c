package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting the gate on an existing catalogue: baselines, and diffs for pull-request comments. */
class BaselineAndDiffTest {
  private static final String HEADER = """
      apiVersion: failmode/v1
      kind: FailureModes
      metadata:
        name: shop
      slo:
        target: 99.9
        window: 30d
      components:
        - name: api
          failureModes:
            - id: slow-deploys
              description: deploys make the api slow for a while
              effect: slow
              userImpact: degraded
              duration: 30m
            - id: cache-restart
              description: the cache restarts
              effect: unavailable
              userImpact: none
      """;

  /** A failure mode the baseline does not have: NOT OK and open. */
  private static final String PAYMENT_OUTAGE = """
            - id: payment-outage
              description: payments fail
              effect: unavailable
              userImpact: outage
              duration: 1h
      """;

  @TempDir Path dir;
  private Path catalogue;
  private Path baseline;

  @BeforeEach
  void writeBaseline() throws Exception {
    catalogue = Files.writeString(dir.resolve("shop.yaml"), HEADER);
    baseline = dir.resolve("baseline.json");
    Cli first = Cli.run("check", catalogue.toString(), "--format", "json", "--output", baseline.toString());
    assertThat(first.exitCode()).as(first.err()).isEqualTo(1); // slow-deploys is NOT OK and open
  }

  @Test
  void nothingNewPassesAndSaysWhatTheBaselineAccepted() {
    Cli again = Cli.run("check", catalogue.toString(), "--baseline", baseline.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("check passed").contains("1 violation already in the baseline");
  }

  @Test
  void aNewNotOkFailsAndIsNamed() throws Exception {
    Files.writeString(catalogue, HEADER + PAYMENT_OUTAGE);

    Cli again = Cli.run("check", catalogue.toString(), "--baseline", baseline.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).contains("open-not-ok: shop/api/payment-outage")
        .doesNotContain("slow-deploys")
        .contains("check failed: 1 new violation").contains("1 violation already in the baseline");
  }

  @Test
  void sarifSaysWhatIsNewAndWhatUnchangedOnlyAgainstABaseline() throws Exception {
    Files.writeString(catalogue, HEADER + PAYMENT_OUTAGE);

    Cli against = Cli.run("check", catalogue.toString(), "--baseline", baseline.toString(), "--format", "sarif");
    Cli alone = Cli.run("check", catalogue.toString(), "--format", "sarif");

    var results = new com.fasterxml.jackson.databind.ObjectMapper().readTree(against.out()).at("/runs/0/results");
    java.util.Map<String, String> states = new java.util.TreeMap<>();
    results.forEach(r -> states.put(r.at("/partialFingerprints/failmodeId~1v1").asText(), r.path("baselineState").asText("")));
    assertThat(states).containsEntry("shop/api/payment-outage", "new").containsEntry("shop/api/slow-deploys", "unchanged");
    assertThat(alone.out()).as("no baseline, no baseline state").doesNotContain("baselineState");
  }

  @Test
  void aResultThatGetsWorseFails() throws Exception {
    Files.writeString(catalogue, HEADER.replace("effect: unavailable\n        userImpact: none",
        "effect: unavailable\n        userImpact: outage\n        duration: 40m"));

    Cli again = Cli.run("check", catalogue.toString(), "--baseline", baseline.toString());

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).contains("open-not-ok: shop/api/cache-restart");
  }

  @Test
  void aBaselineThatIsNotAReportIsBadInput() throws Exception {
    Path notReport = Files.writeString(dir.resolve("x.json"), "{\"hello\": 1}");
    Path notJson = Files.writeString(dir.resolve("y.json"), "nope {");

    assertThat(Cli.run("check", catalogue.toString(), "--baseline", notReport.toString()).err())
        .contains("not a failmode JSON report");
    assertThat(Cli.run("check", catalogue.toString(), "--baseline", notJson.toString()).exitCode()).isEqualTo(2);
    assertThat(Cli.run("check", catalogue.toString(), "--baseline", dir.resolve("none.json").toString()).err()).contains("no such file");
    assertThat(Cli.run("check", catalogue.toString(), "--baseline", notJson.toString()).err()).contains("y.json:1:1: not JSON: Unrecognized token");
    assertThat(Cli.run("check", catalogue.toString(), "--baseline", dir.toString()).err()).contains("is a folder; name a JSON report");
  }

  @Test
  void aBadBaselineOrFailOnIsShownToCiAsOtherBadInputIs() throws Exception {
    Path notJson = Files.writeString(dir.resolve("y.json"), "nope {");
    Path sarif = dir.resolve("out.sarif");

    Cli github = Cli.run("check", catalogue.toString(), "--baseline", notJson.toString(), "--format", "github");
    Cli failOn = Cli.run("check", catalogue.toString(), "--fail-on", "bogus", "--format", "github");
    Cli log = Cli.run("check", catalogue.toString(), "--baseline", notJson.toString(), "--format", "sarif", "-o", sarif.toString());

    assertThat(github.exitCode()).isEqualTo(2);
    assertThat(github.out()).contains("::error ").contains("not JSON");
    assertThat(failOn.exitCode()).isEqualTo(2);
    assertThat(failOn.out()).contains("::error ").contains("--fail-on: 'bogus' is not one of");
    assertThat(log.exitCode()).isEqualTo(2);
    assertThat(sarif).content().contains("\"executionSuccessful\": false").contains("not JSON");
  }

  @Test
  void aReportWhoseResultsAreNotAReportsIsBadInputSayingWhere() throws Exception {
    String head = "{\"tool\": {\"name\": \"failmode\"}, \"results\": [";
    Path numberId = Files.writeString(dir.resolve("a.json"), head + "{\"id\": 1, \"file\": \"a.yaml\", \"verdict\": \"NOT_OK\"}]}");
    Path badVerdict = Files.writeString(dir.resolve("b.json"), head + "{\"id\": \"s/c/m\", \"file\": \"a.yaml\", \"verdict\": \"MAYBE\"}]}");
    Path twice = Files.writeString(dir.resolve("c.json"), head + "{\"id\": \"s/c/m\", \"file\": \"a.yaml\", \"verdict\": \"NOT_OK\"},"
        + " {\"id\": \"s/c/m\", \"file\": \"a.yaml\", \"verdict\": \"OK_TO_BREAK\"}]}");
    Path good = dir.resolve("good.json");
    Cli.run("classify", catalogue.toString(), "--format", "json", "-o", good.toString());

    Cli number = Cli.run("diff", good.toString(), numberId.toString());
    Cli verdict = Cli.run("check", catalogue.toString(), "--baseline", badVerdict.toString());
    Cli repeated = Cli.run("diff", twice.toString(), good.toString());
    Path badStatus = Files.writeString(dir.resolve("d.json"), head + "{\"id\": \"s/c/m\", \"file\": \"a.yaml\", \"verdict\": \"NOT_OK\","
        + " \"status\": \"bogus\"}]}");
    Cli status = Cli.run("diff", good.toString(), badStatus.toString());
    Path escape = Files.writeString(dir.resolve("e.json"), head + "{\"id\": \"s/c/m\\u001b[31m\", \"file\": \"a.yaml\","
        + " \"verdict\": \"NOT_OK\"}]}");
    Cli hostile = Cli.run("diff", good.toString(), escape.toString(), "--format", "markdown");

    assertThat(List.of(number, verdict, repeated)).allMatch(cli -> cli.exitCode() == 2);
    assertThat(number.err()).contains("a.json: results[0].id: is not text (a failmode JSON report, made with --format json, has it)");
    assertThat(verdict.err()).contains("b.json: results[0].verdict: 'MAYBE' is not one of [OK_TO_BREAK, NOT_OK, UNCLASSIFIED]");
    assertThat(repeated.err()).contains("c.json: results[1].id: 's/c/m' is there twice");
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.err()).contains("d.json: results[0].status: 'bogus' is not one of [mitigated, waived, planned, open] or null");
    assertThat(hostile.exitCode()).as(hostile.err()).isZero();
    assertThat(hostile.out()).contains("`s/c/m\\u001b[31m`").doesNotContain("\u001b");
  }

  @Test
  void reportsMadeWithOtherRulesAreComparedWithANote() throws Exception {
    Path otherRules = Files.writeString(dir.resolve("other.json"), Files.readString(baseline)
        .replace("\"id\": \"core\",\n      \"version\": \"1.0.0\"", "\"id\": \"core\",\n      \"version\": \"0.9.0\""));
    assertThat(Files.readString(otherRules)).contains("\"version\": \"0.9.0\"");

    Cli diff = Cli.run("diff", otherRules.toString(), baseline.toString());
    Cli check = Cli.run("check", catalogue.toString(), "--baseline", otherRules.toString());

    assertThat(diff.exitCode()).isZero();
    assertThat(diff.err()).contains("note: the reports were made with different rules (failmode 0.1.0, core 0.9.0; then failmode"
        + " 0.1.0, core 1.0.0): a change may be the rules', not the files'");
    assertThat(check.err()).contains("note: the reports were made with different rules (failmode 0.1.0, core 0.9.0;");
  }

  @Test
  void diffListsVerdictAndStatusChanges() throws Exception {
    Files.writeString(catalogue, HEADER.replace("duration: 30m", "duration: 30m\n        remediations:\n          - type: process\n"
        + "            description: deploy off-peak").replace("effect: unavailable\n        userImpact: none",
        "effect: unavailable\n        userImpact: outage\n        duration: 40m"));
    Path after = dir.resolve("after.json");
    Cli.run("classify", catalogue.toString(), "--format", "json", "--output", after.toString());

    Cli text = Cli.run("diff", baseline.toString(), after.toString());
    Cli markdown = Cli.run("diff", baseline.toString(), after.toString(), "--format", "markdown");
    Cli same = Cli.run("diff", baseline.toString(), baseline.toString(), "--exit-code");
    Cli changed = Cli.run("diff", baseline.toString(), after.toString(), "--exit-code");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("shop/api/cache-restart: OK_TO_BREAK -> NOT_OK (open) (worse)\n")
        .contains("shop/api/slow-deploys: status open -> planned\n").endsWith("2 changes, 1 for the worse\n");
    assertThat(markdown.out()).startsWith("### failmode: what changed").contains("| `shop/api/cache-restart` | **verdict, worse** |")
        .contains("2 changes, 1 for the worse.");
    assertThat(same.exitCode()).isZero();
    assertThat(same.out()).isEqualTo("no changes\n");
    assertThat(same.err()).as("the same rules: nothing to note").isEmpty();
    assertThat(changed.exitCode()).isEqualTo(1);
  }
}

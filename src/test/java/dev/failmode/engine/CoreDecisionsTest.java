package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.model.Decision;
import dev.failmode.model.Finding;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Status;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decisions of core-pack.md beyond the examples, each from a file written here. */
class CoreDecisionsTest {
  @TempDir Path dir;

  private Report classify(String slo, String component, String mode) {
    return Fixtures.classifyText(dir, file(slo, component, mode));
  }

  private static String file(String slo, String component, String mode) {
    return """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: shop
        %s
        components:
          - name: api
        %s
            failureModes:
              - id: case
                description: the case under test
        %s
        """.formatted(slo == null ? "" : "slo:\n" + indent(slo, 2), indent(component, 4), indent(mode, 8));
  }

  private static String indent(String text, int spaces) {
    return text.isBlank() ? "" : text.strip().indent(spaces).stripTrailing();
  }

  private static Result only(Report report) {
    assertThat(report.results()).hasSize(1);
    return report.results().get(0);
  }

  @ParameterizedTest(name = "{0}% over {1}: one occurrence of {2} is {3}")
  @CsvSource({
      "99.99, 365d, 26.28m, NOT_OK",      // exactly 50%
      "99.99, 365d, 26.27m, NOT_OK",      // 49.98% once, but once per window is over 25%
      "99.9,  30d,  21.6m,  NOT_OK",      // exactly 50% of 43.2
      "99.9,  30d,  10.8m,  OK_TO_BREAK", // exactly 25%: not over
      "99.9,  30d,  10.81m, NOT_OK",      // just over 25%
      "99,    30d,  108m,   OK_TO_BREAK", // exactly 25% of 432
      "99,    30d,  2h,     NOT_OK"})
  void singleOccurrencesAtTheEdges(String target, String window, String duration, Decision expected) {
    Result result = only(classify("target: " + target + "\nwindow: " + window, "usage: heavy",
        "effect: unavailable\nuserImpact: outage\nduration: " + duration));

    assertThat(result.verdict()).as(result.reasons().toString()).isEqualTo(expected);
    assertThat(result.budget().frequencyAssumed()).isTrue();
    assertThat(result.reasons()).anyMatch(r -> r.message().contains("assumed"));
  }

  @ParameterizedTest(name = "{2} x {3} at {0}% over {1}: {4}")
  @CsvSource({
      "99.9,  30d,  1m,   10/month, OK_TO_BREAK",  // 9.86 of 43.2 min: 22.8%
      "99.9,  30d,  1m,   12/month, NOT_OK",       // 11.8 min: 27.4%
      "99.9,  30d,  1m,   2/week,   OK_TO_BREAK",  // 8.57 min: 19.8%
      "99.9,  30d,  1m,   3/week,   NOT_OK",       // 12.86 min: 29.8%
      "99.99, 365d, 1m,   13/year,  OK_TO_BREAK",  // 24.7%
      "99.99, 365d, 1m,   14/year,  NOT_OK",
      "99.9,  7d,   1m,   1/day,    NOT_OK",       // 7 of 10.08 min
      "99,    28d,  10m,  2/week,   OK_TO_BREAK"}) // 80 of 403.2 min: 19.8%
  void frequenciesAreScaledToTheWindow(String target, String window, String duration, String frequency, Decision expected) {
    Result result = only(classify("target: " + target + "\nwindow: " + window, "usage: heavy",
        "effect: degraded\nuserImpact: degraded\nduration: " + duration + "\nfrequency: " + frequency));

    assertThat(result.verdict()).as(result.reasons().toString()).isEqualTo(expected);
    assertThat(result.budget().frequencyAssumed()).isFalse();
  }

  @Test
  void theArithmeticInAReasonCanBeCheckedByHandAndNamesTheDurationAsWritten() {
    Result day = only(classify("target: 99.9\nwindow: 30d", "usage: heavy",
        "effect: unavailable\nuserImpact: outage\nduration: 1d\nfrequency: 1/year"));
    Result seconds = only(classify("target: 99.9\nwindow: 30d", "usage: heavy",
        "effect: unavailable\nuserImpact: outage\nduration: 90s\nfrequency: 2/month"));

    // 1/year over 30d is 0.0822 occurrences: 0.0822 x 1440 = 118.4, where 0.08 would make 115.2
    assertThat(day.reasons()).anyMatch(r -> r.message().startsWith("one occurrence of 1440 min (1d) uses 3333.3%"))
        .anyMatch(r -> r.message().startsWith("1/year = 0.0822 per 30d x 1440 min = 118.36 min per 30d"));
    assertThat(seconds.reasons().get(0).message()).startsWith("2/month = 1.97 per 30d x 1.5 min = 2.96 min per 30d");
    Result thousandths = only(classify("target: 99.99", "usage: heavy",
        "effect: unavailable\nuserImpact: outage\nduration: 3.285m\nfrequency: 4/year"));
    assertThat(thousandths.reasons().get(0).message()).startsWith("4/year = 4 per 365d x 3.285 min = 13.14 min per 365d");
    Result minutes = only(classify("target: 99.99", "usage: heavy", "effect: unavailable\nuserImpact: outage\nduration: 30m"));
    assertThat(minutes.reasons()).anyMatch(r -> r.message().startsWith("one occurrence of 30 min uses"));
  }

  @Test
  void aDefaultWindowIsAYear() {
    Result result = only(classify("target: 99.99", "usage: heavy", "effect: crash\nuserImpact: outage\nduration: 1m\nfrequency: 4/year"));

    assertThat(result.budget().budgetMinutes()).isEqualByComparingTo("52.56");
    assertThat(result.verdict()).isEqualTo(Decision.OK_TO_BREAK);
  }

  @Test
  void theModesToleranceOverridesTheComponents() {
    Result longer = only(classify("target: 99.99", "usage: heavy\ntolerance: 5m",
        "effect: unavailable\nuserImpact: none\nduration: 30m\ntolerance: 1h"));
    Result stricter = only(classify("target: 99.99", "usage: heavy\ntolerance: 1h",
        "effect: unavailable\nuserImpact: none\nduration: 30m\ntolerance: 10m"));

    assertThat(longer.verdict()).isEqualTo(Decision.OK_TO_BREAK);
    assertThat(longer.reasons().get(0).message()).contains("1h tolerance (failure mode's)");
    assertThat(stricter.verdict()).isEqualTo(Decision.NOT_OK);
    assertThat(stricter.reasons().get(0).message()).contains("10m tolerance (failure mode's)");
  }

  @Test
  void aDurationWithNoToleranceIsUndecidedAndSaysToDeclareOne() {
    Result result = only(classify("target: 99.99", "usage: heavy", "effect: unavailable\nuserImpact: none\nduration: 10m"));

    assertThat(result.verdict()).isEqualTo(Decision.UNCLASSIFIED);
    assertThat(result.reasons()).extracting(Reason::rule).contains("core/tolerance-undeclared");
    assertThat(result.reasons().get(0).message()).contains("declare one");
  }

  @Test
  void anUnremediatedIncidentIsNotOkWhateverElseSaysOk() {
    Result result = only(classify("target: 99.99", "usage: heavy\ntolerance: 30m", """
        effect: unavailable
        userImpact: none
        duration: 5m
        incidents:
          - id: INC-1
            remediated: true
          - id: INC-2
            date: 2026-01-02
            remediated: false
        """));

    assertThat(result.verdict()).isEqualTo(Decision.NOT_OK);
    assertThat(result.reasons()).extracting(Reason::rule).contains("core/incident-only-once", "core/no-impact-within-tolerance");
    assertThat(result.reasons().get(0).message()).contains("INC-2 (2026-01-02)").doesNotContain("INC-1");
    assertThat(result.remediations()).anyMatch(s -> s.rule().equals("core/incident-only-once"));
  }

  @Test
  void anUnusedComponentsUnremediatedIncidentIsNotedAndItsWriteUpSuggestedAtAnyVerdict() {
    Result result = only(classify("target: 99.99", "usage: unused", """
        effect: crash
        userImpact: outage
        duration: 5m
        incidents:
          - id: INC-7
            remediated: false
        """));

    assertThat(result.verdict()).isEqualTo(Decision.OK_TO_BREAK);
    assertThat(result.reasons()).anyMatch(r -> r.rule().equals("core/unused-incident-noted") && r.message().contains("INC-7"));
    assertThat(result.remediations()).anyMatch(s -> s.rule().equals("core/unused-incident-noted")
        && s.type() == dev.failmode.model.RemediationType.PROCESS && s.text().contains("write up incident INC-7"));
  }

  @Test
  void unusedComponentsAreOkToBreakButWrongDataStillWins() {
    Result outage = only(classify("target: 99.99", "usage: unused", "effect: unavailable\nuserImpact: outage\nduration: 2h"));
    Result wrong = only(classify("target: 99.99", "usage: unused", "effect: incorrect-data"));

    assertThat(outage.verdict()).isEqualTo(Decision.OK_TO_BREAK);
    assertThat(wrong.verdict()).isEqualTo(Decision.NOT_OK);
    assertThat(wrong.reasons()).extracting(Reason::rule).containsExactly("core/wrong-data-never-ok", "core/unused-ok-to-break");
  }

  @Test
  void silentFailuresUsersSeeAreNotOk() {
    Result result = only(classify("target: 99", "usage: heavy",
        "effect: degraded\nuserImpact: degraded\ndetection: silent\nduration: 1m\nfrequency: 1/year"));

    assertThat(result.verdict()).isEqualTo(Decision.NOT_OK);
    assertThat(result.decidingRules()).containsExactly("core/silent-user-facing");
  }

  @Test
  void userFacingWithoutAnSloSaysWhatIsMissing() {
    Result noSlo = only(classify(null, "usage: heavy", "effect: crash\nuserImpact: outage\nduration: 1m"));
    Result neither = only(classify(null, "usage: heavy", "effect: crash\nuserImpact: outage"));
    Result noDuration = only(classify("target: 99.9", "usage: heavy", "effect: crash\nuserImpact: degraded"));

    assertThat(noSlo.verdict()).isEqualTo(Decision.NOT_OK);
    assertThat(noSlo.reasons().get(0).message()).contains("no SLO").doesNotContain("no duration");
    assertThat(neither.reasons().get(0).message()).contains("no SLO").contains("no duration");
    assertThat(noDuration.reasons().get(0).message()).contains("no duration").doesNotContain("no SLO");
    assertThat(noSlo.budget()).isNull();
  }

  @Test
  void contradictedClaimsAreFindingsAndDoNotChangeTheVerdict() {
    Report report = classify("target: 99.99", "usage: heavy",
        "effect: crash\nuserImpact: outage\nduration: 30m\nclaim: ok-to-break");

    assertThat(only(report).verdict()).isEqualTo(Decision.NOT_OK);
    assertThat(report.findings()).extracting(Finding::kind).containsExactly("claim-contradicted");
    assertThat(report.findings().get(0).message()).contains("claims ok-to-break").contains("NOT OK");
  }

  @Test
  void modesNoRuleDecidesAreUnclassifiedAndSayWhy() {
    Report report = classify("target: 99.99", "usage: heavy", "effect: crash");
    Result result = only(report);

    assertThat(result.verdict()).isEqualTo(Decision.UNCLASSIFIED);
    assertThat(result.status()).isNull();
    assertThat(result.reasons()).extracting(Reason::rule).containsExactly("core/user-impact-undeclared", "failmode/no-rule-decided");
  }

  @Test
  void waiversAndRemediationsChangeTheStatusNeverTheVerdict() {
    String notOk = "effect: crash\nuserImpact: outage\nduration: 30m\n";
    Result open = only(classify("target: 99.99", "usage: heavy", notOk));
    Result waived = only(classify("target: 99.99", "usage: heavy",
        notOk + "waiver:\n  reason: until the fix\n  owner: bob\n  expires: 2030-01-01"));
    Report expiredReport = classify("target: 99.99", "usage: heavy",
        notOk + "waiver:\n  reason: until the fix\n  owner: bob\n  expires: 2026-11-25");
    Result planned = only(classify("target: 99.99", "usage: heavy",
        notOk + "remediations:\n  - type: process\n    description: a runbook"));
    Result mitigated = only(classify("target: 99.99", "usage: heavy",
        notOk + "remediations:\n  - type: workaround\n    description: restart\n    status: done"));

    assertThat(java.util.List.of(open, waived, only(expiredReport), planned, mitigated)).extracting(Result::verdict)
        .containsOnly(Decision.NOT_OK);
    assertThat(open.status()).isEqualTo(Status.OPEN);
    assertThat(waived.status()).isEqualTo(Status.WAIVED);
    assertThat(only(expiredReport).status()).isEqualTo(Status.OPEN);
    assertThat(expiredReport.findings()).extracting(Finding::kind).containsExactly("expired-waiver");
    assertThat(planned.status()).isEqualTo(Status.PLANNED);
    assertThat(mitigated.status()).isEqualTo(Status.MITIGATED);
    assertThat(mitigated.remediations().get(0).declared()).isTrue();
  }

  @Test
  void aWaiverIsGoodThroughItsExpiryDate() {
    Report report = classify("target: 99.99", "usage: heavy", "effect: crash\nuserImpact: outage\nduration: 30m\n"
        + "waiver:\n  reason: r\n  owner: o\n  expires: " + Fixtures.TODAY);

    assertThat(only(report).status()).isEqualTo(Status.WAIVED);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void manySmallOksAddUpToAFindingForTheFile() {
    StringBuilder modes = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      modes.append("""
                - id: blip-%d
                  description: a short blip
                  effect: degraded
                  userImpact: degraded
                  duration: 11m
                  frequency: 1/year
          """.formatted(i));
    }
    String yaml = """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: web
        slo:
          target: 99.99
        components:
          - name: frontend
            failureModes:
        """ + modes;

    Report report = Fixtures.classifyText(dir, yaml);

    assertThat(report.results()).extracting(Result::verdict).containsOnly(Decision.OK_TO_BREAK);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo("over-budget");
      assertThat(f.id()).isEqualTo("web");
      assertThat(f.message()).contains("104.6%").contains("frontend/blip-1 (20.9%)");
    });
    // raising the limit makes it go away: thresholds are parameters
    Report relaxed = Fixtures.classifyText(dir, yaml, Map.of("file-budget-share", "150%"));
    assertThat(relaxed.findings()).isEmpty();
  }

  @Test
  void thresholdsAreParametersARunCanOverride() {
    String mode = "effect: crash\nuserImpact: outage\nduration: 1m\nfrequency: 10/year"; // 19% of the budget
    Result byDefault = only(classify("target: 99.99", "usage: heavy", mode));
    Result stricter = only(Fixtures.classifyText(dir, file("target: 99.99", "usage: heavy", mode), Map.of("core.window-share", "0.1")));

    assertThat(byDefault.verdict()).isEqualTo(Decision.OK_TO_BREAK);
    assertThat(stricter.verdict()).isEqualTo(Decision.NOT_OK);
    assertThat(stricter.reasons().get(0).message()).contains("over 10% is NOT OK");
  }
}

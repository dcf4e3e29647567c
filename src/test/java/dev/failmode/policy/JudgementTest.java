package dev.failmode.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.model.Finding;
import dev.failmode.model.Location;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judgement answers per failure mode and per finding from an index; the answers are those of a plain search. */
class JudgementTest {
  private static final Location HERE = new Location("a.yaml", 3, 5);

  @Test
  void eachFailureModeGetsItsOwnViolationsAndNoFindingsOnes() {
    Report report = Fixtures.classify(Path.of("examples"));
    Judgement judgement = Policy.strict().judge(report);

    for (Result result : report.results()) {
      List<Violation> expected = judgement.violations().stream()
          .filter(v -> v.id().equals(result.id()) && (v.kind() == FailOn.OPEN_NOT_OK || v.kind() == FailOn.UNCLASSIFIED)).toList();
      assertThat(judgement.violations(result)).as(result.id()).isEqualTo(expected);
    }
    for (Finding finding : report.findings()) {
      assertThat(judgement.violation(finding)).as(finding.id()).isEqualTo(judgement.violations().stream()
          .filter(v -> v.id().equals(finding.id()) && v.kind().toString().equals(finding.kind())).findFirst());
    }
    assertThat(report.results()).anyMatch(r -> !judgement.violations(r).isEmpty());
    assertThat(report.findings()).anyMatch(f -> judgement.violation(f).isPresent());
  }

  @Test
  void anUnclassifiedModeIsRejectedWithTheNotesThatSayWhatItLacks(@org.junit.jupiter.api.io.TempDir Path dir) {
    Report report = Fixtures.classifyText(dir, """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata: {name: s}
        components:
          - name: c
            usage: heavy
            failureModes:
              - {id: undeclared, description: no user impact, effect: crash}
        """);
    Result result = report.results().get(0);
    assertThat(result.reasons()).extracting(r -> r.rule()).containsExactly("core/user-impact-undeclared", "failmode/no-rule-decided");

    Violation violation = Policy.strict().judge(report).violations(result).get(0);

    assertThat(violation.kind()).isEqualTo(FailOn.UNCLASSIFIED);
    assertThat(violation.rule()).isEqualTo("core/user-impact-undeclared");
    assertThat(violation.message()).isEqualTo("no rule decided it: " + result.reasons().get(0).message() + " [core/user-impact-undeclared]");
  }

  @Test
  void anUnclassifiedModeWithNoNoteIsRejectedWithTheEnginesReason() {
    // packs other than core may leave a mode undecided without a note: the engine's reason is then all there is
    Result any = Fixtures.classify(Path.of("examples")).results().get(0);
    dev.failmode.model.Reason engines = new dev.failmode.model.Reason("failmode/no-rule-decided", null,
        "no rule decided this failure mode, so it is UNCLASSIFIED");
    Result undecided = new Result(any.mode(), dev.failmode.model.Decision.UNCLASSIFIED, null, List.of(engines), List.of(), null);
    Report report = new Report("0", List.of(), List.of(), List.of(), List.of(), List.of(undecided), List.of());

    Violation violation = Policy.strict().judge(report).violations(undecided).get(0);

    assertThat(violation.rule()).isEqualTo("failmode/no-rule-decided");
    assertThat(violation.message()).isEqualTo("no rule decided it: no rule decided this failure mode, so it is UNCLASSIFIED"
        + " [failmode/no-rule-decided]");
  }

  @Test
  void aFindingMatchesOnlyAViolationOfItsKindAndId() {
    Violation expired = new Violation(FailOn.EXPIRED_WAIVER, "s/c/m", HERE, "expired", "core/x");
    Violation open = new Violation(FailOn.OPEN_NOT_OK, "s/c/m", HERE, "open", "core/y");
    Judgement judgement = new Judgement(Set.of(FailOn.values()), List.of(expired, open), List.of(open));

    assertThat(judgement.violation(new Finding(Finding.EXPIRED_WAIVER, "s/c/m", HERE, "expired", "core/x"))).contains(expired);
    assertThat(judgement.violation(new Finding(Finding.CLAIM_CONTRADICTED, "s/c/m", HERE, "claim", "core/z"))).isEmpty();
    assertThat(judgement.violation(new Finding(Finding.EXPIRED_WAIVER, "s/c/other", HERE, "expired", "core/x"))).isEmpty();
    assertThat(judgement.accepted(new Finding(Finding.EXPIRED_WAIVER, "s/c/m", HERE, "expired", "core/x"))).isFalse();
    assertThat(judgement.passed()).isFalse();
    assertThat(Judgement.none().passed()).isTrue();
  }
}

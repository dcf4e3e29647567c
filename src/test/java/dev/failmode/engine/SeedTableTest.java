package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.model.Budget;
import dev.failmode.model.Decision;
import dev.failmode.model.FailureMode;
import dev.failmode.model.RemediationType;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Suggestion;
import dev.failmode.model.UserImpact;
import dev.failmode.model.Wire;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed table of core-pack.md, row by row, against examples/: the examples are the
 * acceptance fixtures of the core pack.
 */
class SeedTableTest {
  private static final String BUDGET = "per the budget";
  private static Report report;

  @BeforeAll
  static void classifyExamples() {
    report = Fixtures.classify(Path.of("examples"));
  }

  /** file, component, role, failure mode, what the row says of it, expected, suggestion types. */
  static Stream<Arguments> seed() {
    return Stream.of(
        row("kubernetes-cluster", "apiserver", "control-plane", "control-plane-down", "down 5m, none", "OK_TO_BREAK"),
        row("kubernetes-cluster", "pod-network", "networking", "overlay-broken", "unused, crash", "OK_TO_BREAK"),
        row("kubernetes-cluster", "etcd", "storage", "down-10-minutes", "down 10m, none", "OK_TO_BREAK"),
        row("kubernetes-cluster", "etcd", "storage", "down-2-hours", "down 2h, none", "NOT_OK"),
        row("kubernetes-cluster", "container-runtime", null, "containers-fail-to-start", "degraded, 30m, 4/year", "NOT_OK"),
        row("kubernetes-cluster", "kubelet", null, "image-pull-permission-denied", "permission-denied, outage, 15m, 2/year", "NOT_OK"),
        row("kubernetes-cluster", "scheduler-or-kubelet", null, "pods-terminated-unexpectedly",
            "unexpected-termination, outage, 5m, 6/year", "NOT_OK"),
        row("envoy-mesh", "xds-server", "control-plane", "down-serving-stale-config", "down 5m, stale-data, none", "OK_TO_BREAK"),
        row("envoy-mesh", "xds-server", "control-plane", "serves-incorrect-config", "incorrect-data", "NOT_OK"),
        row("envoy-mesh", "xds-server", "control-plane", "serves-incomplete-config", "incomplete-data", "NOT_OK"),
        row("envoy-mesh", "envoy", "data-plane", "startup-segfault-config-error", "crash, startup, config-error, immediate, none",
            "OK_TO_BREAK", RemediationType.PROCESS),
        row("envoy-mesh", "envoy", "data-plane", "runtime-segfault", "crash, runtime, outage, 1m, 52/year", "NOT_OK"),
        row("envoy-mesh", "envoy", "data-plane", "ignores-retry-and-timeout-headers", "degraded", BUDGET, RemediationType.CONFIG_CHANGE),
        row("envoy-mesh", "envoy", "data-plane", "no-tls-session-resumption", "overload", BUDGET, RemediationType.UPSTREAM_FIX),
        row("envoy-mesh", "envoy", "data-plane", "health-check-fan-out", "overload", BUDGET, RemediationType.CONFIG_CHANGE),
        row("envoy-mesh", "envoy", "data-plane", "slow-hosts-removed-from-rotation", "degraded", BUDGET),
        row("envoy-mesh", "envoy", "data-plane", "connect-failures-not-retried", "default-setting, degraded", BUDGET,
            RemediationType.CONFIG_CHANGE),
        row("envoy-mesh", "envoy", "data-plane", "leak-segfaults", "crash", BUDGET, RemediationType.WORKAROUND,
            RemediationType.UPSTREAM_FIX),
        row("envoy-mesh", "envoy", "data-plane", "disk-full-unrotated-logs", "resource-exhaustion", BUDGET,
            RemediationType.CONFIG_CHANGE, RemediationType.MONITORING));
  }

  private static Arguments row(String system, String component, String role, String mode, String says, String expected,
      RemediationType... suggestions) {
    return Arguments.of(system, component, role, mode, says, expected, List.of(suggestions));
  }

  @ParameterizedTest(name = "{0}/{1}/{3} ({4}): {5}")
  @MethodSource("seed")
  void seedRowHolds(String system, String component, String role, String modeId, String says, String expected,
      List<RemediationType> suggestions) {
    Result result = Fixtures.result(report, system + "/" + component + "/" + modeId);
    FailureMode mode = result.mode();
    for (String fact : says.split(", ")) {
      assertThat(describe(result)).as("the example says what the seed row says").contains(fact);
    }
    if (role != null) {
      assertThat(report.catalogues().stream().flatMap(c -> c.components().stream())
          .filter(c -> c.name().equals(component) && c.system().equals(system)).findFirst().orElseThrow().role())
          .extracting(Wire::name).isEqualTo(role);
    }
    if (expected.equals(BUDGET)) {
      assertThat(mode.userImpact()).isIn(UserImpact.DEGRADED, UserImpact.OUTAGE);
      Budget budget = result.budget();
      assertThat(budget).as("a budget-judged row has its arithmetic").isNotNull();
      // The reference formula, computed here independently of the pack: minutes x frequency per 365 days.
      BigDecimal occurrence = BigDecimal.valueOf(mode.duration().toMillis()).divide(BigDecimal.valueOf(60_000), MathContext.DECIMAL64);
      BigDecimal perYear = mode.frequency().count().multiply(BigDecimal.valueOf(switch (mode.frequency().per()) {
        case YEAR -> 1;
        case MONTH -> 12;
        case WEEK -> 365.0 / 7;
        case DAY -> 365;
      }), MathContext.DECIMAL64);
      BigDecimal budgetMinutes = new BigDecimal("52.56");
      boolean notOk = occurrence.divide(budgetMinutes, MathContext.DECIMAL64).compareTo(new BigDecimal("0.5")) >= 0
          || occurrence.multiply(perYear).divide(budgetMinutes, MathContext.DECIMAL64).compareTo(new BigDecimal("0.25")) > 0;
      assertThat(result.verdict()).isEqualTo(notOk ? Decision.NOT_OK : Decision.OK_TO_BREAK);
      assertThat(result.decidingRules()).allMatch(rule -> rule.startsWith("core/budget-"));
    } else {
      assertThat(result.verdict()).as(result.reasons().toString()).isEqualTo(Decision.valueOf(expected));
    }
    assertThat(result.remediations().stream().filter(s -> !s.declared()).map(Suggestion::type))
        .as("suggested remediations").containsAll(suggestions);
  }

  @Test
  void theSeedCoversEveryFailureModeOfTheExamples() {
    assertThat(report.results()).hasSize((int) seed().count());
    assertThat(report.results().stream().map(Result::verdict)).doesNotContain(Decision.UNCLASSIFIED);
  }

  @Test
  void perTheBudgetRowsShowBothVerdicts() {
    List<Decision> budgetVerdicts = seed().map(Arguments::get).filter(a -> a[5].equals(BUDGET))
        .map(a -> Fixtures.result(report, a[0] + "/" + a[1] + "/" + a[3]).verdict()).distinct().toList();
    assertThat(budgetVerdicts).containsExactlyInAnyOrder(Decision.OK_TO_BREAK, Decision.NOT_OK);
  }

  private static String describe(Result result) {
    FailureMode m = result.mode();
    return Stream.of(
            m.effect() == null ? null : Wire.name(m.effect()),
            m.phase() == null ? null : Wire.name(m.phase()),
            m.cause() == null ? null : Wire.name(m.cause()),
            m.userImpact() == null ? null : Wire.name(m.userImpact()),
            m.detection() == null ? null : Wire.name(m.detection()),
            m.duration() == null ? null : "down " + dev.failmode.model.Text.duration(m.duration()),
            m.duration() == null ? null : dev.failmode.model.Text.duration(m.duration()),
            m.frequency() == null ? null : m.frequency().toString(),
            unused(result))
        .filter(java.util.Objects::nonNull)
        .reduce("", (a, b) -> a + "|" + b) + "|";
  }

  private static String unused(Result result) {
    return report.catalogues().stream().flatMap(c -> c.components().stream())
        .filter(c -> c.name().equals(result.mode().component()) && c.system().equals(result.mode().system()))
        .anyMatch(c -> c.usage() == dev.failmode.model.Usage.UNUSED) ? "unused" : null;
  }
}

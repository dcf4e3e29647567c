package dev.failmode.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated failure-mode catalogues: valid files with every optional field sometimes set, written as YAML. */
final class Catalogues {
  private Catalogues() {}

  static final List<String> EFFECTS = List.of("crash", "unavailable", "unexpected-termination", "degraded", "slow", "overload",
      "resource-exhaustion", "permission-denied", "stale-data", "incorrect-data", "incomplete-data", "data-loss");
  static final List<String> IMPACTS = List.of("none", "degraded", "outage");

  /** One failure mode's fields; null means left out. */
  record Mode(String id, String effect, String impact, Integer durationSeconds, Integer perYear, Integer toleranceSeconds,
      String detection, String cause, Boolean incidentRemediated, String claim) {

    String yaml() {
      StringBuilder y = new StringBuilder("      - id: ").append(id).append("\n        description: generated ").append(id)
          .append("\n        effect: ").append(effect).append('\n');
      if (impact != null) {
        y.append("        userImpact: ").append(impact).append('\n');
      }
      if (durationSeconds != null) {
        y.append("        duration: ").append(durationSeconds).append("s\n");
      }
      if (perYear != null) {
        y.append("        frequency: ").append(perYear).append("/year\n");
      }
      if (toleranceSeconds != null) {
        y.append("        tolerance: ").append(toleranceSeconds).append("s\n");
      }
      if (detection != null) {
        y.append("        detection: ").append(detection).append('\n');
      }
      if (cause != null) {
        y.append("        cause: ").append(cause).append('\n');
      }
      if (claim != null) {
        y.append("        claim: ").append(claim).append('\n');
      }
      if (incidentRemediated != null) {
        y.append("        incidents:\n          - id: INC-1\n            remediated: ").append(incidentRemediated).append('\n');
      }
      return y.toString();
    }

    Mode withDuration(Integer seconds) {
      return new Mode(id, effect, impact, seconds, perYear, toleranceSeconds, detection, cause, incidentRemediated, claim);
    }

    Mode withFrequency(Integer count) {
      return new Mode(id, effect, impact, durationSeconds, count, toleranceSeconds, detection, cause, incidentRemediated, claim);
    }
  }

  record Component(String name, String usage, Integer toleranceSeconds, List<Mode> modes) {
    String yaml() {
      StringBuilder y = new StringBuilder("  - name: ").append(name).append('\n');
      if (usage != null) {
        y.append("    usage: ").append(usage).append('\n');
      }
      if (toleranceSeconds != null) {
        y.append("    tolerance: ").append(toleranceSeconds).append("s\n");
      }
      y.append("    failureModes:\n");
      modes.forEach(m -> y.append(m.yaml()));
      return y.toString();
    }
  }

  /** A catalogue: its SLO target in hundredths of a percent (9999 is 99.99%), window, components. */
  record Catalogue(String name, Integer targetHundredths, Integer windowDays, List<Component> components) {
    String yaml() {
      StringBuilder y = new StringBuilder("apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: ").append(name).append('\n');
      if (targetHundredths != null) {
        y.append("slo:\n  target: ").append(targetHundredths / 100).append('.').append(String.format("%02d", targetHundredths % 100))
            .append("\n  window: ").append(windowDays).append("d\n");
      }
      y.append("components:\n");
      components.forEach(c -> y.append(c.yaml()));
      return y.toString();
    }

    int modeCount() {
      return components.stream().mapToInt(c -> c.modes().size()).sum();
    }

    /** The same catalogue with components and failure modes in another order. */
    Catalogue shuffled(long seed) {
      Random random = new Random(seed);
      List<Component> shuffled = new ArrayList<>();
      for (Component c : components) {
        List<Mode> modes = new ArrayList<>(c.modes());
        Collections.shuffle(modes, random);
        shuffled.add(new Component(c.name(), c.usage(), c.toleranceSeconds(), modes));
      }
      Collections.shuffle(shuffled, random);
      return new Catalogue(name, targetHundredths, windowDays, shuffled);
    }

    Catalogue withTarget(Integer hundredths) {
      return new Catalogue(name, hundredths, windowDays, components);
    }

    Catalogue mapModes(java.util.function.UnaryOperator<Mode> change) {
      return new Catalogue(name, targetHundredths, windowDays, components.stream()
          .map(c -> new Component(c.name(), c.usage(), c.toleranceSeconds(), c.modes().stream().map(change).toList())).toList());
    }
  }

  static Arbitrary<Mode> mode(String id) {
    Arbitrary<String> effect = Arbitraries.of(EFFECTS);
    Arbitrary<String> impact = Arbitraries.of(IMPACTS).injectNull(0.2);
    Arbitrary<Integer> duration = Arbitraries.integers().between(1, 3 * 86_400).injectNull(0.25);
    Arbitrary<Integer> frequency = Arbitraries.integers().between(1, 400).injectNull(0.3);
    Arbitrary<Integer> tolerance = Arbitraries.integers().between(1, 86_400).injectNull(0.6);
    Arbitrary<String> detection = Arbitraries.of("immediate", "minutes", "hours", "silent").injectNull(0.4);
    Arbitrary<String> cause = Arbitraries.of("config-error", "default-setting", "resource-leak", "memory-safety", "bug").injectNull(0.5);
    Arbitrary<Boolean> incident = Arbitraries.of(true, false).injectNull(0.8);
    Arbitrary<String> claim = Arbitraries.of("ok-to-break", "not-ok").injectNull(0.8);
    List<Arbitrary<Object>> fields = List.of(any(effect), any(impact), any(duration), any(frequency), any(tolerance), any(detection),
        any(cause), any(incident), any(claim));
    return Combinators.combine(fields)
        .as(v -> new Mode(id, (String) v.get(0), (String) v.get(1), (Integer) v.get(2), (Integer) v.get(3), (Integer) v.get(4),
            (String) v.get(5), (String) v.get(6), (Boolean) v.get(7), (String) v.get(8)));
  }

  private static Arbitrary<Object> any(Arbitrary<?> arbitrary) {
    return arbitrary.map(value -> (Object) value);
  }

  static Arbitrary<Component> component(String name) {
    Arbitrary<List<Mode>> modes = Arbitraries.integers().between(1, 5).flatMap(n -> {
      List<Arbitrary<Mode>> each = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        each.add(mode("mode-" + i));
      }
      return Combinators.combine(each).as(l -> l);
    });
    return Combinators.combine(Arbitraries.of("heavy", "moderate", "light", "unused").injectNull(0.3),
        Arbitraries.integers().between(60, 7_200).injectNull(0.5), modes).as((usage, tolerance, m) -> new Component(name, usage, tolerance, m));
  }

  static Arbitrary<Catalogue> catalogues() {
    Arbitrary<List<Component>> components = Arbitraries.integers().between(1, 4).flatMap(n -> {
      List<Arbitrary<Component>> each = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        each.add(component("comp-" + i));
      }
      return Combinators.combine(each).as(l -> l);
    });
    return Combinators.combine(Arbitraries.integers().between(9_000, 9_999).injectNull(0.15), Arbitraries.of(7, 28, 30, 90, 365),
        components).as((target, window, c) -> new Catalogue("system", target, window, c));
  }
}

package dev.failmode.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** On CI a property draws the same values at every run; elsewhere other values each time; a seed of its own always wins. */
class PropertySeedsTest {
  private final String before = System.getProperty(PropertySeeds.CHOICE);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(PropertySeeds.CHOICE);
    } else {
      System.setProperty(PropertySeeds.CHOICE, before);
    }
  }

  @Test
  void fixedSeedsDrawTheSameValuesAtEveryRun() {
    Drawn first = run("fixed");
    Drawn second = run("fixed");

    assertThat(first.unseeded()).hasSize(8).isEqualTo(second.unseeded());
    assertThat(first.seeded()).isEqualTo(second.seeded());
  }

  @Test
  void randomSeedsDrawOtherValuesEachRun() {
    Drawn first = run("random");
    Drawn second = run("random");

    assertThat(first.unseeded()).hasSize(8).isNotEqualTo(second.unseeded());
  }

  @Test
  void aSeedWrittenOnThePropertyWinsEitherWay() {
    Drawn fixed = run("fixed");
    Drawn random = run("random");

    assertThat(fixed.seeded()).hasSize(8).isEqualTo(random.seeded());
    assertThat(fixed.seeded()).isNotEqualTo(fixed.unseeded());
  }

  @Test
  void seedsAreFixedOnCiUnlessChosenOtherwise() {
    assertThat(PropertySeeds.fixed(null, Map.of("CI", "true"))).isTrue();
    assertThat(PropertySeeds.fixed("", Map.of("CI", "1"))).isTrue();
    assertThat(PropertySeeds.fixed(null, Map.of())).isFalse();
    assertThat(PropertySeeds.fixed(null, Map.of("CI", "false"))).isFalse();
    assertThat(PropertySeeds.fixed(null, Map.of("CI", " "))).isFalse();
    assertThat(PropertySeeds.fixed("random", Map.of("CI", "true"))).isFalse();
    assertThat(PropertySeeds.fixed(" Fixed ", Map.of())).isTrue();
    assertThatThrownBy(() -> PropertySeeds.fixed("fixd", Map.of("CI", "true")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fixd'");
  }

  @Test
  void eachPropertyHasASeedOfItsOwnThatNeverChanges() {
    assertThat(PropertySeeds.seedOf("a.B", "c")).isEqualTo(PropertySeeds.seedOf("a.B", "c"))
        .isNotEqualTo(PropertySeeds.seedOf("a.B", "d")).isNotEqualTo(PropertySeeds.seedOf("a.C", "c"));
    // the same on every JVM and in every release: a failure seen on CI replays anywhere
    assertThat(PropertySeeds.seedOf("dev.failmode.report.Utf8YamlTest", "writesWhatJacksonWrites"))
        .isEqualTo("-3731718578961171496");
  }

  private static Drawn run(String choice) {
    System.setProperty(PropertySeeds.CHOICE, choice);
    Fixture.unseeded.clear();
    Fixture.seeded.clear();
    EngineTestKit.engine("jqwik").selectors(selectClass(Fixture.class)).execute()
        .testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    return new Drawn(List.copyOf(Fixture.unseeded), List.copyOf(Fixture.seeded));
  }

  private record Drawn(List<Long> unseeded, List<Long> seeded) {}

  /** Run only through the test kit above. */
  static class Fixture {
    static final List<Long> unseeded = new ArrayList<>();
    static final List<Long> seeded = new ArrayList<>();

    @Property(tries = 8, edgeCases = EdgeCasesMode.NONE)
    void drawsFromTheSeedItIsGiven(@ForAll long value) {
      unseeded.add(value);
    }

    @Property(tries = 8, edgeCases = EdgeCasesMode.NONE, seed = "20261127")
    void drawsFromItsOwnSeed(@ForAll long value) {
      seeded.add(value);
    }
  }
}

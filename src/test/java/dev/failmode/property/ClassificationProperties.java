package dev.failmode.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.engine.Engine;
import dev.failmode.engine.ParameterValues;
import dev.failmode.engine.RuleBase;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Decision;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Properties of classification over generated catalogues: every failure mode gives one result,
 * order changes nothing, NOT OK dominates, and more downtime or a stricter SLO never makes a
 * NOT OK failure mode OK TO BREAK.
 */
class ClassificationProperties {
  private static final RuleBase CORE = Fixtures.core();
  private static Path dir;

  private static synchronized Path dir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("failmode-properties");
    }
    return dir;
  }

  static Report classify(Catalogues.Catalogue... catalogues) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory(dir(), "run");
      List<Path> paths = new java.util.ArrayList<>();
      for (int i = 0; i < catalogues.length; i++) {
        Catalogues.Catalogue c = new Catalogues.Catalogue(catalogues[i].name() + "-" + i, catalogues[i].targetHundredths(),
            catalogues[i].windowDays(), catalogues[i].components());
        paths.add(Files.writeString(folder.resolve("file-" + i + ".yaml"), c.yaml()));
      }
      LoadResult loaded = new CatalogueLoader(folder).load(paths);
      assertThat(loaded.problems()).as("a generated catalogue is valid").isEmpty();
      return new Engine(CORE, ParameterValues.resolve(CORE.packs(), Map.of()), Fixtures.TODAY).classify(loaded.catalogues());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      removeFolder(folder);
    }
  }

  @AfterContainer
  static synchronized void removeFolders() throws IOException {
    if (dir != null) {
      Fixtures.deleteTree(dir);
    }
    dir = null;
  }

  private static void removeFolder(Path folder) {
    try {
      if (folder != null) {
        Fixtures.deleteTree(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove a generated catalogue's folder", e);
    }
  }

  private static Map<String, Decision> verdicts(Report report) {
    Map<String, Decision> verdicts = new TreeMap<>();
    report.results().forEach(r -> verdicts.put(r.id(), r.verdict()));
    return verdicts;
  }

  @Property(tries = 150)
  void everyFailureModeInGivesExactlyOneResultOut(@ForAll("catalogues") Catalogues.Catalogue a,
      @ForAll("catalogues") Catalogues.Catalogue b) {
    Report report = classify(a, b);

    assertThat(report.results()).hasSize(a.modeCount() + b.modeCount());
    assertThat(report.results()).extracting(Result::id).doesNotHaveDuplicates().isSorted();
  }

  @Property(tries = 150)
  void verdictsDoNotDependOnTheOrderOfFilesComponentsOrModes(@ForAll("catalogues") Catalogues.Catalogue a,
      @ForAll("catalogues") Catalogues.Catalogue b, @ForAll long seed) {
    Report straight = classify(a, b);
    Report shuffled = classify(a.shuffled(seed), b.shuffled(seed + 1));

    assertThat(verdicts(shuffled)).isEqualTo(verdicts(straight));
    assertThat(shuffled.results()).extracting(r -> r.reasons().stream().map(Reason::rule).toList())
        .isEqualTo(straight.results().stream().map(r -> r.reasons().stream().map(Reason::rule).toList()).toList());
  }

  @Property(tries = 200)
  void notOkDominates(@ForAll("catalogues") Catalogues.Catalogue catalogue) {
    for (Result result : classify(catalogue).results()) {
      boolean notOk = result.reasons().stream().anyMatch(r -> r.vote() == Decision.NOT_OK);
      boolean ok = result.reasons().stream().anyMatch(r -> r.vote() == Decision.OK_TO_BREAK);
      Decision expected = notOk ? Decision.NOT_OK : ok ? Decision.OK_TO_BREAK : Decision.UNCLASSIFIED;
      assertThat(result.verdict()).as(result.reasons().toString()).isEqualTo(expected);
    }
  }

  @Property(tries = 150)
  void longerFailuresNeverTurnNotOkIntoOk(@ForAll("catalogues") Catalogues.Catalogue catalogue, @ForAll @IntRange(min = 2, max = 50) int factor) {
    Catalogues.Catalogue longer = catalogue.mapModes(m -> m.durationSeconds() == null ? m : m.withDuration(m.durationSeconds() * factor));

    neverBetter(classify(catalogue), classify(longer));
  }

  @Property(tries = 150)
  void moreFrequentFailuresNeverTurnNotOkIntoOk(@ForAll("catalogues") Catalogues.Catalogue catalogue,
      @ForAll @IntRange(min = 1, max = 100) int more) {
    // a failure mode with no frequency counts once per window, which for a short window is more often than N/year: only
    // frequencies a file declares are raised
    Catalogues.Catalogue frequent = catalogue.mapModes(m -> m.perYear() == null ? m : m.withFrequency(m.perYear() + more));

    neverBetter(classify(catalogue), classify(frequent));
  }

  @Property(tries = 150)
  void aStricterSloNeverTurnsNotOkIntoOk(@ForAll("catalogues") Catalogues.Catalogue catalogue, @ForAll @IntRange(min = 1, max = 999) int nines) {
    if (catalogue.targetHundredths() == null) {
      return;
    }
    Catalogues.Catalogue stricter = catalogue.withTarget(Math.min(9_999, catalogue.targetHundredths() + nines));

    neverBetter(classify(catalogue), classify(stricter));
  }

  private static void neverBetter(Report before, Report after) {
    Map<String, Decision> then = verdicts(before);
    Map<String, Decision> now = verdicts(after);
    then.forEach((id, verdict) -> {
      if (verdict == Decision.NOT_OK) {
        assertThat(now.get(id)).as(id).isEqualTo(Decision.NOT_OK);
      }
    });
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Catalogues.Catalogue> catalogues() {
    return Catalogues.catalogues();
  }
}

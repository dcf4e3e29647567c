package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in packs run from the executable model the build generated from rules/; the DRL stays
 * the source of truth. These tests hold the two to the same decisions, and prove a stale model is
 * never used.
 */
class PrecompiledPacksTest {
  private static final Set<String> TRUSTED = Set.of("core", "envoy");

  @Test
  void theBuiltInPacksArePrecompiledFromTheirCurrentDrl() throws PackException {
    RuleBase rules = RuleBase.compile(List.of(Fixtures.pack("core"), Fixtures.pack("envoy")));

    assertThat(rules.precompiled()).containsExactly("core", "envoy");
  }

  @Test
  void precompiledPacksDecideEverythingExactlyAsTheirDrlDoes() throws Exception {
    RuleBase precompiled = RuleBase.compile(List.of(Fixtures.pack("core"), Fixtures.pack("envoy")));
    RuleBase fromDrl = RuleBase.compile(List.of(Fixtures.pack("rules/core"), Fixtures.pack("rules/envoy")), TRUSTED);
    assertThat(fromDrl.precompiled()).isEmpty();
    assertThat(precompiled.rules()).isEqualTo(fromDrl.rules());

    List<Catalogue> catalogues = everyExampleAndFixture();
    assertThat(catalogues).hasSizeGreaterThan(100);
    assertThat(classify(precompiled, catalogues)).isEqualTo(classify(fromDrl, catalogues));
  }

  @Test
  void aPrecompiledPackRunsBesideOneCompiledFromDrl() throws Exception {
    RuleBase mixed = RuleBase.compile(List.of(Fixtures.pack("core"), Fixtures.pack("rules/envoy")), TRUSTED);
    RuleBase fromDrl = RuleBase.compile(List.of(Fixtures.pack("rules/core"), Fixtures.pack("rules/envoy")), TRUSTED);
    assertThat(mixed.precompiled()).containsExactly("core");

    List<Catalogue> catalogues = everyExampleAndFixture();
    assertThat(classify(mixed, catalogues)).isEqualTo(classify(fromDrl, catalogues));
  }

  @Test
  void aPackWhoseDrlChangedSinceTheBuildIsCompiledFromItsDrl() throws PackException {
    RulePack core = Fixtures.pack("core");
    List<DrlSource> edited = new ArrayList<>(core.sources());
    DrlSource first = edited.get(0);
    edited.set(0, new DrlSource(first.name(), first.text() + "\n// edited after the build\n"));
    RulePack stale = new RulePack(core.manifest(), core.origin(), core.root(), edited, core.kind(), core.spec(), core.sha256());

    assertThat(PrecompiledPacks.models(stale)).isEmpty();
    assertThat(RuleBase.compile(List.of(stale)).precompiled()).isEmpty();
    assertThat(PrecompiledPacks.models(core)).isNotEmpty();
  }

  @Test
  void onlyBuiltInPacksAreEverPrecompiled() {
    assertThat(PrecompiledPacks.models(Fixtures.pack("rules/core"))).isEmpty();
  }

  static Report classify(RuleBase rules, List<Catalogue> catalogues) throws Exception {
    return new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY).classify(catalogues);
  }

  /** The examples and every pack fixture, each file on its own (fixtures reuse ids across files). */
  static List<Catalogue> everyExampleAndFixture() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("examples", "rules/core/tests", "rules/envoy/tests")) {
      try (Stream<Path> walk = Files.walk(Fixtures.project().resolve(folder))) {
        walk.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("failmode.yaml")).sorted().forEach(files::add);
      }
    }
    List<Catalogue> catalogues = new ArrayList<>();
    for (Path file : files) {
      LoadResult loaded = new CatalogueLoader(Fixtures.project()).load(List.of(file));
      assertThat(loaded.problems()).as(file.toString()).isEmpty();
      catalogues.addAll(loaded.catalogues());
    }
    return catalogues;
  }
}

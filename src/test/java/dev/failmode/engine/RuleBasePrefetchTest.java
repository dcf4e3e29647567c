package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBasePrefetchTest {
  @Test
  void aRunOfExactlyThePrefetchedPacksTakesTheirRuleBaseOnce() throws PackException {
    RuleBasePrefetch.start(List.of("core"));
    List<RulePack> packs = List.of(Fixtures.pack("core"));

    RuleBase prefetched = RuleBasePrefetch.take(packs).orElseThrow();
    assertThat(prefetched.packs()).isEqualTo(packs);
    assertThat(prefetched.rules()).isNotEmpty();
    assertThat(RuleBasePrefetch.take(packs)).as("taken once").isEmpty();
  }

  @Test
  void aRunOfOtherPacksCompilesItsOwn() throws PackException {
    RuleBasePrefetch.start(List.of("core"));
    List<RulePack> packs = List.of(Fixtures.pack("core"), Fixtures.pack("envoy"));

    assertThat(RuleBasePrefetch.take(packs)).isEmpty();
    RuleBasePrefetch.start(List.of("core"));
    RuleBase compiled = RuleBase.compile(packs);
    assertThat(compiled.packs()).isEqualTo(packs);
    assertThat(compiled.rules()).anyMatch(rule -> rule.pack().equals("envoy"));
  }

  @Test
  void theCorePackFromAFolderIsNotTheBuiltInOneItWasBuiltFor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path copy = dir.resolve("core");
    Fixtures.copyTree(Fixtures.project().resolve("rules/core"), copy);
    RuleBasePrefetch.start(List.of("core"));
    List<RulePack> folder = List.of(new PackLoader(dir).resolve(copy.toString()));

    assertThat(folder.get(0).builtIn()).isFalse();
    assertThat(RuleBasePrefetch.take(folder)).isEmpty();
  }

  @Test
  void aBuiltInPackWhoseDrlIsNotWhatItsModelsWereCompiledFromIsNotTaken() throws PackException {
    RulePack core = Fixtures.pack("core");
    List<DrlSource> edited = new java.util.ArrayList<>(core.sources());
    DrlSource first = edited.get(0);
    edited.set(0, new DrlSource(first.name(), first.text() + "\n// edited after the build\n"));
    RulePack stale = new RulePack(core.manifest(), core.origin(), core.root(), edited, core.kind(), core.spec(), core.sha256());
    RuleBasePrefetch.start(List.of("core"));

    assertThat(stale.builtIn()).isTrue();
    assertThat(stale.sourceChecksum()).isNotEqualTo(core.sourceChecksum());
    assertThat(RuleBasePrefetch.take(List.of(stale))).isEmpty();
  }

  @Test
  void aPackFolderBesideCoreIsAddedToCoresRuleBaseBuiltAheadDecidingAsWithout() throws Exception {
    List<RulePack> packs = List.of(Fixtures.pack("core"), Fixtures.pack("rules/envoy"));
    RuleBase without = RuleBase.compileNow(packs, java.util.Set.of("envoy"));
    RuleBasePrefetch.start(List.of("core"));

    RuleBase ahead = RuleBase.compile(packs, java.util.Set.of("envoy"), PackCache.OFF);

    assertThat(RuleBasePrefetch.take(List.of(Fixtures.pack("core")))).as("taken by the run").isEmpty();
    assertThat(ahead.precompiled()).containsExactly("core");
    assertThat(ahead.rules()).isEqualTo(without.rules()).anyMatch(rule -> rule.pack().equals("envoy"));
    var catalogues = PrecompiledPacksTest.everyExampleAndFixture();
    assertThat(PrecompiledPacksTest.classify(ahead, catalogues)).isEqualTo(PrecompiledPacksTest.classify(without, catalogues));
  }

  @Test
  void whatIsBuiltAheadIsCoreAndTheBuiltInPacksARunNamesCoreFirst() {
    assertThat(RuleBasePrefetch.builtInsFor(List.of("envoy", "core"))).containsExactly("core", "envoy");
    assertThat(RuleBasePrefetch.builtInsFor(List.of("envoy"))).as("envoy depends on core").containsExactly("core", "envoy");
    assertThat(RuleBasePrefetch.builtInsFor(List.of("./team-pack"))).containsExactly("core");
    assertThat(RuleBasePrefetch.builtInsFor(List.of("envoy", "com.acme:pack:1.0.0"))).containsExactly("core", "envoy");
    assertThat(RuleBasePrefetch.builtInsFor(List.of())).isEmpty();
  }

  @Test
  void aPrefetchThatFailsLeavesTheRunToCompileAndReport() throws PackException {
    RuleBasePrefetch.start(List.of("no-such-pack"));

    assertThat(RuleBasePrefetch.take(List.of(Fixtures.pack("core")))).isEmpty();
  }

  @Test
  void builtInPacksAreReadOncePerProcess() throws PackException {
    assertThat(Fixtures.pack("core")).isSameAs(Fixtures.pack("core"));
  }
}

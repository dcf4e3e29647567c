package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.failmode.Fixtures;
import dev.failmode.model.Catalogue;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs that are not built in are compiled from DRL once and read from the cache after: the rule
 * base read decides exactly as the DRL compiled does, an edited pack is compiled again, and a
 * cache that is damaged, unwritable or writable by others never fails a run nor is read.
 */
class PackCacheTest {
  private static final Set<String> TRUSTED = Set.of("core", "envoy");

  @TempDir
  Path dir;

  private List<RulePack> folderPacks() {
    return List.of(Fixtures.pack("rules/core"), Fixtures.pack("rules/envoy"));
  }

  private List<Path> entries() throws IOException {
    Path packs = dir.resolve("packs");
    if (!Files.isDirectory(packs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(packs)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aPackIsCompiledOnceAndReadFromTheCacheAfterDecidingEverythingAsItsDrlDoes() throws Exception {
    PackCache cache = PackCache.at(dir);
    RuleBase first = RuleBase.compile(folderPacks(), TRUSTED, cache);
    assertThat(first.cached()).isEmpty();
    assertThat(entries()).hasSize(2).allMatch(p -> p.getFileName().toString().endsWith(PackCache.SUFFIX));

    RuleBase second = RuleBase.compile(folderPacks(), TRUSTED, cache);
    RuleBase fromDrl = RuleBase.compile(folderPacks(), TRUSTED, PackCache.OFF);

    assertThat(second.cached()).containsExactly("core", "envoy");
    assertThat(second.precompiled()).isEmpty();
    assertThat(second.rules()).isEqualTo(fromDrl.rules());
    List<Catalogue> catalogues = PrecompiledPacksTest.everyExampleAndFixture();
    assertThat(PrecompiledPacksTest.classify(second, catalogues)).isEqualTo(PrecompiledPacksTest.classify(fromDrl, catalogues));
  }

  @Test
  void anEditedPackIsCompiledAgainAndKeptBesideTheOldEntry() throws Exception {
    PackCache cache = PackCache.at(dir);
    RulePack envoy = Fixtures.pack("rules/envoy");
    RuleBase.compile(List.of(Fixtures.pack("rules/core"), envoy), TRUSTED, cache);
    RulePack edited = edited(envoy, "\n// tuned after review\n");

    RuleBase again = RuleBase.compile(List.of(Fixtures.pack("rules/core"), edited), TRUSTED, cache);

    assertThat(again.cached()).containsExactly("core");
    assertThat(entries()).hasSize(3);
    assertThat(RuleBase.compile(List.of(Fixtures.pack("rules/core"), edited), TRUSTED, cache).cached()).containsExactly("core", "envoy");
  }

  @Test
  void aPackOfItsOwnPackageWithFunctionsIsReadBackWhole(@TempDir Path packs) throws Exception {
    RulePack acme = pack(packs, """
        function String shout(String text) {
            return text.toUpperCase();
        }

        rule "runbooks"
            @id("runbooks")
            @kind("suggestion")
            @title("Every failure mode gets a runbook")
        when
            $v : Verdict( )
        then
            $v.suggest(RemediationType.WORKAROUND, shout("write a runbook for " + $v.getId()));
        end
        """);
    PackCache cache = PackCache.at(dir);
    Set<String> trusted = Set.of("acme"); // functions are for reviewed packs only (the safety check refuses them)

    RuleBase compiled = RuleBase.compile(List.of(acme), trusted, cache);
    RuleBase read = RuleBase.compile(List.of(acme), trusted, cache);

    assertThat(compiled.cached()).isEmpty();
    assertThat(read.cached()).containsExactly("acme");
    List<Catalogue> catalogues = PrecompiledPacksTest.everyExampleAndFixture();
    var fromCache = PrecompiledPacksTest.classify(read, catalogues);
    assertThat(fromCache).isEqualTo(PrecompiledPacksTest.classify(compiled, catalogues));
    assertThat(fromCache.results()).isNotEmpty().allSatisfy(result ->
        assertThat(result.remediations()).anySatisfy(s -> assertThat(s.text()).startsWith("WRITE A RUNBOOK FOR ")));
  }

  @Test
  void aPackThatDeclaresTypesIsCompiledAtEveryRun(@TempDir Path packs) throws Exception {
    RulePack acme = pack(packs, """
        declare Seen
            mode : String
        end

        rule "seen"
            @id("seen")
            @kind("suggestion")
            @title("Every failure mode is seen")
        when
            $v : Verdict( )
        then
            insert(new Seen($v.getId()));
        end

        rule "seen-then-suggested"
            @id("seen-then-suggested")
            @kind("suggestion")
            @title("A mode seen gets a suggestion")
        when
            $v : Verdict( )
            Seen( mode == $v.getId() )
        then
            $v.suggest(RemediationType.WORKAROUND, "write a runbook for " + $v.getId());
        end
        """);
    PackCache cache = PackCache.at(dir);

    RuleBase.compile(List.of(acme), Set.of("acme"), cache);
    RuleBase again = RuleBase.compile(List.of(acme), Set.of("acme"), cache);

    assertThat(again.cached()).isEmpty();
    assertThat(entries()).isEmpty();
    assertThat(PrecompiledPacksTest.classify(again, PrecompiledPacksTest.everyExampleAndFixture()).results())
        .allSatisfy(result -> assertThat(result.remediations()).anySatisfy(s -> assertThat(s.text()).startsWith("write a runbook for ")));
  }

  /** Pack acme in {@code packs}: one DRL file of package com.acme.reliability with {@code rules}. */
  private static RulePack pack(Path packs, String rules) throws Exception {
    Path folder = Files.createDirectories(packs.resolve("acme"));
    Files.writeString(folder.resolve("pack.yaml"), "id: acme\nversion: 1.2.0\ndescription: a team's own rules\nrequires: \">=0.1.0\"\n");
    Files.writeString(folder.resolve("rules.drl"), "package com.acme.reliability;\n\nimport dev.failmode.model.*;\n\n" + rules);
    return new PackLoader(packs).resolve("acme");
  }

  @Test
  void aDamagedEntryIsCompiledFromDrlAndWrittenAgain() throws Exception {
    PackCache cache = PackCache.at(dir);
    RuleBase.compile(folderPacks(), TRUSTED, cache);
    for (Path entry : entries()) {
      byte[] bytes = Files.readAllBytes(entry);
      Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    assertThat(RuleBase.compile(folderPacks(), TRUSTED, cache).cached()).isEmpty();
    assertThat(RuleBase.compile(folderPacks(), TRUSTED, cache).cached()).containsExactly("core", "envoy");
  }

  @Test
  void anEntryOfAnotherPackOrBuildIsNotRead() throws Exception {
    PackCache cache = PackCache.at(dir);
    RulePack envoy = Fixtures.pack("rules/envoy");
    RulePack core = Fixtures.pack("rules/core");
    RuleBase.compile(List.of(core, envoy), TRUSTED, cache);
    // the envoy entry, under the name of another pack's: its first lines name what it holds
    Files.copy(cache.entry(envoy), cache.entry(edited(envoy, "// another\n")));

    assertThat(cache.load(edited(envoy, "// another\n"))).isEmpty();
    assertThat(cache.load(envoy)).isPresent();
  }

  /** The filter sees the objects of an entry, not the classes compiled from consequences inside Drools' packages (security.md). */
  @Test
  void anEntryHoldingObjectsNoPackIsMadeOfIsNotRead() throws Exception {
    PackCache cache = PackCache.at(dir);
    RulePack envoy = Fixtures.pack("rules/envoy");
    Files.createDirectories(cache.entry(envoy).getParent());
    try (OutputStream file = Files.newOutputStream(cache.entry(envoy)); ObjectOutputStream out = new ObjectOutputStream(file)) {
      out.writeUTF(PackCache.FORMAT);
      out.writeUTF(PackCache.key(envoy).orElseThrow());
      out.writeObject(new ArrayList<>(List.of(TextNode.valueOf("not a pack")))); // Jackson's, not Drools'
    }

    assertThat(cache.load(envoy)).isEmpty();
  }

  @Test
  void aCacheOthersMayWriteToIsNeitherReadNorWritten() throws Exception {
    PackCache cache = PackCache.at(dir);
    RuleBase.compile(folderPacks(), TRUSTED, cache);
    Files.setPosixFilePermissions(dir.resolve("packs"), PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThat(RuleBase.compile(folderPacks(), TRUSTED, cache).cached()).isEmpty();

    Files.setPosixFilePermissions(dir.resolve("packs"), PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(entries().get(0), PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThat(RuleBase.compile(folderPacks(), TRUSTED, cache).cached()).hasSize(1);
  }

  @Test
  void aCacheFolderOthersMayWriteToIsNotRead() throws Exception {
    PackCache cache = PackCache.at(dir);
    RuleBase.compile(folderPacks(), TRUSTED, cache);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));

    assertThat(RuleBase.compile(folderPacks(), TRUSTED, cache).cached()).isEmpty();
  }

  @Test
  void linksInTheCacheAreNotFollowed(@TempDir Path elsewhere) throws Exception {
    // someone else's folder of entries behind a link, or an entry that is a link, is not the user's own cache
    PackCache filled = PackCache.at(elsewhere);
    RuleBase.compile(folderPacks(), TRUSTED, filled);
    Files.createSymbolicLink(dir.resolve("packs"), elsewhere.resolve("packs"));

    assertThat(RuleBase.compile(folderPacks(), TRUSTED, PackCache.at(dir)).cached()).isEmpty();

    Files.delete(dir.resolve("packs"));
    Files.createDirectories(dir.resolve("packs"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    RulePack core = Fixtures.pack("rules/core");
    Files.createSymbolicLink(PackCache.at(dir).entry(core), filled.entry(core));
    assertThat(PackCache.at(dir).load(core)).isEmpty();
    assertThat(filled.load(core)).isPresent();
  }

  @Test
  void theCacheIsMadeReadableByItsOwnerOnly() throws Exception {
    RuleBase.compile(folderPacks(), TRUSTED, PackCache.at(dir.resolve("new")));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new")))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new/packs")))).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(dir.resolve("new/packs"))) {
      assertThat(files.toList()).hasSize(2)
          .allSatisfy(entry -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------"));
    }
  }

  @Test
  void aCacheThatCannotBeWrittenNeverFailsARun() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the cache would be");

    RuleBase rules = RuleBase.compile(folderPacks(), TRUSTED, PackCache.at(notAFolder));

    assertThat(rules.rules()).isNotEmpty();
    assertThat(rules.cached()).isEmpty();
    assertThat(Files.readString(notAFolder)).isEqualTo("a file where the cache would be");
  }

  @Test
  void theLeastRecentlyUsedEntriesBeyondTheLimitAreDeleted() throws Exception {
    Path packs = Files.createDirectories(dir.resolve("packs"));
    for (int i = 0; i < PackCache.KEEP + 5; i++) {
      Path old = Files.writeString(packs.resolve(String.format("%064d", i) + PackCache.SUFFIX), "old");
      Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    Path notAnEntry = Files.writeString(packs.resolve("notes.txt"), "kept");

    RuleBase.compile(List.of(Fixtures.pack("rules/core")), TRUSTED, PackCache.at(dir));

    List<Path> left = entries().stream().filter(p -> p.toString().endsWith(PackCache.SUFFIX)).toList();
    assertThat(left).hasSize(PackCache.KEEP)
        .contains(PackCache.at(dir).entry(Fixtures.pack("rules/core")))
        .doesNotContain(packs.resolve(String.format("%064d", 0) + PackCache.SUFFIX), packs.resolve(String.format("%064d", 5) + PackCache.SUFFIX))
        .contains(packs.resolve(String.format("%064d", 6) + PackCache.SUFFIX));
    assertThat(notAnEntry).exists();
  }

  @Test
  void theKeyNamesTheDrlItsPathsAndThePackAndNotTheOrderFilesWereFoundIn() {
    RulePack core = Fixtures.pack("rules/core");
    List<DrlSource> reversed = new ArrayList<>(core.sources());
    java.util.Collections.reverse(reversed);
    RulePack sameFiles = new RulePack(core.manifest(), core.origin(), core.root(), reversed, core.kind(), core.spec(), core.sha256());
    List<DrlSource> renamed = new ArrayList<>(core.sources());
    renamed.set(0, new DrlSource(renamed.get(0).name().replace(".drl", "-renamed.drl"), renamed.get(0).text()));
    RulePack otherPath = new RulePack(core.manifest(), core.origin(), core.root(), renamed, core.kind(), core.spec(), core.sha256());

    RulePack otherOrigin = new RulePack(core.manifest(), "../" + core.origin(), core.root(), core.sources(), core.kind(), core.spec(),
        core.sha256());

    assertThat(PackCache.key(core).orElseThrow()).matches("[0-9a-f]{64}").isEqualTo(PackCache.key(Fixtures.pack("rules/core")).orElseThrow())
        .isEqualTo(PackCache.key(sameFiles).orElseThrow());
    assertThat(PackCache.key(otherPath)).isNotEqualTo(PackCache.key(core));
    assertThat(PackCache.key(otherOrigin)).as("rules keep their file's name as the run shows it").isNotEqualTo(PackCache.key(core));
    assertThat(PackCache.key(edited(core, " "))).isNotEqualTo(PackCache.key(core));
  }

  @Test
  void theKeyNamesDroolsSettingsThatChangeWhatDrlCompilesTo() {
    RulePack core = Fixtures.pack("rules/core");
    String before = PackCache.key(core).orElseThrow();
    System.setProperty("drools.dateformat", "dd/MM/yyyy");
    try {
      assertThat(PackCache.key(core).orElseThrow()).isNotEqualTo(before);
    } finally {
      System.clearProperty("drools.dateformat");
    }
    assertThat(PackCache.key(core).orElseThrow()).isEqualTo(before);
  }

  @Test
  void theCacheIsWhereTheEnvironmentSays() {
    assertThat(PackCache.standard(Map.of("FAILMODE_CACHE_DIR", "/srv/cache"), "/home/a").dir()).contains(Path.of("/srv/cache"));
    assertThat(PackCache.standard(Map.of("FAILMODE_CACHE_DIR", "off", "XDG_CACHE_HOME", "/x"), "/home/a").dir()).isEmpty();
    assertThat(PackCache.standard(Map.of("FAILMODE_CACHE_DIR", "OFF"), "/home/a")).isSameAs(PackCache.OFF);
    assertThat(PackCache.standard(Map.of("XDG_CACHE_HOME", "/x"), "/home/a").dir()).contains(Path.of("/x/failmode"));
    assertThat(PackCache.standard(Map.of("XDG_CACHE_HOME", "relative"), "/home/a").dir()).contains(Path.of("/home/a/.cache/failmode"));
    assertThat(PackCache.standard(Map.of(), "/home/a").dir()).contains(Path.of("/home/a/.cache/failmode"));
    assertThat(PackCache.standard(Map.of(), null).dir()).isEmpty();
  }

  @Test
  void noCacheWritesNothing() throws Exception {
    RuleBase rules = RuleBase.compile(folderPacks(), TRUSTED, PackCache.OFF);

    assertThat(rules.cached()).isEmpty();
    assertThat(PackCache.OFF.load(Fixtures.pack("rules/core"))).isEmpty();
    assertThat(entries()).isEmpty();
  }

  private static RulePack edited(RulePack pack, String appended) {
    List<DrlSource> sources = new ArrayList<>(pack.sources());
    DrlSource first = sources.get(0);
    sources.set(0, new DrlSource(first.name(), first.text() + appended));
    return new RulePack(pack.manifest(), pack.origin(), pack.root(), sources, pack.kind(), pack.spec(), pack.sha256());
  }
}

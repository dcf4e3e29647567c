package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests' requires and dependencies, checked when a run's packs are loaded. */
class PackSetTest {
  @TempDir Path dir;

  private Path pack(String id, String manifestExtra) throws Exception {
    Path pack = dir.resolve(id);
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("pack.yaml"), "id: " + id + "\nversion: 1.2.0\ndescription: a pack for a test\n" + manifestExtra);
    Files.writeString(pack.resolve("rules.drl"), "package " + id.replace('-', '_') + ";\nimport dev.failmode.model.*;\n"
        + "rule \"r\" when $v : Verdict() then $v.note(\"n\"); end\n");
    return pack;
  }

  private List<RulePack> load(String... specs) throws PackException {
    return PackSet.load(List.of(specs), dir, new PackLoader(dir), null);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"2fa-rules", "default", "new", "1pack"})
  void anIdThatCannotNameAJavaPackageIsRefusedAtItsLine(String id) throws Exception {
    pack(id, "");

    assertThatThrownBy(() -> load(id)).isInstanceOf(PackException.class)
        .hasMessageContaining(id + "/pack.yaml:1:1: id: '" + id + "' cannot name a pack: its rules' package would be dev.failmode.packs."
            + id.replace('-', '_'));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"my-new-pack", "default-rules", "team2"})
  void idsWithKeywordsOrDigitsInsideAreFine(String id) throws Exception {
    pack(id, "");

    assertThat(load(id)).extracting(RulePack::id).contains(id);
  }

  @Test
  void aBuiltInIdNamesTheBuiltInPackEvenBesideAFolderOfThatNameWhichIsNamedAsAPath() throws Exception {
    pack("core", ""); // a repository's own core/ module, here even a pack that calls itself core
    Files.createDirectories(dir.resolve("envoy/src")); // and one that is no pack at all

    assertThat(load("core")).singleElement().satisfies(pack -> {
      assertThat(pack.builtIn()).isTrue();
      assertThat(pack.manifest().version()).isEqualTo("1.0.0");
    });
    assertThat(load("envoy")).extracting(RulePack::id).containsExactly("core", "envoy");
    assertThat(load("./core")).singleElement().satisfies(pack -> {
      assertThat(pack.builtIn()).isFalse();
      assertThat(pack.manifest().version()).isEqualTo("1.2.0");
    });
  }

  @Test
  void aDrlFileInflatingPastTheLimitIsRefusedUnreadAndNamed() throws Exception {
    Path archive = dir.resolve("bomb.zip");
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("pack.yaml"));
      zip.write("id: bomb\nversion: 1.0.0\ndescription: a zip bomb\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("big.drl"));
      byte[] slashes = new byte[1 << 20];
      java.util.Arrays.fill(slashes, (byte) '/');
      for (int i = 0; i < 17; i++) {
        zip.write(slashes);
      }
    }
    assertThat(Files.size(archive)).isLessThan(1 << 20);

    assertThatThrownBy(() -> load("bomb.zip")).isInstanceOf(PackException.class)
        .hasMessageContaining("bomb.zip!/big.drl: the file is more than 16.0 MiB, too large to read");
  }

  @Test
  void aPackNamedTwiceIsLoadedOnceAndTwoPacksOfOneIdAreRefused() throws Exception {
    pack("team", "");
    Files.createDirectories(dir.resolve("copy"));
    Files.copy(dir.resolve("team/pack.yaml"), dir.resolve("copy/pack.yaml"));
    Files.copy(dir.resolve("team/rules.drl"), dir.resolve("copy/rules.drl"));

    assertThat(load("core", "core")).extracting(RulePack::id).containsExactly("core");
    assertThat(load("team", "./team", "sub/../team", dir.resolve("team").toString())).extracting(RulePack::id).containsExactly("team");
    assertThatThrownBy(() -> load("team", "copy")).hasMessageContaining("pack id 'team' is also the id of team; a run loads each pack once");
  }

  @Test
  void aVersionWrittenAsANumberIsToldWhatVersionItMeant() throws Exception {
    Path pack = pack("numbered", "");
    Files.writeString(pack.resolve("pack.yaml"), "id: numbered\nversion: 1.2\ndescription: a pack for a test\n");

    assertThatThrownBy(() -> load("numbered")).isInstanceOf(PackException.class)
        .hasMessageContaining("numbered/pack.yaml:2:10: version: the number 1.2 is not a semantic version: write MAJOR.MINOR.PATCH,"
            + " such as 1.2.0")
        .hasMessageNotContaining("quote it");
  }

  @Test
  void anArchiveNamingAFileTwiceOrByAnAbsolutePathIsRefused() throws Exception {
    String manifest = "id: zipped\nversion: 1.0.0\ndescription: a pack for a test\n";
    String drl = "package dev.failmode.packs.zipped;\nimport dev.failmode.model.*;\nrule \"r\" when $v : Verdict() then $v.note(\"n\"); end\n";
    zip("twice.zip", "pack.yaml", manifest, "rules.drl", drl, "rules.drl", drl.replace("\"n\"", "\"other\""));
    zip("absolute.zip", "pack.yaml", manifest, "rules.drl", drl, "/more.drl", drl);
    zip("fine.zip", "pack.yaml", manifest, "rules.drl", drl);

    assertThatThrownBy(() -> load("twice.zip")).hasMessageContaining("twice.zip: the archive holds rules.drl twice");
    assertThatThrownBy(() -> load("absolute.zip")).hasMessageContaining("absolute.zip: the entry /more.drl is an absolute path");
    assertThat(load("fine.zip")).extracting(RulePack::id).contains("zipped");
  }

  /**
   * An archive of the entries given as name, content, name, content... A name written twice is
   * written twice: Java's zip writer refuses that, so the second is written as {@code ~} plus the
   * name's tail and renamed in the archive's bytes (its local header and its central directory).
   */
  private void zip(String archive, String... namesAndContents) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.util.Map<String, String> renamed = new java.util.HashMap<>();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      java.util.Set<String> written = new java.util.HashSet<>();
      for (int i = 0; i < namesAndContents.length; i += 2) {
        String name = namesAndContents[i];
        if (!written.add(name)) {
          String stand = "~" + name.substring(1);
          renamed.put(stand, name);
          name = stand;
        }
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(namesAndContents[i + 1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    String raw = bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (var rename : renamed.entrySet()) {
      raw = raw.replace(rename.getKey(), rename.getValue());
    }
    Files.write(dir.resolve(archive), raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void packsThatDependOnThemselvesAreRefused() throws Exception {
    pack("a", "dependencies:\n  - id: b\n    version: \">=1.0.0\"\n");
    pack("b", "dependencies:\n  - id: c\n    version: \">=1.0.0\"\n");
    pack("c", "dependencies:\n  - id: a\n    version: \">=1.0.0\"\n");
    pack("self", "dependencies:\n  - id: self\n    version: \">=1.0.0\"\n");

    assertThatThrownBy(() -> load("a", "b", "c")).isInstanceOf(PackException.class)
        .hasMessageContaining("a/pack.yaml:5:5: dependencies[0]: packs depend on themselves: a -> b -> c -> a")
        .satisfies(e -> assertThat(((PackException) e).problems()).hasSize(1));
    assertThatThrownBy(() -> load("self")).hasMessageContaining("packs depend on themselves: self -> self");
  }

  @Test
  void aBuiltInDependencyIsAddedAndComesFirst() throws Exception {
    List<RulePack> packs = load("envoy");

    assertThat(packs).extracting(RulePack::id).containsExactly("core", "envoy");
  }

  @Test
  void theBuiltInPacksMeetTheirRequirementsInThisBuild() throws Exception {
    // a run skips this check for built-in packs among built-ins; the build (PrecompilePacks) makes it
    PackLoader loader = new PackLoader(dir);
    List<RulePack> builtIns = PackLoader.BUILT_IN.stream().map(id -> {
      try {
        return loader.builtIn(id);
      } catch (PackException e) {
        throw new AssertionError(e);
      }
    }).toList();

    assertThat(PackSet.requirements(builtIns)).isEmpty();
  }

  @Test
  void aPackThatDependsOnABuiltInPackIsCheckedAgainstIt() throws Exception {
    pack("needs-new-core", "dependencies:\n  - id: core\n    version: \">=7.0.0\"\n");

    assertThatThrownBy(() -> load("needs-new-core")).hasMessageContaining("pack needs-new-core needs core >=7.0.0, but rules/core is 1.0.0");
  }

  @Test
  void aPackNeedingANewerFailmodeIsRefused() throws Exception {
    pack("future", "requires: \">=99.0.0\"\n");

    assertThatThrownBy(() -> load("future")).isInstanceOf(PackException.class)
        .hasMessageContaining("future/pack.yaml:4:1: requires: pack future needs failmode >=99.0.0");
  }

  @Test
  void dependenciesMustBePresentInARangeThatFits() throws Exception {
    pack("base", "");
    pack("needs-base", "dependencies:\n  - id: base\n    version: \">=2.0.0\"\n");
    pack("needs-other", "dependencies:\n  - id: other\n    version: \">=1.0.0\"\n");
    pack("bad-range", "dependencies:\n  - id: base\n    version: \"whenever\"\n");

    assertThatThrownBy(() -> load("base", "needs-base"))
        .hasMessageContaining("needs-base/pack.yaml:5:5: dependencies[0]: pack needs-base needs base >=2.0.0, but base is 1.2.0");
    assertThatThrownBy(() -> load("needs-other")).hasMessageContaining("needs pack other >=1.0.0; add it with --rules");
    assertThatThrownBy(() -> load("base", "bad-range")).hasMessageContaining("'whenever' is not a version range");
  }

  @Test
  void dependenciesAreOrderedBeforeThePacksThatNeedThem() throws Exception {
    pack("base", "");
    pack("top", "dependencies:\n  - id: base\n    version: \"^1.0.0\"\n");

    assertThat(load("top", "base")).extracting(RulePack::id).containsExactly("base", "top");
  }

  @Test
  void aLinkOutOfAPacksFolderIsRefusedAndOneInsideItIsRead() throws Exception {
    Path secret = Files.writeString(dir.resolve("credentials"), "aws_secret_access_key = hunter2\n");
    Path leaky = pack("leaky", "");
    Files.createSymbolicLink(leaky.resolve("secret.drl"), secret);
    Path linked = pack("linked", "");
    Files.createDirectories(linked.resolve("shared"));
    Files.move(linked.resolve("rules.drl"), linked.resolve("shared/rules.drl"));
    Files.createSymbolicLink(linked.resolve("rules.drl"), linked.resolve("shared/rules.drl"));
    Path manifestOut = pack("manifest-out", "");
    Files.move(manifestOut.resolve("pack.yaml"), dir.resolve("elsewhere.yaml"));
    Files.createSymbolicLink(manifestOut.resolve("pack.yaml"), dir.resolve("elsewhere.yaml"));

    assertThatThrownBy(() -> load("leaky")).isInstanceOf(PackException.class)
        .hasMessageContaining("leaky/secret.drl: is a symbolic link to a file outside the pack's folder")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> load("manifest-out")).hasMessageContaining("manifest-out/pack.yaml: is a symbolic link to a file outside");
    assertThat(load("linked")).extracting(RulePack::id).contains("linked");
  }
}

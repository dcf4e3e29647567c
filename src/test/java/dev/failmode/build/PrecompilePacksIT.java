package dev.failmode.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.drools.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step that precompiles the built-in packs (src/build/java/PrecompilePacks.java), run
 * as the build runs it: every DRL file of a pack is compiled, and a build without {@code clean}
 * leaves nothing behind of files deleted from rules/.
 */
class PrecompilePacksIT {
  @TempDir Path dir;

  @Test
  void sameNamedFilesInTwoSubFoldersAreBothCompiled() throws Exception {
    Path rules = pack("a/rules.drl", "one", "b/rules.drl", "two");
    Path classes = dir.resolve("target/classes");

    precompile(rules, classes);

    assertThat(ruleNames(classes)).containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void aBuildWithoutCleanKeepsNothingOfWhatRulesNoLongerHas() throws Exception {
    Path rules = pack("a/rules.drl", "one", "b/rules.drl", "two");
    Path classes = dir.resolve("target/classes");
    precompile(rules, classes);
    List<String> firstModel = generatedFiles(classes);
    // the resources step copied rules/ before; it never deletes
    Fixtures.copyTree(rules, classes.resolve("failmode/packs"));
    Files.delete(rules.resolve("probe/b/rules.drl"));
    Files.delete(rules.resolve("probe/b"));
    Files.writeString(rules.resolve("probe/a/rules.drl"), drl("one-renamed"));

    precompile(rules, classes);

    assertThat(classes.resolve("failmode/packs/probe/b/rules.drl")).doesNotExist();
    assertThat(classes.resolve("failmode/packs/probe/b")).doesNotExist();
    assertThat(classes.resolve("failmode/packs/probe/a/rules.drl")).exists();
    assertThat(ruleNames(classes)).containsExactly("one-renamed");
    List<String> secondModel = generatedFiles(classes);
    assertThat(firstModel).as("the first model's classes").allSatisfy(file -> {
      if (!secondModel.contains(file)) {
        assertThat(classes.resolve(file)).doesNotExist();
      }
    });
  }

  @Test
  void aBuiltInPackWhoseRequirementsThisBuildDoesNotMeetFailsTheBuild() throws Exception {
    Path rules = pack("a/rules.drl", "one", "b/rules.drl", "two");
    Path manifest = rules.resolve("probe/pack.yaml");
    Files.writeString(manifest, Files.readString(manifest).replace("requires: \">=0.1.0\"", "requires: \">=99.0.0\""));

    Process process = start(rules, dir.resolve("target/classes"));

    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(Files.readString(rules.resolveSibling("precompile.log"))).contains("pack probe needs failmode >=99.0.0");
  }

  private Path pack(String firstFile, String firstRule, String secondFile, String secondRule) throws IOException {
    Path pack = dir.resolve("rules/probe");
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("pack.yaml"), """
        id: probe
        version: 1.0.0
        description: two files of one name in two sub-folders
        requires: ">=0.1.0"
        """);
    for (String[] file : List.of(new String[] {firstFile, firstRule}, new String[] {secondFile, secondRule})) {
      Files.createDirectories(pack.resolve(file[0]).getParent());
      Files.writeString(pack.resolve(file[0]), drl(file[1]));
    }
    return dir.resolve("rules");
  }

  private static String drl(String rule) {
    return """
        package dev.failmode.packs.probe;

        import dev.failmode.model.*;

        rule "%s"
            @id("%s")
            @title("A probe")
            @description("Notes that it fired.")
        when
            $v : Outcome( verdict == Decision.UNCLASSIFIED )
        then
            $v.note("%s fired");
        end
        """.formatted(rule, rule, rule);
  }

  private static void precompile(Path rules, Path classes) throws IOException, InterruptedException {
    Process process = start(rules, classes);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(rules.resolveSibling("precompile.log"))).isZero();
  }

  private static Process start(Path rules, Path classes) throws IOException {
    Files.createDirectories(classes);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        Fixtures.project().resolve("src/build/java/PrecompilePacks.java").toString(), rules.toString(), classes.toString())
        .redirectErrorStream(true).redirectOutput(rules.resolveSibling("precompile.log").toFile()).start();
  }

  private static List<String> generatedFiles(Path classes) throws IOException {
    return Files.readAllLines(classes.resolveSibling("precompiled").resolve("probe.files"), StandardCharsets.UTF_8);
  }

  private static List<String> ruleNames(Path classes) throws Exception {
    Properties index = new Properties();
    try (InputStream in = Files.newInputStream(classes.resolve("failmode/precompiled/probe.properties"))) {
      index.load(in);
    }
    List<String> names = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, PrecompilePacksIT.class.getClassLoader())) {
      for (String model : index.getProperty("models").split(",")) {
        Model loaded = (Model) loader.loadClass(model.strip()).getDeclaredConstructor().newInstance();
        loaded.getRules().forEach(rule -> names.add(rule.getName()));
      }
    }
    return names;
  }
}

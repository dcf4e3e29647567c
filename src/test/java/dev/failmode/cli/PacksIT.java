package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failmode.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packs as teams share them, through the real CLI in working directories of their own: archives,
 * the project file, the lock file, and a pack published as a Maven artifact and run by
 * coordinate.
 */
class PacksIT {
  private static final Path PROJECT = Fixtures.project();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  private Subprocess failmode(Path cwd, String... args) throws Exception {
    return Subprocess.run(cwd, TIMEOUT, List.of(), args);
  }

  private Path examples() throws IOException {
    Path examples = dir.resolve("catalogue");
    Files.createDirectories(examples);
    for (String file : List.of("envoy.yaml", "kubernetes.yaml")) {
      Files.copy(PROJECT.resolve("examples").resolve(file), examples.resolve(file));
    }
    return examples;
  }

  private static long envoySuggestions(String json) throws IOException {
    JsonNode report = new ObjectMapper().readTree(json);
    long count = 0;
    for (JsonNode result : report.path("results")) {
      for (JsonNode remediation : result.path("remediations")) {
        count += remediation.path("rule").asText().startsWith("envoy/") ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void aFolderPackIsCompiledOnceThenReadFromThePackCacheDecidingTheSame() throws Exception {
    Path examples = examples();
    Path cache = dir.resolve("cache");
    java.util.Map<String, String> env = java.util.Map.of("FAILMODE_CACHE_DIR", cache.toString());
    String[] args = {"classify", examples.toString(), "--no-project", "--rules", PROJECT.resolve("rules/core").toString(),
        "--rules", PROJECT.resolve("rules/envoy").toString(), "--trust", "core", "--trust", "envoy", "--format", "json", "--verbose"};

    Subprocess first = Subprocess.run(dir, TIMEOUT, env, List.of(), args);
    Subprocess second = Subprocess.run(dir, TIMEOUT, env, List.of(), args);
    Subprocess uncached = Subprocess.run(dir, TIMEOUT, env, List.of(), withNoCache(args));

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).doesNotContain("pack cache");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("from the pack cache: core, envoy");
    assertThat(uncached.err()).doesNotContain("pack cache");
    assertThat(second.out()).isEqualTo(first.out()).isEqualTo(uncached.out());
    assertThat(envoySuggestions(second.out())).isPositive();
    try (Stream<Path> entries = Files.list(cache.resolve("packs"))) {
      assertThat(entries.toList()).hasSize(2);
    }
  }

  @Test
  void thePackCacheTurnedOffIsNeitherReadNorWritten() throws Exception {
    Path examples = examples();
    Path home = dir.resolve("home");
    Subprocess run = Subprocess.run(dir, TIMEOUT, java.util.Map.of("FAILMODE_CACHE_DIR", "off", "XDG_CACHE_HOME", home.toString()),
        List.of(), "check", examples.toString(), "--no-project", "--rules", PROJECT.resolve("rules/envoy").toString(), "--rules", "core",
        "--trust", "envoy");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(home).doesNotExist();
  }

  private static String[] withNoCache(String[] args) {
    String[] more = java.util.Arrays.copyOf(args, args.length + 1);
    more[args.length] = "--no-cache";
    return more;
  }

  @Test
  void testWithoutArgumentsInAPacksOwnFolderTestsThatPackNotTheBuiltInOnes() throws Exception {
    Path pack = Files.createDirectories(dir.resolve("my-pack"));
    Files.writeString(pack.resolve("pack.yaml"), "id: my-pack\nversion: 0.1.0\ndescription: a pack with a wrong fixture\n");
    Files.writeString(pack.resolve("rules.drl"), "package dev.failmode.packs.my_pack;\nimport dev.failmode.model.*;\n"
        + "rule \"crash-not-ok\" @kind(\"verdict\") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk(\"crashes\"); end\n");
    Files.createDirectories(pack.resolve("tests/crash-not-ok"));
    Files.writeString(pack.resolve("tests/crash-not-ok/ok-to-break-wrongly.yaml"), Fixtures.ONE_CRASH);

    Subprocess run = failmode(pack, "test");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).startsWith("my-pack 0.1.0 (.): 1 fixture, 0 passed, 1 failed").doesNotContain("core 1.0.0");
  }

  @Test
  void aPackInAZipArchiveClassifiesTheExamples() throws Exception {
    examples();
    zip(PROJECT.resolve("rules/envoy"), dir.resolve("envoy-pack.zip"), "envoy-1.0.0/");

    Subprocess run = failmode(dir, "classify", "catalogue", "--rules", "core", "--rules", "envoy-pack.zip", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(envoySuggestions(run.out())).isGreaterThanOrEqualTo(7);
    assertThat(new ObjectMapper().readTree(run.out()).path("packs")).extracting(p -> p.path("id").asText()).containsExactly("core", "envoy");
  }

  @Test
  void theLockPinsArchivesAndAChangeRefusesToRun() throws Exception {
    examples();
    Path archive = dir.resolve("envoy-pack.zip");
    zip(PROJECT.resolve("rules/envoy"), archive, "");

    Subprocess lock = failmode(dir, "packs", "lock", "--rules", "core", "--rules", "envoy-pack.zip");
    String lockText = Files.readString(dir.resolve("failmode.lock"));
    Subprocess pinned = failmode(dir, "classify", "catalogue", "--rules", "core", "--rules", "envoy-pack.zip");

    assertThat(lock.exitCode()).as(lock.err()).isZero();
    assertThat(lock.out()).contains("1 pack pinned");
    assertThat(lockText).contains("source: \"envoy-pack.zip\"").contains("id: envoy").containsPattern("sha256: [0-9a-f]{64}");
    assertThat(pinned.exitCode()).as(pinned.err()).isZero();

    // the same name, other content: a pack that changed under the lock refuses to run
    Path changed = dir.resolve("changed");
    Fixtures.copyTree(PROJECT.resolve("rules/envoy"), changed);
    Files.writeString(changed.resolve("logs.drl"), Files.readString(changed.resolve("logs.drl")).replace("alert", "page someone"));
    zip(changed, archive, "");
    Subprocess refused = failmode(dir, "classify", "catalogue", "--rules", "core", "--rules", "envoy-pack.zip");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).contains("pack envoy-pack.zip does not match failmode.lock").contains("failmode packs lock")
        .doesNotContain("Exception");

    // a pinned source the lock does not know refuses too
    Files.copy(archive, dir.resolve("other.zip"));
    Subprocess unknown = failmode(dir, "classify", "catalogue", "--rules", "core", "--rules", "other.zip");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("pack other.zip is not in failmode.lock");
  }

  @Test
  void theProjectFileNamesPacksParametersDisabledRulesAndFailOn() throws Exception {
    Path team = dir.resolve("team");
    Files.createDirectories(team.resolve("catalogue"));
    Files.copy(PROJECT.resolve("examples/envoy.yaml"), team.resolve("catalogue/envoy.yaml"));
    Fixtures.copyTree(PROJECT.resolve("rules/envoy"), team.resolve("packs/envoy"));
    Files.writeString(team.resolve("failmode.yaml"), """
        apiVersion: failmode/v1
        kind: Project
        packs: [core, packs/envoy]
        parameters:
          window-share: 50%
        disabled:
          - rule: core/report-memory-safety-upstream
            by: bob@example.org
            reason: we build Envoy ourselves and patch it
        failOn: [claim-contradicted]
        """);

    Subprocess classify = failmode(team, "classify", "catalogue", "--format", "json");
    Subprocess check = failmode(team, "check", "catalogue");
    Subprocess text = failmode(team, "classify", "catalogue");

    assertThat(classify.exitCode()).as(classify.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(classify.out());
    assertThat(report.path("disabled").get(0).path("rule").asText()).isEqualTo("core/report-memory-safety-upstream");
    assertThat(report.path("disabled").get(0).path("by").asText()).isEqualTo("bob@example.org");
    assertThat(report.path("results").findValuesAsText("rule")).as("the disabled rule never fired")
        .doesNotContain("core/report-memory-safety-upstream").contains("core/budget-window-total");
    assertThat(envoySuggestions(classify.out())).isPositive();
    assertThat(classify.out()).contains("over 50% is NOT OK");
    assertThat(check.exitCode()).as("failOn from the project: only claims, and none is contradicted here").isZero();
    assertThat(text.out()).contains("disabled: core/report-memory-safety-upstream by bob@example.org: we build Envoy ourselves");

    // the command line wins over the project file
    Subprocess strict = failmode(team, "check", "catalogue", "--fail-on", "open-not-ok");
    assertThat(strict.exitCode()).isEqualTo(1);
  }

  @Test
  void aPackPublishedAsAMavenArtifactIsResolvedByCoordinateAndClassifiesTheExamples() throws Exception {
    examples();
    // the pack project of docs/rule-authoring.md: the template's pom and the envoy pack in pack/
    Path project = dir.resolve("envoy-pack");
    Files.createDirectories(project);
    Files.copy(PROJECT.resolve("docs/pack-template/pom.xml"), project.resolve("pom.xml"));
    Fixtures.copyTree(PROJECT.resolve("rules/envoy"), project.resolve("pack"));
    Path repository = dir.resolve("repository");

    mvn(project, "package");
    mvn(project, "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file", "-Dfile=target/envoy-pack-1.0.0.jar",
        "-DpomFile=pom.xml", "-DlocalRepositoryPath=" + repository);
    assertThat(repository.resolve("com/example/failmode/envoy-pack/1.0.0/envoy-pack-1.0.0.jar")).exists();

    String coordinate = "com.example.failmode:envoy-pack:1.0.0";
    Subprocess run = failmode(dir, "classify", "catalogue", "--rules", "core", "--rules", coordinate, "--maven-repo-local",
        repository.toString(), "--format", "json");
    Subprocess tests = failmode(dir, "test", coordinate, "--maven-repo-local", repository.toString());
    Subprocess lock = failmode(dir, "packs", "lock", "--rules", "core", "--rules", coordinate, "--maven-repo-local",
        repository.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(envoySuggestions(run.out())).isGreaterThanOrEqualTo(7);
    assertThat(tests.exitCode()).as(tests.out() + tests.err()).isZero();
    assertThat(tests.out()).contains("envoy 1.0.0 (com.example.failmode:envoy-pack:1.0.0!/failmode/packs/envoy)").contains("coverage: 7 of 7");
    assertThat(Files.readString(dir.resolve("failmode.lock"))).contains("source: \"" + coordinate + "\"");

    // the same jar published under another version than its pack.yaml says
    mvn(project, "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file", "-Dfile=target/envoy-pack-1.0.0.jar",
        "-DgroupId=com.example.failmode", "-DartifactId=envoy-pack", "-Dversion=2.0.0", "-Dpackaging=jar",
        "-DlocalRepositoryPath=" + repository);
    Subprocess mislabelled = failmode(dir, "classify", "catalogue", "--rules", "com.example.failmode:envoy-pack:2.0.0",
        "--maven-repo-local", repository.toString());
    assertThat(mislabelled.exitCode()).isEqualTo(2);
    assertThat(mislabelled.err()).contains("the artifact's version 2.0.0 is not its pack.yaml's, 1.0.0");

    Subprocess missing = failmode(dir, "classify", "catalogue", "--rules", "com.example.failmode:envoy-pack:9.9.9", "--maven-repo-local",
        repository.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot resolve the rule pack").doesNotContain("\tat ");
  }

  private static void mvn(Path project, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B", "-q"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("mvn", ".log");
    try {
      Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void zip(Path folder, Path archive, String prefix) throws IOException {
    try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
  }
}

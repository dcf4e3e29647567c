package dev.failmode.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, {@code ./failmode}, in a checkout of its own with a Maven and a Java that only
 * say how they were called: it builds when a source file or folder is newer than the jar (an
 * edited or a deleted rule file), not otherwise, and hands the JVM its options and the user's as
 * they were written.
 */
class LauncherTest {
  private static final FileTime BUILT = FileTime.fromMillis(1_700_000_000_000L);
  private static final FileTime BEFORE = FileTime.fromMillis(1_600_000_000_000L);

  @TempDir Path dir;
  private Path checkout;
  private Path bin;

  @BeforeEach
  void checkout() throws IOException {
    checkout = dir.resolve("checkout");
    bin = Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(checkout.resolve("src/main/java/dev"));
    Files.createDirectories(checkout.resolve("src/build/java"));
    Files.createDirectories(checkout.resolve("rules/core"));
    Files.createDirectories(checkout.resolve("target"));
    Files.copy(Fixtures.project().resolve("failmode"), checkout.resolve("failmode"));
    for (String file : List.of("pom.xml", "src/main/java/dev/Main.java", "src/build/java/Build.java", "rules/core/budget.drl")) {
      Files.writeString(checkout.resolve(file), "source");
    }
    Files.writeString(checkout.resolve("target/failmode-cli.jar"), "jar");
    // a Maven that says it ran and makes the jar; a Java that says what it was given
    script("mvn", "echo \"mvn $*\" >> \"" + dir.resolve("calls") + "\"\ntouch target/failmode-cli.jar");
    script("java", "echo \"java $*\" >> \"" + dir.resolve("calls") + "\"");
    everythingBefore(BEFORE);
    Files.setLastModifiedTime(checkout.resolve("target/failmode-cli.jar"), BUILT);
  }

  @Test
  void aJarNewerThanEverySourceIsRunWithoutBuilding() throws Exception {
    String calls = launch("check", "examples/");

    assertThat(calls).doesNotContain("mvn ").contains("-jar " + checkout.resolve("target/failmode-cli.jar") + " check examples/");
  }

  @Test
  void anEditedRuleFileIsBuiltFirst() throws Exception {
    Files.setLastModifiedTime(checkout.resolve("rules/core/budget.drl"), FileTime.fromMillis(BUILT.toMillis() + 1_000));

    assertThat(launch("check", "examples/")).contains("mvn -B -q -Dmaven.test.skip=true clean package").contains("java ");
  }

  @Test
  void aRuleFileDeletedIsBuiltFirst() throws Exception {
    Files.writeString(checkout.resolve("rules/core/old.drl"), "gone soon");
    everythingBefore(BEFORE);
    Files.delete(checkout.resolve("rules/core/old.drl"));
    Files.setLastModifiedTime(checkout.resolve("rules/core"), FileTime.fromMillis(BUILT.toMillis() + 1_000));

    assertThat(launch("--version")).contains("mvn ");
  }

  @Test
  void anEditedSourceDeepInSrcMainIsBuiltFirst() throws Exception {
    Files.setLastModifiedTime(checkout.resolve("src/main/java/dev/Main.java"), FileTime.fromMillis(BUILT.toMillis() + 1_000));

    assertThat(launch("--version")).contains("mvn ");
  }

  @Test
  void optionsForTheJvmArePassedOnAsWrittenPatternsIncluded() throws Exception {
    // a pattern that matches no file must reach the JVM as written, not vanish
    String calls = launch(Map.of("FAILMODE_JAVA_OPTS", "-Xlog:gc*:file=gc.txt -Xmx2g"), "check", "examples/");

    assertThat(calls).contains(" -Xlog:gc*:file=gc.txt -Xmx2g -jar ").contains("-XX:+UseSerialGC");
  }

  @Test
  void theHeapStartsAtAFixedSizeUnlessTheUserSetsAMaximum() throws Exception {
    assertThat(launch("check", "examples/")).contains(" -Xms512m ");

    // a smaller maximum of the user's beside the launcher's start would stop the JVM before it runs
    Files.delete(dir.resolve("calls"));
    assertThat(launch(Map.of("FAILMODE_JAVA_OPTS", "-Xmx256m"), "check", "examples/")).doesNotContain("-Xms").contains(" -Xmx256m ");
    Files.delete(dir.resolve("calls"));
    assertThat(launch(Map.of("FAILMODE_JAVA_OPTS", "-XX:MaxHeapSize=300m"), "--version")).doesNotContain("-Xms");
  }

  @Test
  void theClassDataArchiveIsUsedOnlyWhenMadeAfterTheJar() throws Exception {
    Path archive = Files.writeString(checkout.resolve("target/failmode-cli.jsa"), "archive");
    Files.setLastModifiedTime(archive, FileTime.fromMillis(BUILT.toMillis() + 1_000));
    assertThat(launch("--version")).contains("-XX:SharedArchiveFile=" + archive);

    Files.setLastModifiedTime(archive, BEFORE);
    Files.delete(dir.resolve("calls"));
    assertThat(launch("--version")).doesNotContain("SharedArchiveFile");
  }

  private String launch(String... args) throws Exception {
    return launch(Map.of(), args);
  }

  /** Runs the launcher from the checkout's parent, as {@code checkout/failmode ARGS}; what the fakes were called with. */
  private String launch(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", checkout.resolve("failmode").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("output").toFile());
    builder.environment().put("PATH", bin + ":/usr/bin:/bin");
    builder.environment().remove("FAILMODE_JAVA_OPTS");
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(dir.resolve("output"), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return Files.isRegularFile(dir.resolve("calls")) ? Files.readString(dir.resolve("calls"), StandardCharsets.UTF_8) : "";
  }

  private void script(String name, String body) throws IOException {
    Path script = bin.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private void everythingBefore(FileTime time) throws IOException {
    try (var walk = Files.walk(checkout)) {
      for (Path path : walk.toList()) {
        if (!path.endsWith("failmode-cli.jar")) {
          Files.setLastModifiedTime(path, time);
        }
      }
    }
  }
}

package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as the launcher runs it reads its built-in packs from itself, runs them from the
 * executable model made at build time, and compiles the default packs while it parses the
 * command line: none of that may change a result.
 */
class JarIT {
  private static final Duration TIME_BOUND = Duration.ofMinutes(2);

  @Test
  void theJarDecidesTheExamplesExactlyAsTheLibraryDoes() throws Exception {
    Subprocess jar = Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "classify", "examples", "--format", "json",
        "--today", "2026-11-26", "--no-project", "--verbose");
    Cli library = Cli.run("classify", "examples", "--format", "json", "--today", "2026-11-26", "--no-project");

    assertThat(jar.exitCode()).as(jar.err()).isZero();
    assertThat(jar.out()).isEqualTo(library.out());
    assertThat(jar.err()).contains("precompiled at build time: core");
  }

  @Test
  void aProjectsBuiltInPacksAreBuiltAheadFromItsFile() throws Exception {
    Subprocess jar = Subprocess.run(Fixtures.project().resolve("examples"), TIME_BOUND, List.of(), "classify", ".", "--format", "json",
        "--today", "2026-11-26", "--debug");

    assertThat(jar.exitCode()).as(jar.err()).isZero();
    assertThat(jar.out()).contains("\"id\": \"envoy\"").contains("\"rule\": \"envoy/");
    // only the rule base the run used speaks
    assertThat(jar.err()).contains("compiled 31 rules of packs [core, envoy]").doesNotContain("compiled 24 rules of packs [core]")
        .contains("using the rule base built ahead for packs [core, envoy]");
  }

  @Test
  void theBuiltInPacksARunNamesAreBuiltAheadAndItsOtherPacksAddedToThem() throws Exception {
    Subprocess builtIn = Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "check", "examples", "--rules", "core",
        "--rules=envoy", "--debug");
    Subprocess folder = Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "check", "examples", "--rules", "core",
        "--rules", "rules/envoy", "--debug");
    Subprocess project = Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "check", "examples", "--project",
        "examples/failmode.yaml", "--debug");

    assertThat(builtIn.exitCode()).as(builtIn.err()).isEqualTo(ExitCode.POLICY);
    assertThat(builtIn.err()).contains("using the rule base built ahead for packs [core, envoy]");
    assertThat(folder.exitCode()).as(folder.err()).isEqualTo(ExitCode.POLICY);
    assertThat(folder.err()).contains("using the rule base built ahead for packs [core]").contains("compiled 31 rules of packs [core, envoy]");
    assertThat(project.exitCode()).as(project.err()).isEqualTo(ExitCode.POLICY);
    assertThat(project.err()).contains("using the rule base built ahead for packs [core, envoy]");
  }

  @Test
  void aRuleBaseThreadThatDiesOfAnErrorDoesNotHangTheRun() throws Exception {
    Subprocess jar = Subprocess.runWith(Fixtures.project().resolve("target/test-classes"), Fixtures.project(), Duration.ofSeconds(30),
        List.of("-Dslf4j.provider=" + BrokenLogbackProvider.class.getName()), "check", "examples", "--no-project", "--format", "github");

    assertThat(jar.timedOut()).isFalse();
    assertThat(jar.exitCode()).as(jar.err()).isEqualTo(ExitCode.POLICY);
    assertThat(jar.out()).contains("::error file=examples/");
  }

  @Test
  void theBuiltInPacksFixturesRunFromInsideTheJar() throws Exception {
    Subprocess jar = Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "test", "core", "envoy", "--coverage-min", "100");

    assertThat(jar.exitCode()).as(jar.out() + jar.err()).isZero();
    assertThat(jar.out()).contains("coverage: 24 of 24 rules (100%)").contains("coverage: 7 of 7 rules (100%)");
    assertThat(Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "rules", "show", "core/wrong-data-never-ok").out())
        .contains("not-ok-");
  }

  @Test
  void logsThroughTheCommandLinesOwnProviderWithoutSlf4jsNotes() throws Exception {
    Subprocess quiet = Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "check", "examples", "--no-project");
    Subprocess verbose = Subprocess.run(Fixtures.project(), TIME_BOUND, List.of(), "check", "-v", "examples", "--no-project");

    assertThat(quiet.exitCode()).as(quiet.err()).isEqualTo(ExitCode.POLICY);
    assertThat(quiet.err()).doesNotContain("SLF4J").doesNotContain("INFO").doesNotContain("logback");
    assertThat(verbose.err()).doesNotContain("SLF4J").contains("INFO Engine: classified 19 failure modes");
  }

  @Test
  void verboseAndDebugWorkWhileTheRuleBaseThreadIsStillSettingLoggingUp() throws Exception {
    for (String option : List.of("--verbose", "--debug")) {
      Subprocess jar = Subprocess.runWith(Fixtures.project().resolve("target/test-classes"), Fixtures.project(), TIME_BOUND,
          List.of("-Dslf4j.provider=" + SlowLogbackProvider.class.getName()), "check", option, "examples", "--no-project");

      assertThat(jar.exitCode()).as(jar.err()).isEqualTo(ExitCode.POLICY);
      assertThat(jar.err()).as(option).contains("INFO Setup: packs [core 1.0.0] from the default")
          .contains("INFO Engine: classified 19 failure modes")
          .doesNotContain("SubstituteLogger").doesNotContain("replayed").doesNotContain("intercepted");
    }
  }

  @Test
  void writesUtf8WhateverTheLocale(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("unicode.yaml"), """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: unicode
        components:
          - name: web
            failureModes:
              - id: emoji
                description: "café 日本 \\U0001F4A5"
                effect: slow
        """, StandardCharsets.UTF_8);
    for (String format : List.of("json", "text")) {
      // what LANG=C gives Java 17: an ASCII default charset
      Subprocess jar = Subprocess.run(dir, TIME_BOUND, List.of("-Dfile.encoding=ANSI_X3.4-1968"), "classify", ".",
          "--no-project", "--format", format, "--verbose");

      assertThat(jar.exitCode()).as(jar.err()).isZero();
      assertThat(jar.out()).as(format).contains("café 日本 \uD83D\uDCA5").doesNotContain("?");
    }
  }
}

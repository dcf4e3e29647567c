package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.failmode.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * failmode's outputs, checked by tools that are not failmode: Microsoft's SARIF multitool
 * validates the SARIF, and Ajv validates files against the JSON Schema. Installed by the build
 * (tools/package.json); -DskipExternalValidators skips them where npm is not available.
 */
class ExternalValidatorsIT {
  private static final Path PROJECT = Fixtures.project();
  private static final Path TOOLS = Path.of(System.getProperty("failmode.tools", PROJECT.resolve("tools").toString()));
  /** Malformed files a JSON Schema cannot see: uniqueness, and YAML features that resolve to valid data. */
  private static final Set<String> BEYOND_A_SCHEMA = Set.of("duplicate-ids.yaml", "duplicate-components.yaml", "anchors-and-aliases.yaml");

  @TempDir static Path work;

  @BeforeAll
  static void toolsAreInstalled() {
    assumeFalse(Boolean.getBoolean("failmode.skipExternalValidators"), "-DskipExternalValidators");
    assertThat(TOOLS.resolve("node_modules/.bin/sarif-multitool")).as("npm ci in tools/ (the build does it)").exists();
  }

  @Test
  void theSarifMultitoolFindsNoErrorsInTheExamplesOrOtherCatalogues() throws Exception {
    List<Path> catalogues = new ArrayList<>(List.of(PROJECT.resolve("examples")));
    try (Stream<Path> fixtures = Files.walk(PROJECT.resolve("rules/core/tests"))) {
      fixtures.filter(p -> p.toString().endsWith(".yaml")).sorted().limit(12).forEach(catalogues::add);
    }
    catalogues.add(hostileCatalogue());
    int index = 0;
    for (Path catalogue : catalogues) {
      Path sarif = work.resolve("report-" + index++ + ".sarif");
      Subprocess failmode = Subprocess.run(PROJECT, Duration.ofSeconds(60), List.of(), "check", catalogue.toString(), "--format", "sarif",
          "--output", sarif.toString());
      assertThat(failmode.exitCode()).as(failmode.err()).isIn(0, 1);

      Run validation = run(List.of(TOOLS.resolve("node_modules/.bin/sarif-multitool").toString(), "validate", sarif.toString()));

      assertThat(validation.output()).as(catalogue + " validated by the SARIF multitool").contains("Analysis completed successfully")
          .doesNotContainPattern(": error [A-Z]+[0-9]+:");
    }
  }

  @Test
  void theSarifOfBadInputIsValidSarifToo() throws Exception {
    Path bad = Files.writeString(work.resolve("bad input.yaml"), "apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: \"a b\"\n");
    Path sarif = work.resolve("bad.sarif");
    Subprocess failmode = Subprocess.run(PROJECT, Duration.ofSeconds(60), List.of(), "check", bad.toString(), "--format", "sarif",
        "--output", sarif.toString());
    assertThat(failmode.exitCode()).as(failmode.err()).isEqualTo(2);

    Run validation = run(List.of(TOOLS.resolve("node_modules/.bin/sarif-multitool").toString(), "validate", sarif.toString()));

    assertThat(validation.output()).as("validated by the SARIF multitool").contains("Analysis completed successfully")
        .doesNotContainPattern(": error [A-Z]+[0-9]+:");
    assertThat(Files.readString(sarif)).contains("\"executionSuccessful\": false").contains("\"ruleId\": \"failmode/bad-input\"")
        .contains("\"startLine\": 4");
  }

  @Test
  void theSchemaAcceptsEveryValidFile() throws Exception {
    List<String> command = new ArrayList<>(List.of("node", TOOLS.resolve("schema-check.mjs").toString(),
        PROJECT.resolve("schema/failure-modes-v1.json").toString()));
    try (Stream<Path> files = Stream.concat(Files.list(PROJECT.resolve("examples")), Files.walk(PROJECT.resolve("rules")))) {
      files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("failmode.yaml") && !p.endsWith("pack.yaml"))
          .sorted().map(Path::toString).forEach(command::add);
    }
    command.add(hostileCatalogue().toString());

    Run validation = run(command);

    assertThat(validation.exitCode()).as(validation.output()).isZero();
  }

  @Test
  void theSchemaRejectsMalformedFiles() throws Exception {
    List<String> command = new ArrayList<>(List.of("node", TOOLS.resolve("schema-check.mjs").toString(), "--expect-invalid",
        PROJECT.resolve("schema/failure-modes-v1.json").toString()));
    try (Stream<Path> files = Files.list(PROJECT.resolve("src/test/resources/malformed"))) {
      files.filter(p -> !BEYOND_A_SCHEMA.contains(p.getFileName().toString())).sorted().map(Path::toString).forEach(command::add);
    }

    Run validation = run(command);

    assertThat(validation.exitCode()).as(validation.output()).isZero();
    assertThat(validation.output()).contains("unknown-key.yaml: invalid", "bad-enum.yaml: invalid", "missing-effect.yaml: invalid",
        "wrong-api-version.yaml: invalid", "slo-over-100.yaml: invalid");
  }

  @Test
  void theSchemaAndTheLoaderCountTheSameTextAsEmpty() throws Exception {
    List<String> invisible = List.of("\\u00a0", "\\u2007", "\\u202f", "\\ufeff", "\\u3000", "\\x1c", "\\x1f", " \\t ");
    List<String> visible = List.of("a\\u00a0", "\\u0085", "\\u200b", "x");
    List<String> empty = new ArrayList<>(List.of("node", TOOLS.resolve("schema-check.mjs").toString(), "--expect-invalid",
        PROJECT.resolve("schema/failure-modes-v1.json").toString()));
    List<String> shown = new ArrayList<>(List.of("node", TOOLS.resolve("schema-check.mjs").toString(),
        PROJECT.resolve("schema/failure-modes-v1.json").toString()));
    List<Path> emptyFiles = new ArrayList<>();
    List<Path> shownFiles = new ArrayList<>();
    for (List<String> texts : List.of(invisible, visible)) {
      for (String text : texts) {
        Path file = work.resolve((texts == invisible ? "empty-" : "shown-") + Integer.toHexString(text.hashCode()) + ".yaml");
        Files.writeString(file, "apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: shop\ncomponents:\n  - name: api\n"
            + "    failureModes:\n      - id: down\n        description: \"" + text + "\"\n        effect: crash\n", StandardCharsets.UTF_8);
        (texts == invisible ? empty : shown).add(file.toString());
        (texts == invisible ? emptyFiles : shownFiles).add(file);
      }
    }

    Run rejected = run(empty);
    Run accepted = run(shown);

    assertThat(rejected.exitCode()).as(rejected.output()).isZero();
    assertThat(accepted.exitCode()).as(accepted.output()).isZero();
    dev.failmode.load.CatalogueLoader loader = new dev.failmode.load.CatalogueLoader(work);
    for (Path file : emptyFiles) {
      assertThat(loader.load(List.of(file)).problems()).as(file.toString()).anyMatch(p -> p.message().contains("is empty"));
    }
    for (Path file : shownFiles) {
      assertThat(loader.load(List.of(file)).problems()).as(file.toString()).isEmpty();
    }
  }

  /** Text that tries to break every format: markup, quotes, control characters, unicode. */
  private static Path hostileCatalogue() throws IOException {
    Path file = work.resolve("hostile text.yaml");
    Files.writeString(file, """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: hostile
          owner: "<script>alert(1)</script>"
          description: "quotes \\" and ' and ]]> and | pipes | and `ticks` and\\ttabs and \\u0001 control"
        slo:
          target: "99.5%"
          window: 30d
        components:
          - name: comp.onent_1
            failureModes:
              - id: "x"
                description: "<img src=x onerror=alert(1)> & %0A ::error file=x::forged =SUM(A1)"
                effect: crash
                userImpact: outage
                duration: 1m
                claim: ok-to-break
              - id: unicode
                description: "\ud83d\udca5 emoji and RTL \u202e text, caf\u00e9"
                effect: slow
        """, StandardCharsets.UTF_8);
    return file;
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(work, "tool", ".log");
    Process process = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new Run(process.exitValue(), Files.readString(log));
  }
}

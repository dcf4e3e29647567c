package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failmode.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalogues bench/run measures are catalogues failmode reads whole: bench/Generate.java's
 * plain, --rich, --sparse and --uneven shapes are valid, each failure mode in is one result out, and the same
 * arguments give the same bytes (a benchmark of a moving input measures nothing); and the harness
 * docs/performance.md times the rules' first run with still runs.
 */
class BenchCataloguesIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain", "--rich", "--sparse", "--uneven"})
  void aGeneratedCatalogueIsValidAndEveryModeIsOneResult(String shape) throws Exception {
    Path catalogue = generate(shape, "catalogue");

    Subprocess validate = Subprocess.run(dir, Duration.ofMinutes(2), List.of(), "validate", "catalogue");
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("valid: 3000 failure modes in 40 files");

    Subprocess classify = Subprocess.run(dir, Duration.ofMinutes(2), List.of(), "classify", "catalogue", "--format", "json",
        "--output", "report.json");
    assertThat(classify.exitCode()).as(classify.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(report.path("summary").path("failureModes").asInt()).isEqualTo(3000);
    assertThat(report.path("results").size()).isEqualTo(3000);

    assertThat(files(generate(shape, "again"))).isEqualTo(files(catalogue));
  }

  /** bench/FirstRun.java, the harness docs/performance.md cites, still compiles and classifies every mode each run. */
  @Test
  void theFirstRunHarnessClassifiesTheWholeCatalogueEachRun() throws Exception {
    Path catalogue = generate("--sparse", "catalogue");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Fixtures.project().resolve("bench/FirstRun.java").toString(), catalogue.toString(), "2");
    Process run = new ProcessBuilder(command).directory(Fixtures.project().toFile()).redirectErrorStream(true).start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(run.exitValue()).as(out).isZero();
    assertThat(out.lines().filter(line -> line.startsWith("run "))).as(out)
        .hasSize(2)
        .allMatch(line -> line.matches("run [12]: 3000 failure modes in \\d+ ms"));
  }

  private Path generate(String shape, String name) throws Exception {
    Path out = dir.resolve(name);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Fixtures.project().resolve("bench/Generate.java").toString()));
    if (!shape.equals("plain")) {
      command.add(shape);
    }
    command.addAll(List.of(out.toString(), "3000", "40", "7"));
    Process generate = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(generate.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(generate.exitValue()).as(new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    return out;
  }

  /** Every file below {@code root}, by its path within it, with its text. */
  private static List<String> files(Path root) throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        files.add(root.relativize(path) + "\n" + Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}

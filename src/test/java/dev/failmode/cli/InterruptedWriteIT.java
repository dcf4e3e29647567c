package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGTERM while it writes its report leaves no half-written report and no
 * temporary file: the report is written beside its target and moved into place in one step, and
 * the shutdown hook removes the temporary file of a write that did not finish.
 */
class InterruptedWriteIT {
  @TempDir Path dir;

  @Test
  void sigtermDuringTheWriteLeavesThePreviousReportWholeAndNoTemporaryFile() throws Exception {
    Path catalogue = dir.resolve("catalogue");
    Process generate = new ProcessBuilder(javaBin(), Fixtures.project().resolve("bench/Generate.java").toString(), catalogue.toString(),
        "40000", "200").redirectErrorStream(true).start();
    assertThat(generate.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(generate.exitValue()).as(new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    Path report = Files.writeString(dir.resolve("report.json"), "the previous report\n");

    int interruptedWrites = 0;
    for (int attempt = 0; attempt < 5 && interruptedWrites == 0; attempt++) {
      Process failmode = new ProcessBuilder(javaBin(), "-jar", Subprocess.jar().toString(), "classify", "catalogue", "--format", "json",
          "--output", "report.json").directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
          .start();
      // SIGTERM as soon as the temporary file appears, while the report is being written
      boolean seen = false;
      while (failmode.isAlive() && !seen) {
        seen = !temporaryFiles().isEmpty();
        if (!seen) {
          Thread.sleep(2);
        }
      }
      if (seen) {
        failmode.destroy(); // SIGTERM
        interruptedWrites++;
      }
      assertThat(failmode.waitFor(1, TimeUnit.MINUTES)).isTrue();
      if (!seen) {
        assertThat(failmode.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
      }

      assertThat(Files.readString(report, StandardCharsets.UTF_8)).as("the report is the previous one, whole")
          .isEqualTo("the previous report\n");
      assertThat(temporaryFiles()).as("no temporary file is left").isEmpty();
    }
    assertThat(interruptedWrites).as("a write was interrupted at least once").isPositive();
  }

  private List<Path> temporaryFiles() throws Exception {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().startsWith(".report.json.")).forEach(found::add);
    }
    return found;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.io.File;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report that cannot be written to standard output is an error, not a gate passed; a reader that stops early is not. */
class StandardOutputIT {
  @Test
  void aFullDiskIsExitTwoSayingSo() throws Exception {
    File full = new File("/dev/full");
    Assumptions.assumeTrue(full.exists() && full.canWrite(), "/dev/full");
    Process run = new ProcessBuilder(javaBin(), "-jar", Subprocess.jar().toString(), "check", "examples", "--no-project",
        "--format", "sarif").directory(Fixtures.project().toFile()).redirectOutput(full).start();

    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(run.exitValue()).as(err).isEqualTo(2);
    assertThat(err).contains("failmode: cannot write the output to standard output: No space left on device").doesNotContain("\tat ");
  }

  @Test
  void aReaderThatStopsEarlyLeavesTheExitCodeAsItIs(@TempDir Path dir) throws Exception {
    // megabytes of report, more than a pipe holds, so that the run writes on after head has gone
    Process generate = new ProcessBuilder(javaBin(), Fixtures.project().resolve("bench/Generate.java").toString(),
        dir.resolve("catalogue").toString(), "3000", "30").redirectErrorStream(true).start();
    assertThat(generate.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(generate.exitValue()).as(new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    Process run = new ProcessBuilder("bash", "-c", "'" + javaBin() + "' -jar '" + Subprocess.jar() + "' classify catalogue --no-project"
        + " --format json | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"").directory(dir.toFile()).start();

    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(out.strip()).as(err).isEqualTo("0");
    assertThat(err).doesNotContain("cannot write");
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}

package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report is written whole or not at all, and no temporary file outlives a failed write. */
class AtomicOutputTest {
  @TempDir Path dir;

  @Test
  void writesTheWholeContent() throws IOException {
    Path report = dir.resolve("report.txt");

    AtomicOutput.write(report, out -> out.write("all of it\n"));

    assertThat(report).hasContent("all of it");
    assertThat(files()).containsExactly(report);
  }

  @Test
  void anExceptionWhileWritingLeavesThePreviousFileAndNoTemporaryOne() throws IOException {
    Path report = Files.writeString(dir.resolve("report.txt"), "the previous report");

    assertThatThrownBy(() -> AtomicOutput.write(report, out -> {
      out.write("half of it");
      throw new IOException("disk full");
    })).hasMessage("disk full");

    assertThat(report).hasContent("the previous report");
    assertThat(files()).containsExactly(report);
  }

  @Test
  void anErrorWhileWritingLeavesNoTemporaryFileEither() throws IOException {
    Path report = dir.resolve("report.txt");

    assertThatThrownBy(() -> AtomicOutput.writeBytes(report, out -> {
      out.write(new byte[100_000]);
      throw new OutOfMemoryError("rendering ran out of memory (simulated)");
    })).isInstanceOf(OutOfMemoryError.class);

    assertThat(files()).isEmpty();
  }

  private java.util.List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}

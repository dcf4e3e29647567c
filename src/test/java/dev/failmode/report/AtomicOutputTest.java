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
  void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Path real = Files.writeString(reports.resolve("latest.json"), "the previous report");
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), Path.of("reports/latest.json"));
    Path dangling = Files.createSymbolicLink(dir.resolve("next.json"), Path.of("reports/next.json"));

    AtomicOutput.write(link, out -> out.write("the new report\n"));
    AtomicOutput.write(dangling, out -> out.write("a first report\n"));

    assertThat(link).isSymbolicLink();
    assertThat(real).hasContent("the new report");
    assertThat(dangling).isSymbolicLink();
    assertThat(reports.resolve("next.json")).hasContent("a first report");
    try (Stream<Path> entries = Files.list(reports)) {
      assertThat(entries).hasSize(2); // no temporary file left beside either
    }
  }

  @Test
  void aPipeIsWrittenToRatherThanReplaced() throws Exception {
    Path fifo = dir.resolve("pipe");
    org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    AtomicOutput.write(fifo, out -> out.write("through the pipe\n"));

    assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
    assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("still a pipe").isFalse();
    assertThat(fifo).exists();
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

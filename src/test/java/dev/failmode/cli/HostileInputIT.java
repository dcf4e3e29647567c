package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.CorpusFile;
import dev.failmode.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile-input corpus (src/test/resources/malformed and corpus, and a few
 * generated here because of their size) through the real CLI, in a JVM of its own with a 256 MB
 * heap: exit 2, a message naming file:line, no stack trace, and an end within the time bound (a
 * run that has not ended by then is killed and fails).
 */
class HostileInputIT {
  private static final Path PROJECT = Fixtures.project();
  private static final Duration TIME_BOUND = Duration.ofSeconds(30);
  private static final List<String> SMALL_HEAP = List.of("-Xmx256m");

  @TempDir static Path generated;

  static Stream<Arguments> files() throws IOException {
    List<Arguments> files = new ArrayList<>();
    for (Path dir : List.of(PROJECT.resolve("src/test/resources/malformed"), PROJECT.resolve("src/test/resources/corpus"))) {
      for (CorpusFile file : CorpusFile.in(dir)) {
        files.add(Arguments.of(file.path().getFileName().toString(), file.path().getParent(), List.of(file.path().getFileName().toString()),
            file.line(), file.text()));
      }
    }
    // too large to keep in the repository
    Path big = Files.createDirectories(generated.resolve("big"));
    try (OutputStream out = Files.newOutputStream(big.resolve("fifty-megabytes.yaml"))) {
      byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    files.add(Arguments.of("fifty-megabytes.yaml", big, List.of("fifty-megabytes.yaml"), 1, "more than the limit of 16.0 MiB"));
    Files.writeString(big.resolve("one-megabyte-string.yaml"), "apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: shop\n"
        + "  description: " + "x".repeat(1024 * 1024) + "\n");
    files.add(Arguments.of("one-megabyte-string.yaml", big, List.of("one-megabyte-string.yaml"), 5, "characters long; a value may be at most"));
    // hundreds of thousands of problems in one file near the size limit: counted, not all kept in memory
    String header = "apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: shop\ncomponents:\n  - name: api\n";
    StringBuilder unknown = new StringBuilder(header);
    StringBuilder duplicate = new StringBuilder(header);
    for (int i = 0; unknown.length() < 15 * 1024 * 1024; i++) {
      unknown.append("    key").append(i).append(": v\n");
    }
    for (int i = 0; duplicate.length() < 15 * 1024 * 1024; i++) {
      duplicate.append("    name: api").append(i).append('\n');
    }
    Files.writeString(big.resolve("many-unknown-keys.yaml"), unknown);
    files.add(Arguments.of("many-unknown-keys.yaml", big, List.of("many-unknown-keys.yaml"), 7, "unknown key 'key0' in this component"));
    Files.writeString(big.resolve("many-duplicate-keys.yaml"), duplicate);
    files.add(Arguments.of("many-duplicate-keys.yaml", big, List.of("many-duplicate-keys.yaml"), 7, "more problems in this file"));
    String one = "apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: shop\ncomponents:\n  - name: api\n    failureModes:\n"
        + "      - id: down\n        description: it breaks\n        effect: crash\n";
    Files.writeString(big.resolve("first.yaml"), one);
    Files.writeString(big.resolve("second.yaml"), one);
    files.add(Arguments.of("second.yaml", big, List.of("first.yaml", "second.yaml"), 8, "duplicate failure mode id 'shop/api/down': first.yaml:8:9"));
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void exitsTwoWithALocatedMessageAndNoStackTrace(String name, Path dir, List<String> paths, int line, String text) throws Exception {
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(paths);
    Subprocess run = Subprocess.run(dir, TIME_BOUND, SMALL_HEAP, args.toArray(String[]::new));

    assertThat(run.timedOut()).as("ended within %s", TIME_BOUND).isFalse();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(name + ":" + line + ":").contains(text);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:").doesNotContain("internal error");
  }
}

package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed file through the real CLI in its own JVM: exit 2 within seconds, a message
 * naming file:line, and no stack trace.
 */
class MalformedFilesIT {
  private static final Path MALFORMED = Fixtures.project().resolve("src/test/resources/malformed");
  private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+): ", Pattern.MULTILINE);

  @TempDir static Path generated;

  static Stream<Arguments> files() throws IOException {
    List<Arguments> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(MALFORMED)) {
      for (Path file : list.sorted().toList()) {
        Matcher expect = EXPECT.matcher(Files.readString(file));
        expect.find();
        files.add(Arguments.of(file.getFileName().toString(), file, Integer.parseInt(expect.group(1))));
      }
    }
    files.add(generate("empty.yaml", new byte[0], 1));
    files.add(generate("binary.yaml", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, 1));
    files.add(generate("utf16.yaml", "\uFEFFapiVersion: failmode/v1\n".getBytes(StandardCharsets.UTF_16BE), 1));
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", Collections.nCopies(9, "*" + (char) (c - 1))))
          .append("]\n");
    }
    files.add(generate("alias-bomb.yaml", bomb.toString().getBytes(StandardCharsets.UTF_8), 1));
    files.add(generate("deep-nesting.yaml", ("a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8), 1));
    files.add(generate("deep-block-nesting.yaml", ("- ".repeat(20_000) + "x\n").getBytes(StandardCharsets.UTF_8), 1));
    return files.stream();
  }

  private static Arguments generate(String name, byte[] bytes, int line) throws IOException {
    Path dir = Files.createTempDirectory("failmode-malformed");
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return Arguments.of(name, file, line);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void exitsTwoWithALocatedMessageAndNoStackTrace(String name, Path file, int line) throws Exception {
    Subprocess run = Subprocess.run(file.getParent(), Duration.ofSeconds(20), List.of(), "check", name);

    assertThat(run.timedOut()).as("finished within 20 seconds").isFalse();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(name + ":" + line + ":");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Error:");
  }
}

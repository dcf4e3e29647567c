package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The output the README shows is real: every line of a block marked
 * {@code <!-- output [in DIR]: ARGS -->} (but "...") is a line the real command prints today.
 */
class ReadmeIT {
  private static final Pattern MARKER = Pattern.compile("<!-- output(?: in ([^:]+))?: (.+?) -->\\n```text\\n(.*?)```", Pattern.DOTALL);

  static Stream<Arguments> blocks() throws Exception {
    String readme = Files.readString(Fixtures.project().resolve("README.md"));
    List<Arguments> blocks = new ArrayList<>();
    Matcher m = MARKER.matcher(readme);
    while (m.find()) {
      blocks.add(Arguments.of(m.group(2), m.group(1) == null ? "." : m.group(1), m.group(3)));
    }
    assertThat(blocks).as("output blocks in the README").hasSizeGreaterThanOrEqualTo(4);
    return blocks.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void theReadmeShowsRealOutput(String command, String dir, String shown) throws Exception {
    List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
    if (args.get(0).equals("classify") || args.get(0).equals("check")) {
      args.add("--today=" + Fixtures.TODAY); // the README was written on this day; waivers expire
    }
    Subprocess run = Subprocess.run(Fixtures.project().resolve(dir), Duration.ofSeconds(60), List.of(), args.toArray(String[]::new));
    List<String> printed = (run.out() + run.err()).lines().map(String::stripTrailing).toList();

    for (String line : shown.lines().map(String::stripTrailing).toList()) {
      if (!line.equals("...") && !line.isEmpty()) {
        assertThat(printed).as("'failmode %s' prints this line of the README", command).contains(line);
      }
    }
  }
}

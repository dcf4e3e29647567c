package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile pack in src/test/resources/hostile-packs through the real CLI in its own JVM: the
 * safety check refuses it (exit 2, a message at the pack-file:line its first line expects, no stack
 * trace) and none of its side effects happen: the marker file it tries to create does not exist,
 * no connection reaches the port it tries to reach, and the JVM did not exit with its code (97).
 *
 * <p>Each case is a pack folder; the first line of its rules.drl is {@code // expect: LINE: TEXT}.
 * {@code @MARKER@} in the DRL becomes the absolute path of a file that must not exist afterwards,
 * {@code @PORT@} a port on 127.0.0.1 the test listens on.
 */
class HostilePacksIT {
  private static final Path HOSTILE = Fixtures.project().resolve("src/test/resources/hostile-packs");
  private static final String EXAMPLE = Fixtures.project().resolve("examples/envoy.yaml").toString();
  private static final Pattern EXPECT = Pattern.compile("\\A// expect: (\\d+): (.+)$", Pattern.MULTILINE);

  static Stream<Arguments> packs() throws IOException {
    List<Arguments> packs = new ArrayList<>();
    try (Stream<Path> list = Files.list(HOSTILE)) {
      for (Path pack : list.filter(Files::isDirectory).sorted().toList()) {
        Matcher expect = EXPECT.matcher(Files.readString(pack.resolve("rules.drl"), StandardCharsets.UTF_8));
        assertThat(expect.find()).as(pack + "/rules.drl starts with // expect: LINE: TEXT").isTrue();
        packs.add(Arguments.of(pack.getFileName().toString(), Integer.parseInt(expect.group(1)), expect.group(2).strip()));
      }
    }
    assertThat(packs).as("hostile packs in " + HOSTILE).hasSizeGreaterThanOrEqualTo(20);
    return packs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packs")
  void isRefusedBeforeAnyOfItsCodeRuns(String name, int line, String text, @TempDir Path temp) throws Exception {
    Path marker = temp.resolve(name + ".marker");
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      copy(HOSTILE.resolve(name), temp.resolve(name), marker, server.getLocalPort());

      Subprocess run = Subprocess.run(temp, Duration.ofSeconds(60), List.of(), "classify", "--rules", name, EXAMPLE);

      boolean connected = connectionArrived(server);
      String at = name + "/rules.drl:" + line + ":";
      SoftAssertions.assertSoftly(softly -> {
        softly.assertThat(marker).as("the file the pack tries to create").doesNotExist();
        softly.assertThat(connected).as("a connection from the pack to port " + server.getLocalPort()).isFalse();
        softly.assertThat(run.timedOut()).as("finished within 60 seconds").isFalse();
        softly.assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        softly.assertThat(run.err().lines()).as(run.err()).anySatisfy(message -> assertThat(message).startsWith(at).contains(text));
        softly.assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        softly.assertThat(run.out()).doesNotContain("Exception").doesNotContain("\tat ");
      });
    }
  }

  /** Whether anything connected to the server (a connection the pack made waits in its backlog). */
  private static boolean connectionArrived(ServerSocket server) throws IOException {
    server.setSoTimeout(300);
    try (Socket ignored = server.accept()) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  /** The pack, with its placeholders replaced. */
  private static void copy(Path from, Path to, Path marker, int port) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8)
            .replace("@MARKER@", marker.toAbsolutePath().toString().replace('\\', '/'))
            .replace("@PORT@", Integer.toString(port));
        Files.writeString(to.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
  }
}

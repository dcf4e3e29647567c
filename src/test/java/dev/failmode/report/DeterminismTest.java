package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same input gives byte-identical output in every format, whatever order the paths are given
 * in or the files were written to their folder. The files sit under target/ so their paths are
 * relative to the working directory, as in real use.
 */
class DeterminismTest {
  private static final Path ROOT = Fixtures.project().resolve("target/determinism");
  private static final List<String> FILES = new ArrayList<>();

  @BeforeAll
  static void copyCatalogues() throws IOException {
    deleteRoot();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> examples = Files.list(Fixtures.project().resolve("examples"))) {
      examples.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("failmode.yaml")).forEach(sources::add);
    }
    sources.add(Fixtures.project().resolve("rules/core/tests/small-oks-add-up/fires-five-small-oks.yaml"));
    sources.add(Fixtures.project().resolve("rules/core/tests/claim-contradicted/fires-claims-not-ok-but-ok.yaml"));
    // Written in a shuffled order, into folders of their own, so directory order differs from name order.
    Collections.shuffle(sources, new Random(7));
    int i = 0;
    for (Path source : sources) {
      Path dir = ROOT.resolve(i % 2 == 0 ? "b" : "a");
      Files.createDirectories(dir);
      String name = "file-" + (char) ('z' - i) + ".yaml";
      String text = Files.readString(source).replace("name: fixture", "name: fixture-" + i);
      Files.writeString(dir.resolve(name), text);
      FILES.add(Fixtures.project().relativize(dir.resolve(name)).toString());
      i++;
    }
  }

  @AfterAll
  static void deleteRoot() throws IOException {
    if (Files.exists(ROOT)) {
      try (Stream<Path> walk = Files.walk(ROOT)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void shuffledInputsGiveIdenticalBytes(Format format) {
    List<String> baseline = new ArrayList<>(FILES);
    String first = run(format, baseline);
    assertThat(first).isNotBlank().doesNotContain(Fixtures.project().toString()).doesNotContain("/tmp/");
    Random random = new Random(42);
    for (int round = 0; round < 4; round++) {
      List<String> shuffled = new ArrayList<>(FILES);
      Collections.shuffle(shuffled, random);
      assertThat(run(format, shuffled)).as("round %d, order %s", round, shuffled).isEqualTo(first);
    }
    // a folder walk finds the same files, in whatever order the file system lists them
    assertThat(run(format, List.of(Fixtures.project().relativize(ROOT).toString()))).isEqualTo(first);
  }

  private static String run(Format format, List<String> paths) {
    List<String> args = new ArrayList<>(List.of("check", "--today=2026-11-26", "--format", format.toString()));
    args.addAll(paths);
    StringWriter out = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertThat(code).isIn(0, 1);
    return out.toString();
  }
}

package dev.failmode.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Component;
import dev.failmode.model.Effect;
import dev.failmode.model.FailureMode;
import dev.failmode.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogueLoaderTest {
  private static final Path MALFORMED = Fixtures.project().resolve("src/test/resources/malformed");
  private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+): (.+)$", Pattern.MULTILINE);

  @TempDir Path dir;

  private LoadResult load(Path... paths) {
    return new CatalogueLoader(dir).load(List.of(paths));
  }

  static Stream<dev.failmode.CorpusFile> malformed() throws IOException {
    List<dev.failmode.CorpusFile> files = new java.util.ArrayList<>(dev.failmode.CorpusFile.in(MALFORMED));
    files.addAll(dev.failmode.CorpusFile.in(Fixtures.project().resolve("src/test/resources/corpus")));
    return files.stream();
  }

  /** Each file of the hostile-input corpus names the problem it must produce (see {@link dev.failmode.CorpusFile}). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFilesGiveLocatedProblems(dev.failmode.CorpusFile corpus) throws IOException {
    Path file = corpus.path();
    int line = corpus.line();
    String text = corpus.text();

    LoadResult result = new CatalogueLoader(file.getParent()).load(List.of(file));

    assertThat(result.ok()).isFalse();
    assertThat(result.catalogues()).isEmpty();
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo(file.getFileName().toString()));
    assertThat(result.problems()).as("a problem at line %d containing '%s'", line, text)
        .anySatisfy(p -> {
          assertThat(p.location().line()).isEqualTo(line);
          assertThat(p.location().column()).isPositive();
          assertThat(p.toString()).contains(text);
        });
  }

  @Test
  void theExamplesLoadIntoRecords() {
    LoadResult result = new CatalogueLoader(Fixtures.project()).load(List.of(Path.of("examples")));

    assertThat(result.problems()).isEmpty();
    assertThat(result.catalogues()).extracting(Catalogue::file).containsExactly("examples/envoy.yaml", "examples/kubernetes.yaml");
    Catalogue envoy = result.catalogues().get(0);
    assertThat(envoy.slo().target()).isEqualByComparingTo("99.99");
    assertThat(envoy.slo().windowDays()).isEqualTo(365);
    Component proxy = envoy.components().stream().filter(c -> c.name().equals("envoy")).findFirst().orElseThrow();
    assertThat(proxy.version()).isEqualTo("1.8");
    FailureMode segfault = proxy.failureModes().stream().filter(m -> m.id().equals("runtime-segfault")).findFirst().orElseThrow();
    assertThat(segfault.fullId()).isEqualTo("envoy-mesh/envoy/runtime-segfault");
    assertThat(segfault.effect()).isEqualTo(Effect.CRASH);
    assertThat(segfault.duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(segfault.frequency().toString()).isEqualTo("52/year");
    assertThat(segfault.waiver().owner()).isEqualTo("alice@example.org");
    assertThat(segfault.location().line()).isPositive();
  }

  @Test
  void emptyBinaryAndUtf16FilesAreLocatedProblems() throws IOException {
    Path empty = write("empty.yaml", new byte[0]);
    Path binary = write("binary.yaml", new byte[] {'a', ':', ' ', 0, 1, 2, (byte) 0xff});
    Path utf16 = write("utf16.yaml", "\uFEFFapiVersion: failmode/v1\n".getBytes(StandardCharsets.UTF_16LE));
    Path latin1 = write("latin1.yaml", "metadata:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(load(empty).problems()).singleElement().hasToString("empty.yaml:1:1: the file is empty: a failure-mode file starts with "
        + "'apiVersion: failmode/v1'");
    assertThat(load(binary).problems()).singleElement().extracting(Problem::toString).asString().contains("binary");
    assertThat(load(utf16).problems()).singleElement().extracting(Problem::toString).asString().contains("UTF-16");
    assertThat(load(latin1).problems()).singleElement().extracting(Problem::toString).asString()
        .startsWith("latin1.yaml:2:").contains("not valid UTF-8");
  }

  @Test
  void aUtf8ByteOrderMarkIsAllowed() throws IOException {
    Path file = write("bom.yaml", ("\uFEFF" + minimal("shop")).getBytes(StandardCharsets.UTF_8));

    assertThat(load(file).problems()).isEmpty();
  }

  @Test
  void emptyDocumentsAfterTheFirstHoldNothingToLoseAndAreAllowed() throws IOException {
    for (String ending : java.util.List.of("---\n", "---\n# nothing else\n", "...\n---\n---\n", "---")) {
      Path file = write("trailing.yaml", (minimal("shop") + ending).getBytes(StandardCharsets.UTF_8));

      assertThat(load(file).problems()).as(ending).isEmpty();
      assertThat(load(file).catalogues()).as(ending).hasSize(1);
    }
  }

  @Test
  void messagesForABooleanAndAZeroLengthSayWhatToWrite() throws IOException {
    Path file = write("slips.yaml", (minimal("shop").replace("  - name: api\n", "  - name: api\n    stateless: y\n    tolerance: 0m\n")
        + "        incidents:\n          - id: INC-1\n            remediated: \"true\"\n").getBytes(StandardCharsets.UTF_8));

    assertThat(load(file).problems()).extracting(dev.failmode.model.Problem::message).containsExactlyInAnyOrder(
        "expected true or false, found text 'y' (write true or false)",
        "'0m' is zero: write a length of time more than zero (a duration, a tolerance)",
        "expected true or false, found text 'true' (write it without quotes)");
  }

  @Test
  void anAliasBombFailsFastWithOneProblemPerKind() throws IOException {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String previous = "*" + (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, previous)))
          .append("]\n");
    }
    Path file = write("bomb.yaml", bomb.toString().getBytes(StandardCharsets.UTF_8));

    List<Problem> problems = load(file).problems();

    assertThat(problems).filteredOn(p -> p.message().contains("anchors")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("this file has 10 anchors"));
    assertThat(problems).filteredOn(p -> p.message().contains("aliases")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("this file has 81 aliases"));
  }

  @Test
  void deepNestingFailsAtTheLimitNotTheStack() throws IOException {
    Path flow = write("flow.yaml", ("a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8));
    Path blocks = write("block.yaml", ("- ".repeat(20_000) + "x\n").getBytes(StandardCharsets.UTF_8));

    assertThat(load(flow).problems()).singleElement().extracting(Problem::toString).asString().startsWith("flow.yaml:1:")
        .contains("nested more than 64 levels");
    assertThat(load(blocks).problems()).singleElement().extracting(Problem::toString).asString().contains("nested more than 64 levels");
  }

  @Test
  void oversizedFilesAndValuesAreRefusedWithTheLimit() throws IOException {
    Path big = write("big.yaml", new byte[0]);
    Files.write(big, new byte[(int) Limits.DEFAULT.maxFileBytes() + 1]);
    Path longLine = write("long.yaml", minimal("shop").replace("description: it breaks", "description: " + "x".repeat(70_000))
        .getBytes(StandardCharsets.UTF_8));
    // a value folded over many short lines is only as long as its parts together
    Path longValue = write("folded.yaml", minimal("shop").replace("description: it breaks",
        "description: >-\n" + ("          " + "y".repeat(70) + "\n").repeat(1_000)).getBytes(StandardCharsets.UTF_8));

    assertThat(load(big).problems()).singleElement().extracting(Problem::message).asString().contains("more than the limit of 16.0 MiB");
    assertThat(load(longLine).problems()).singleElement().hasToString("long.yaml:9:1: line 9 is 70021 characters long; a value may be at most 65536");
    assertThat(load(longValue).problems()).singleElement().extracting(Problem::message).asString()
        .contains("70999 characters is longer than the limit of 65536");
  }

  @Test
  void largeLegitimateFilesStillLoad() throws IOException {
    StringBuilder yaml = new StringBuilder("apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: big\ncomponents:\n");
    for (int c = 0; c < 100; c++) {
      yaml.append("  - name: c").append(c).append("\n    failureModes:\n");
      for (int m = 0; m < 200; m++) {
        yaml.append("      - id: m").append(m).append("\n        description: mode ").append(m)
            .append(" of a large catalogue\n        effect: crash\n        duration: 5m\n        frequency: 2/year\n");
      }
    }
    Path file = write("large.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));

    LoadResult result = load(file);

    assertThat(result.problems()).isEmpty();
    assertThat(result.catalogues().get(0).failureModes()).hasSize(20_000);
  }

  @Test
  void idsAreUniqueAcrossFilesAndADuplicateNamesBothPlaces() throws IOException {
    Path a = write("a.yaml", minimal("shop").getBytes(StandardCharsets.UTF_8));
    Path b = write("b.yaml", minimal("shop").getBytes(StandardCharsets.UTF_8));

    LoadResult result = load(b, a);

    assertThat(result.problems()).singleElement().hasToString(
        "b.yaml:8:9: duplicate failure mode id 'shop/api/down': a.yaml:8:9 declares it too; ids are unique across every file of a run");
  }

  @Test
  void foldersAreWalkedForFailureModeFilesAndOtherYamlIsSkippedAndSaidSo() throws IOException {
    Files.createDirectories(dir.resolve("cfg/nested"));
    Files.createDirectories(dir.resolve("cfg/.hidden"));
    write("cfg/nested/shop.yml", minimal("shop").getBytes(StandardCharsets.UTF_8));
    write("cfg/web.yaml", minimal("web").getBytes(StandardCharsets.UTF_8));
    write("cfg/.hidden/ignored.yaml", "not: [valid".getBytes(StandardCharsets.UTF_8));
    write("cfg/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n".getBytes(StandardCharsets.UTF_8));
    write("cfg/helm-template.yaml", "{{ .Values.name }}: [\n".getBytes(StandardCharsets.UTF_8));
    write("cfg/notes.txt", "apiVersion: failmode/v1".getBytes(StandardCharsets.UTF_8));

    LoadResult result = load(dir.resolve("cfg"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.catalogues()).extracting(Catalogue::file).containsExactly("cfg/nested/shop.yml", "cfg/web.yaml");
    assertThat(result.skipped()).containsExactly(
        "cfg/deployment.yaml: not a failure-mode file (its apiVersion is apps/v1, not failmode/...)",
        "cfg/helm-template.yaml: not a failure-mode file (not valid YAML, and no 'apiVersion: failmode/...' in it)");
  }

  @Test
  void aLinkFoundInAFolderIsNotFollowedButSaidSoAndOneNamedIsRead() throws IOException {
    Files.createDirectories(dir.resolve("cfg"));
    Path outside = write("secrets.yaml", "token: hunter2\n".getBytes(StandardCharsets.UTF_8));
    Path shop = write("shop.yaml", minimal("shop").getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(dir.resolve("cfg/a-secret.yaml"), outside);
    Path linked = Files.createSymbolicLink(dir.resolve("cfg/shop.yaml"), shop);
    write("cfg/web.yaml", minimal("web").getBytes(StandardCharsets.UTF_8));

    LoadResult walked = load(dir.resolve("cfg"));
    LoadResult named = load(linked);

    assertThat(walked.problems()).isEmpty();
    assertThat(walked.catalogues()).extracting(Catalogue::file).containsExactly("cfg/web.yaml");
    assertThat(walked.skipped()).containsExactly(
        "cfg/a-secret.yaml: a symbolic link, not followed in folders (name it to read it)",
        "cfg/shop.yaml: a symbolic link, not followed in folders (name it to read it)");
    assertThat(named.catalogues()).extracting(Catalogue::file).containsExactly("cfg/shop.yaml");
  }

  @Test
  void aFolderNamedThroughALinkIsWalkedAndItsFilesShownUnderTheNameGiven() throws IOException {
    Files.createDirectories(dir.resolve("real/nested"));
    write("real/nested/shop.yaml", minimal("shop").getBytes(StandardCharsets.UTF_8));
    Files.createSymbolicLink(dir.resolve("current"), dir.resolve("real"));

    LoadResult result = load(dir.resolve("current"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.catalogues()).extracting(Catalogue::file).containsExactly("current/nested/shop.yaml");
  }

  @Test
  void aBrokenFailureModeFileWrittenInFlowStyleIsNotSkippedAndAnEmptyOneIsSaidToBe() throws IOException {
    Files.createDirectories(dir.resolve("cfg"));
    write("cfg/json.yaml", ("{\"apiVersion\": \"failmode/v1\", \"kind\": \"FailureModes\", \"metadata\": {\"name\": \"w\"},"
        + " \"components\": [{\"name\": \"c\"]]}\n").getBytes(StandardCharsets.UTF_8));
    write("cfg/flow.yaml", "{apiVersion: failmode/v1, kind: FailureModes, metadata: {name: w\n".getBytes(StandardCharsets.UTF_8));
    write("cfg/empty.yaml", new byte[0]);

    LoadResult result = load(dir.resolve("cfg"));

    assertThat(result.problems()).extracting(Problem::toString)
        .anySatisfy(p -> assertThat(p).startsWith("cfg/flow.yaml:"))
        .anySatisfy(p -> assertThat(p).startsWith("cfg/json.yaml:1:"));
    assertThat(result.skipped()).containsExactly("cfg/empty.yaml: an empty file");
  }

  @Test
  void aBrokenFailureModeFileInAFolderIsNotSkipped() throws IOException {
    Files.createDirectories(dir.resolve("cfg"));
    write("cfg/shop.yaml", (minimal("shop") + "  bad: [\n").getBytes(StandardCharsets.UTF_8));

    LoadResult result = load(dir.resolve("cfg"));

    assertThat(result.skipped()).isEmpty();
    assertThat(result.problems()).singleElement().extracting(Problem::toString).asString().startsWith("cfg/shop.yaml:");
  }

  @Test
  void theOrderOfPathsDoesNotChangeTheResult() throws IOException {
    Path a = write("a.yaml", minimal("a").getBytes(StandardCharsets.UTF_8));
    Path b = write("b.yaml", minimal("b").getBytes(StandardCharsets.UTF_8));

    assertThat(load(b, a)).isEqualTo(load(a, b)).isEqualTo(load(dir, a));
  }

  @Test
  void aMissingPathIsAProblem() {
    assertThat(load(Path.of("nowhere.yaml")).problems()).singleElement().hasToString("nowhere.yaml: no such file or folder");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  static String minimal(String system) {
    return """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: %s
        components:
          - name: api
            failureModes:
              - description: it breaks
                id: down
                effect: crash
        """.formatted(system).replace("  - description: it breaks\n        id: down", "  - id: down\n        description: it breaks");
  }
}

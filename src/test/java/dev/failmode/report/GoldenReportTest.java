package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.engine.ToolVersion;
import dev.failmode.model.Report;
import dev.failmode.policy.Policy;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format of the examples' report against a golden file, after one normalising step (the
 * tool's version and line endings). Run with {@code -Dfailmode.updateGoldens=true} to rewrite
 * the goldens after an intended change, and review the diff.
 */
class GoldenReportTest {
  private static final Path GOLDEN = Fixtures.project().resolve("src/test/resources/golden");
  private static Report report;

  @BeforeAll
  static void classify() {
    report = Fixtures.classify(Path.of("examples"));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void theExamplesReportMatchesItsGolden(Format format) throws IOException {
    StringWriter out = new StringWriter();
    format.writer().write(Rendering.plain(report, Policy.strict().judge(report)), out);
    String actual = normalise(out.toString());
    Path golden = GOLDEN.resolve("examples." + format);

    if (Boolean.getBoolean("failmode.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }

    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** The one normalising step: the version changes with every release, line endings with the platform. */
  static String normalise(String output) {
    return output.replace("\r\n", "\n").replace(ToolVersion.failmode(), "<version>");
  }
}

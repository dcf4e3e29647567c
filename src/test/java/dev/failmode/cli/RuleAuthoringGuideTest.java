package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack docs/rule-authoring.md builds up is one that runs: its pack.yaml and its first rule,
 * as the guide shows them, pass the safety check, compile and judge the examples.
 */
class RuleAuthoringGuideTest {
  @TempDir
  Path dir;

  @Test
  void theGuidesExamplePackRunsAsWritten() throws Exception {
    String guide = Files.readString(Fixtures.project().resolve("docs/rule-authoring.md"));
    Path pack = Files.createDirectories(dir.resolve("my-pack"));
    Files.writeString(pack.resolve("pack.yaml"), block(guide, "yaml", "# pack.yaml\n"));
    Files.writeString(pack.resolve("rules.drl"), block(guide, "java", "package dev.failmode.packs."));

    Cli run = Cli.run("classify", "--rules", "core", "--rules", pack.toString(), Fixtures.project().resolve("examples").toString(),
        "--today=" + Fixtures.TODAY, "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"id\": \"my-pack\"");
  }

  /** The first fenced block of {@code language} whose text starts with {@code opening}. */
  private static String block(String markdown, String language, String opening) {
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      if (m.group(1).startsWith(opening)) {
        return m.group(1);
      }
    }
    throw new AssertionError("docs/rule-authoring.md has no " + language + " block starting with " + opening.strip());
  }
}

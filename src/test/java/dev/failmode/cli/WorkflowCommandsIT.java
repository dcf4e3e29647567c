package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI logs read a line that starts with {@code ::} as a workflow command. A pull request can name
 * a file {@code ::error file=x::forged.yaml}; no line failmode writes may then start with it, on
 * standard output or standard error, in any format that writes lines.
 */
class WorkflowCommandsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String NAME = "::error file=x::forged.yaml";

  @TempDir Path dir;

  @Test
  void aFileNamedAsAWorkflowCommandStartsNoLine() throws Exception {
    Files.copy(Fixtures.project().resolve("examples/envoy.yaml"), dir.resolve(NAME));
    Subprocess check = Subprocess.run(dir, TIMEOUT, List.of(), "check", NAME, "--no-project");
    Subprocess github = Subprocess.run(dir, TIMEOUT, List.of(), "check", NAME, "--no-project", "--format", "github");
    Subprocess before = Subprocess.run(dir, TIMEOUT, List.of(), "classify", NAME, "--no-project", "--format", "json", "-o", "a.json");
    Files.writeString(dir.resolve(NAME), Files.readString(dir.resolve(NAME)).replace("id: down-serving-stale-config", "id: renamed"));
    Subprocess after = Subprocess.run(dir, TIMEOUT, List.of(), "classify", NAME, "--no-project", "--format", "json", "-o", "b.json");
    Subprocess diff = Subprocess.run(dir, TIMEOUT, List.of(), "diff", "a.json", "b.json");
    Files.writeString(dir.resolve(NAME), "apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: \"a b\"\n");
    Subprocess problems = Subprocess.run(dir, TIMEOUT, List.of(), "check", NAME, "--no-project");

    assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
    assertThat(before.exitCode()).as(before.err()).isZero();
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(problems.exitCode()).isEqualTo(2);
    for (Subprocess run : List.of(check, github, diff, problems)) {
      assertThat(run.out().lines()).noneMatch(line -> line.startsWith("::error file=x")).noneMatch(line -> line.startsWith("::warning file=x"));
      assertThat(run.err().lines()).noneMatch(line -> line.startsWith("::"));
    }
    assertThat(check.out().lines()).anyMatch(line -> line.startsWith("./::error file=x::forged.yaml:"));
    assertThat(github.out().lines()).anyMatch(line -> line.startsWith("./::error file=x::forged.yaml:"))
        .anyMatch(line -> line.startsWith("::error file=%3A%3Aerror file=x%3A%3Aforged.yaml,line="));
    assertThat(diff.out().lines()).anyMatch(line -> line.startsWith("./::error file=x::forged.yaml:"));
    assertThat(problems.err().lines()).anyMatch(line -> line.startsWith("./::error file=x::forged.yaml:4:9: error:"));
  }
}

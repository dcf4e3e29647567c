package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults that are not the input's: a rule that throws, a rule that never stops, an output that cannot be written. */
class FaultsTest {
  private static final String EXAMPLE = Fixtures.project().resolve("examples/envoy.yaml").toString();

  @TempDir Path dir;

  private Path pack(String id, String rule) throws Exception {
    Path pack = dir.resolve(id);
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("pack.yaml"), "id: " + id + "\nversion: 1.0.0\ndescription: a pack that breaks\n");
    Files.writeString(pack.resolve("rules.drl"), "package dev.failmode.packs." + id + ";\nimport dev.failmode.model.*;\n" + rule);
    return pack;
  }

  @Test
  void theSafetyCheckRefusesTheUnsafePackAndNotTheOneThatDoesNotParse() throws Exception {
    Path broken = pack("broken", "rule \"half\" when $v : Verdict() then\n");
    Path unsafe = pack("unsafe", "rule \"forever\" when $v : Verdict() then update($v); end\n");

    Cli both = Cli.run("classify", EXAMPLE, "--rules", "core", "--rules", broken.toString(), "--rules", unsafe.toString());
    Cli brokenAlone = Cli.run("classify", EXAMPLE, "--rules", "core", "--rules", broken.toString());

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("does not parse").contains("'update' is not allowed")
        .contains("the safety check refused pack unsafe:").contains("--trust unsafe").doesNotContain("--trust broken");
    assertThat(brokenAlone.exitCode()).isEqualTo(2);
    assertThat(brokenAlone.err()).contains("does not parse").contains("failmode: the rule packs cannot be used")
        .doesNotContain("safety check refused").doesNotContain("--trust");
  }

  @Test
  void aRuleThatThrowsIsExitTwoNamingTheRuleAndTheFailureMode() throws Exception {
    Path pack = pack("boom", """
        rule "divides" when $v : Verdict( mode.id == "runtime-segfault" ) then int zero = 0; $v.note("" + (1 / zero)); end
        """);

    Cli cli = Cli.run("classify", EXAMPLE, "--rules", "core", "--rules", pack.toString(), "--trust", "boom");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("rule boom/divides").contains("rules.drl:3").contains("failed on envoy-mesh/envoy/runtime-segfault")
        .contains("ArithmeticException: / by zero").doesNotContain("\tat ");
  }

  @Test
  void idsRepeatedAcrossFilesAreReportedRatherThanWhatTheRulesDidMeanwhile() throws Exception {
    // the ids across files are checked while the files are judged: a failed check must still be
    // what the run says, as when it stopped the run before any rule ran
    Path pack = pack("boom", """
        rule "divides" when $v : Verdict( mode.id == "runtime-segfault" ) then int zero = 0; $v.note("" + (1 / zero)); end
        """);
    Path copy = Files.copy(Path.of(EXAMPLE), dir.resolve("envoy-again.yaml"));

    Cli cli = Cli.run("classify", EXAMPLE, copy.toString(), "--rules", "core", "--rules", pack.toString(), "--trust", "boom");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).contains("duplicate failure mode id 'envoy-mesh/envoy/runtime-segfault'")
        .contains("nothing was classified").doesNotContain("divides").doesNotContain("\tat ");
  }

  @Test
  void aRunawayRuleIsStoppedAndNamed() throws Exception {
    Path pack = pack("loop", """
        rule "again" when $v : Verdict() then update($v); end
        """);

    Cli cli = Cli.run("classify", EXAMPLE, "--rules", pack.toString(), "--trust", "loop");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("rule loop/again fired").contains("stopped by the firing limit").doesNotContain("\tat ");
  }

  @Test
  void aRuleThatThrowsInAConditionIsExitTwo() throws Exception {
    Path pack = pack("cond", """
        rule "bad-condition" when $v : Verdict( mode.description.substring(500).isEmpty() ) then $v.note("x"); end
        """);

    Cli cli = Cli.run("classify", EXAMPLE, "--rules", pack.toString(), "--trust", "cond");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("StringIndexOutOfBoundsException").doesNotContain("\tat ");
  }

  @Test
  void outputsThatCannotBeWrittenAreClearErrors() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    Cli missingFolder = Cli.run("classify", EXAMPLE, "-o", dir.resolve("missing/report.txt").toString());
    Cli aFolder = Cli.run("classify", EXAMPLE, "-o", dir.toString());
    Cli underAFile = Cli.run("classify", EXAMPLE, "-o", file.resolve("report.txt").toString());
    Cli proc = Cli.run("classify", EXAMPLE, "-o", "/proc/failmode-report.txt");

    for (Cli cli : new Cli[] {missingFolder, aFolder, underAFile, proc}) {
      assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
      assertThat(cli.err()).startsWith("failmode: cannot write").doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(aFolder.err()).contains("it is a folder");
    assertThat(missingFolder.err()).contains("does not exist");
  }

  @Test
  void aFailedRunLeavesThePreviousReportUntouched() throws Exception {
    Path report = Files.writeString(dir.resolve("report.json"), "the previous report\n");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: failmode/v1\nkind: [\n");

    Cli cli = Cli.run("classify", broken.toString(), "--format", "json", "-o", report.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(Files.readString(report)).isEqualTo("the previous report\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "broken.yaml");
    }
  }

  @Test
  void anEmptyListOrARuleSwitchedOffTwiceInTheProjectFileIsAnErrorAtItsLine() throws Exception {
    Path project = dir.resolve("empties.yaml");
    Files.writeString(project, """
        apiVersion: failmode/v1
        kind: Project
        packs: []
        failOn: []
        disabled:
          - rule: core/budget-within
            by: alice
            reason: trying
          - rule: core/budget-within
            by: bob
            reason: trying again
        """);

    Cli cli = Cli.run("classify", EXAMPLE, "--project", project.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains(project + ":3:1: error: packs: is empty: name the packs to run, or remove the key")
        .contains(project + ":4:1: error: failOn: is empty: write [none] to fail on nothing")
        .contains(project + ":9:5: error: disabled[1].rule: 'core/budget-within' is switched off twice, here and at line 6")
        .contains("failmode: the project file " + project + " cannot be used").doesNotContain("rule packs cannot be used");
  }

  @Test
  void trustNamingNoPackTheRunChecksIsAnErrorWhereItIsWritten() throws Exception {
    Path mine = pack("mine", "rule \"quiet\" when $v : Verdict( mode.id == \"nothing\" ) then end\n");
    Path project = dir.resolve("failmode.yaml");
    Files.writeString(project, "apiVersion: failmode/v1\nkind: Project\npacks: [core, ./mine]\ntrust: [mine, mnie]\n");

    Cli misspelt = Cli.run("classify", EXAMPLE, "--no-project", "--rules", "core", "--rules", mine.toString(), "--trust", "mnie");
    Cli builtIn = Cli.run("classify", EXAMPLE, "--no-project", "--trust", "core");
    Cli fromFile = Cli.run("classify", EXAMPLE, "--project", project.toString());
    Cli rulesChosenElsewhere = Cli.run("classify", EXAMPLE, "--project", project.toString(), "--rules", "core");
    Cli tested = Cli.run("test", mine.toString(), "--trust", "mnie");
    Path packless = dir.resolve("packless.yaml");
    Files.writeString(packless, "apiVersion: failmode/v1\nkind: Project\ntrust: [core]\n");
    Cli defaults = Cli.run("classify", EXAMPLE, "--project", packless.toString());

    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("--trust mnie: error: no pack mnie is loaded, so trusting it changes nothing; did you mean 'mine'?"
        + " (packs held to the safety check: mine)");
    assertThat(builtIn.exitCode()).isEqualTo(2);
    assertThat(builtIn.err()).contains("--trust core: error: core is built in: built-in packs are not held to the safety check");
    assertThat(fromFile.exitCode()).isEqualTo(2);
    assertThat(fromFile.err()).contains(project + ":4:15: error: trust[1]: no pack mnie is loaded").doesNotContain("trust[0]");
    // the file's trust is held to the file's packs, not to those --rules chose instead
    assertThat(rulesChosenElsewhere.exitCode()).as(rulesChosenElsewhere.err()).isZero();
    // a file that names no packs runs the defaults, and its trust is held to them
    assertThat(defaults.exitCode()).isEqualTo(2);
    assertThat(defaults.err()).contains(packless + ":3:9: error: trust[0]: core is built in");
    assertThat(tested.exitCode()).isEqualTo(2);
    assertThat(tested.err()).contains("--trust mnie: error: no pack mnie is tested or in ./rules").contains("did you mean 'mine'?");
  }
}

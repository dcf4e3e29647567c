package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/** failmode rules and failmode test, in-process (the working directory is the project's). */
class RulesAndTestCommandsTest {
  private static final String CRASH = Fixtures.ONE_CRASH;

  /** A rule that notes every failure mode, on line 3 of its pack's rules.drl. */
  private static final String NOTE = """
      rule "noted" @id("noted") @kind("note") @title("A note") @description("Notes.")
      when $v : Verdict() then $v.note("x"); end
      """;

  @TempDir Path dir;

  @Test
  void rulesListListsTheCoreAndEnvoyRules() {
    Cli cli = Cli.run("rules", "list");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("core 1.0.0 (rules/core): 24 rules", "envoy 1.0.0 (rules/envoy): 7 rules")
        .contains("core/wrong-data-never-ok", "verdict", "Wrong data is never OK", "envoy/rotate-access-logs");
  }

  @Test
  void rulesShowShowsOneRuleWithItsDrlAndFixtures() {
    Cli cli = Cli.run("rules", "show", "budget-within");
    Cli unknown = Cli.run("rules", "show", "budget-withn");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).startsWith("core/budget-within: A user-facing failure the budget can absorb is OK to break")
        .contains("source       rules/core/budget.drl:").contains("| rule \"budget-within\"").contains("| end")
        .contains("ok-to-break-exactly-a-quarter.yaml");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("did you mean 'core/budget-within'?");
  }

  @Test
  void rulesDocKeepsAPacksTextFromBecomingHtmlOrBreakingATable() throws Exception {
    Path pack = pack("odd", "1.0.0", "run it with <flags> & see", """
        rule "pipes"
          @id("pipes") @title("a | b <i>c</i>") @description("use `-c <config>`")
        when $v : Verdict() then $v.note("x"); end
        """);

    Cli cli = Cli.run("rules", "doc", "--rules", pack.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("run it with &lt;flags&gt; &amp; see")
        .contains("| a \\| b &lt;i&gt;c&lt;/i&gt; |")
        .contains("use `-c <config>`")
        .doesNotContain("<i>").doesNotContain("<flags>");
  }

  @Test
  void docsRulesMdIsTheOutputOfRulesDoc() throws Exception {
    // target/ sits beside docs/, so the links to rules/ come out as they do in docs/rules.md
    Path written = Fixtures.project().resolve("target/rules-doc-check.md");
    Cli cli = Cli.run("rules", "doc", "-o", written.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(Files.readString(Fixtures.project().resolve("docs/rules.md")))
        .as("docs/rules.md is stale: run ./failmode rules doc -o docs/rules.md").isEqualTo(Files.readString(written));
  }

  @Test
  void rulesDocLinksFilesRelativeToWhereItIsWrittenAndNamesWhatIsNotOnDisk() throws Exception {
    Path pack = pack("linked", "1.0.0", "a pack in a folder", NOTE);
    Path written = dir.resolve("site/docs/rules.md");
    Files.createDirectories(written.getParent());

    Cli toFile = Cli.run("rules", "doc", "--rules", pack.toString(), "-o", written.toString());
    Cli toOutput = Cli.run("rules", "doc", "--rules", pack.toString());
    Cli builtIn = Cli.run("rules", "doc", "--rules", "core");

    assertThat(toFile.exitCode()).as(toFile.err()).isZero();
    assertThat(toFile.out()).isEmpty();
    // the pack is named as given (relative to the working directory, the project's in-process)
    String shown = Fixtures.project().toAbsolutePath().relativize(pack.toAbsolutePath()).toString();
    assertThat(written).content().contains("Source: [" + shown + "](../../linked)")
        .contains(", [" + shown + "/rules.drl:3](../../linked/rules.drl#L3)");
    // on standard output, relative to the working directory
    assertThat(toOutput.out()).contains("Source: [" + shown + "](" + shown + ")").contains("(" + shown + "/rules.drl#L3)");
    assertThat(builtIn.out()).contains("Source: [rules/core](rules/core)");
  }

  @Test
  void rulesDocNamesAnArchivesRulesWithoutLinks() throws Exception {
    Path pack = pack("zipped", "1.0.0", "a pack in an archive", NOTE);
    Path archive = dir.resolve("zipped.zip");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive)); var files = Files.list(pack)) {
      for (Path file : files.sorted().toList()) {
        zip.putNextEntry(new java.util.zip.ZipEntry(file.getFileName().toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }

    Cli cli = Cli.run("rules", "doc", "--rules", archive.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("zipped.zip!/`").contains("zipped.zip!/rules.drl:3`").doesNotContain(".drl#L").doesNotContain("zip)");
  }

  @Test
  void testRunsEveryPackOfRulesWithFullCoverage() throws Exception {
    Cli text = Cli.run("test", "--coverage-min", "100", "--today", Fixtures.TODAY.toString());
    Cli junit = Cli.run("test", "--format", "junit", "--today", Fixtures.TODAY.toString());

    assertThat(text.exitCode()).as(text.out()).isZero();
    assertThat(text.out()).contains("core 1.0.0 (rules/core):", "coverage: 24 of 24 rules (100%)", "envoy 1.0.0 (rules/envoy):",
        "coverage: 7 of 7 rules (100%)", "not exercised: none").endsWith("test passed\n");
    var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(junit.out())));
    assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    assertThat(xml.getElementsByTagName("testcase").getLength()).isGreaterThan(100);
    assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void aPackIsTestedWithThePacksItDependsOnAndNoOthers() throws Exception {
    Path base = pack("base", "1.5.0", "what others build on", """
        rule "slow-note" @kind("note") when $v : Verdict( mode.effect == Effect.SLOW ) then $v.note("slow"); end
        """);
    Path team = pack("team", "1.0.0", "needs base", """
        rule "crash-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.okToBreak("restarts"); end
        """);
    Path other = pack("other", "1.0.0", "would decide the fixture otherwise", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        """);
    Files.writeString(team.resolve("pack.yaml"), "dependencies:\n  - id: base\n    version: \"^1.0.0\"\n", StandardOpenOption.APPEND);
    Files.createDirectories(team.resolve("tests/crash-ok"));
    Files.writeString(team.resolve("tests/crash-ok/ok-to-break-crash.yaml"), CRASH);

    Cli together = Cli.run("test", team.toString(), base.toString(), other.toString());
    Cli alone = Cli.run("test", team.toString());

    assertThat(together.exitCode()).as(together.out() + together.err()).isZero();
    assertThat(together.out()).contains("team 1.0.0 (").contains("ok    crash-ok  1 fixture");
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("needs pack base ^1.0.0").contains("name it among the packs to test");
  }

  @Test
  void aFixtureWhereNoneIsReadFailsTheTestRatherThanPassingForTested() throws Exception {
    Path pack = pack("strays", "0.1.0", "fixtures in the wrong places", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        """);
    Files.createDirectories(pack.resolve("tests/crash-not-ok/more"));
    Files.writeString(pack.resolve("tests/crash-not-ok/not-ok-crash.yaml"), CRASH);
    Files.writeString(pack.resolve("tests/crash-not-ok/more/ok-to-break-deeper.yaml"), CRASH);
    Files.writeString(pack.resolve("tests/ok-to-break-at-the-top.yaml"), CRASH);
    Files.writeString(pack.resolve("tests/crash-not-ok/not-ok-.yaml"), CRASH);

    Cli cli = Cli.run("test", pack.toString());

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out()).contains("strays 0.1.0 (").contains(": 1 fixture, 1 passed, 3 problems")
        .contains("more/ok-to-break-deeper.yaml: fixtures are read from tests/crash-not-ok/ itself, not from folders inside it")
        .contains("tests/ok-to-break-at-the-top.yaml: a fixture goes in the folder of the rule it tests, tests/<rule-id>/")
        .contains("not-ok-.yaml: a fixture's name starts with").endsWith("test failed\n");
    // each file is named under the pack as the run names it, never by the checkout's absolute path
    java.util.regex.Matcher origin = java.util.regex.Pattern.compile("strays 0\\.1\\.0 \\((.+)\\): ").matcher(cli.out());
    assertThat(origin.find()).isTrue();
    assertThat(cli.out().lines().filter(line -> line.startsWith("  FAIL  ")))
        .hasSize(3).allSatisfy(line -> assertThat(line).startsWith("  FAIL  " + origin.group(1) + "/tests/"));
    Cli junit = Cli.run("test", pack.toString(), "--format", "junit");
    assertThat(junit.out()).contains("name=\"fixtures 1\"", "name=\"fixtures 2\"", "name=\"fixtures 3\"");
  }

  @Test
  void coverageIsShownAsTheShareItIsNotRoundedToAWholePercent() throws Exception {
    Path pack = pack("thirds", "0.1.0", "one rule of three tested", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        rule "slow-note" @kind("note") when $v : Verdict( mode.effect == Effect.SLOW ) then $v.note("slow"); end
        rule "overload-note" @kind("note") when $v : Verdict( mode.effect == Effect.OVERLOAD ) then $v.note("overload"); end
        """);
    Files.createDirectories(pack.resolve("tests/crash-not-ok"));
    Files.writeString(pack.resolve("tests/crash-not-ok/not-ok-crash.yaml"), CRASH);

    Cli cli = Cli.run("test", pack.toString(), "--coverage-min", "33.4%");

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out()).contains("coverage: 1 of 3 rules (33.3%), under the minimum of 33.4%");
  }

  @Test
  void aFailingFixtureAndMissingCoverageFailTheTest() throws Exception {
    Path pack = pack("mine", "0.1.0", "a pack with a wrong fixture", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        rule "never-tested" @kind("note") when $v : Verdict( mode.effect == Effect.SLOW ) then $v.note("slow"); end
        """);
    Files.createDirectories(pack.resolve("tests/crash-not-ok"));
    Files.writeString(pack.resolve("tests/crash-not-ok/ok-to-break-wrongly.yaml"), CRASH);

    Cli cli = Cli.run("test", pack.toString());
    Cli coverage = Cli.run("test", pack.toString(), "--coverage-min", "100");

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out()).contains("FAIL  crash-not-ok", "expected OK TO BREAK, got NOT OK", "not exercised: crash-not-ok, never-tested",
        "coverage: 0 of 2 rules (0%)").endsWith("test failed\n");
    assertThat(coverage.out()).contains("under the minimum of 100%");
    // what reports and rules doc show of a rule is asked of shared packs: said, without failing on it
    assertThat(cli.out()).contains("  note: crash-not-ok: no @title; no @description\n");
    Path odd = pack("oddkind", "0.1.0", "a rule of an unknown kind", """
        rule "crash-not-ok" @kind("sometimes") @title("t") @description("d") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        """);
    Files.createDirectories(odd.resolve("tests/crash-not-ok"));
    Files.writeString(odd.resolve("tests/crash-not-ok/not-ok-crash.yaml"), CRASH);
    Cli kind = Cli.run("test", odd.toString());
    assertThat(kind.exitCode()).as(kind.out()).isZero();
    assertThat(kind.out()).contains("  note: crash-not-ok: @kind(\"sometimes\") is not one of verdict, note, suggestion, finding\n");
  }

  @Test
  void theCoverageMinimumIsAPercentageWrittenEitherWay() {
    Cli percent = Cli.run("test", "core", "--coverage-min", "100%", "--today", Fixtures.TODAY.toString());
    Cli over = Cli.run("test", "core", "--coverage-min", "150");
    Cli word = Cli.run("test", "core", "--coverage-min", "most");

    assertThat(percent.exitCode()).as(percent.out() + percent.err()).isZero();
    assertThat(over.exitCode()).isEqualTo(2);
    assertThat(over.err()).contains("--coverage-min: '150' is not a percentage from 0 to 100 (80 or 80%)");
    assertThat(word.exitCode()).isEqualTo(2);
    assertThat(word.err()).contains("--coverage-min: 'most' is not a percentage");
  }

  @Test
  void junitOfAFailingFixtureIsWellFormedWhateverItsMessagesHold() throws Exception {
    Path pack = pack("odd", "0.1.0", "a fixture whose problem quotes a control character", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        """);
    Files.createDirectories(pack.resolve("tests/crash-not-ok"));
    Files.writeString(pack.resolve("tests/crash-not-ok/not-ok-crash.yaml"),
        CRASH.replace("  name: fixture\n", "  name: fixture\n  \"own\\x01er\": someone\n"));

    Cli junit = Cli.run("test", pack.toString(), "--format", "junit");

    assertThat(junit.exitCode()).isEqualTo(1);
    var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(junit.out())));
    assertThat(xml.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
        .contains("unknown key 'own\uFFFDer'");
  }

  @Test
  void rulesShowMakesHiddenCharactersOfAPackVisibleToItsReviewer() throws Exception {
    Path pack = pack("tricky", "1.0.0", "a pack", """
        rule "quiet"
            @title("Looks fine\u202e")
        when
            $v : Verdict( mode.id == "none" )
        then
            $v.note("harmless\u202e\u2066");
        end
        """);

    Cli show = Cli.run("rules", "show", "tricky/quiet", "--rules", pack.toString());

    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).doesNotContain("\u202e", "\u2066").contains("Looks fine\\u202e").contains("harmless\\u202e\\u2066");
  }

  /** A pack of one DRL file under the test's folder: its manifest, and {@code rules} after the package and import lines. */
  @Test
  void rulesDocLinksEachRuleToItsOwnHeadingWhenTwoIdsMakeOneAnchor() throws Exception {
    Path a = pack("a", "0.1.0", "pack a", "rule \"bc-d\" @kind(\"note\") when $v : Verdict() then $v.note(\"a\"); end\n");
    Path ab = pack("ab", "0.1.0", "pack ab", "rule \"c-d\" @kind(\"note\") when $v : Verdict() then $v.note(\"ab\"); end\n");

    Cli cli = Cli.run("rules", "doc", "-r", a.toString(), "-r", ab.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    // GitHub gives the second heading that makes 'abc-d' the anchor 'abc-d-1'
    assertThat(cli.out()).contains("| [`a/bc-d`](#abc-d) |").contains("| [`ab/c-d`](#abc-d-1) |")
        .contains("### a/bc-d").contains("### ab/c-d");
  }

  @Test
  void aFixtureOrTestsFolderLinkedOutsideThePackIsRefusedUnread() throws Exception {
    Path pack = pack("linked", "0.1.0", "fixtures that link out", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        """);
    Path secret = Files.writeString(dir.resolve("secret.yaml"), "password: hunter2\n");
    Files.createDirectories(pack.resolve("tests/crash-not-ok"));
    Files.writeString(pack.resolve("tests/crash-not-ok/not-ok-crash.yaml"), CRASH);
    Files.createSymbolicLink(pack.resolve("tests/crash-not-ok/not-ok-secret.yaml"), secret);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/tests/crash-not-ok"));
    Files.writeString(elsewhere.resolve("not-ok-crash.yaml"), CRASH);
    Path other = pack("other", "0.1.0", "a tests folder that is a link", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        """);
    Files.createSymbolicLink(other.resolve("tests"), elsewhere.getParent());

    Cli linked = Cli.run("test", pack.toString());
    Cli linkedTests = Cli.run("test", other.toString());

    assertThat(linked.exitCode()).isEqualTo(1);
    assertThat(linked.out()).contains("not-ok-secret.yaml: is a symbolic link to a file outside the pack's folder")
        .contains("1 fixture, 1 passed, 1 problem").doesNotContain("password");
    assertThat(linkedTests.exitCode()).isEqualTo(1);
    assertThat(linkedTests.out()).contains("/tests: is a symbolic link to a file outside the pack's folder").contains("0 fixtures");
  }

  @Test
  void packsListShowsAFolderNameThatHoldsControlCharactersEscaped() throws Exception {
    Path pack = pack("plain", "0.1.0", "a pack in a folder with an odd name", """
        rule "crash-not-ok" @kind("verdict") when $v : Verdict( mode.effect == Effect.CRASH ) then $v.notOk("crashes"); end
        """);
    Path odd = Files.move(pack, dir.resolve("evil\n::error file=x::pwned\u001b[31m"));

    Cli cli = Cli.run("packs", "list", "-r", odd.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("plain 0.1.0  folder  ").contains("evil\\n::error file=x::pwned\\u001b[31m")
        .doesNotContain("\u001b").hasLineCount(1);
  }

  private Path pack(String id, String version, String description, String rules) throws Exception {
    Path pack = Files.createDirectories(dir.resolve(id));
    Files.writeString(pack.resolve("pack.yaml"), "id: " + id + "\nversion: " + version + "\ndescription: " + description + "\n");
    Files.writeString(pack.resolve("rules.drl"), "package dev.failmode.packs." + id + ";\nimport dev.failmode.model.*;\n" + rules);
    return pack;
  }
}

package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failmode.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line in-process: exit codes, the JSON shape of cli.md, the text lists. Paths are
 * absolute because the test's working directory is the project's.
 */
class CliTest {
  private static final String EXAMPLES = Fixtures.project().resolve("examples").toString();
  private static final String TODAY = "--today=" + Fixtures.TODAY;

  @TempDir Path dir;

  @Test
  void classifyPrintsTheGroupedListsAndExitsZero() {
    Cli cli = Cli.run("classify", EXAMPLES, TODAY, "--color=never");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.err()).isEmpty();
    assertThat(cli.out())
        .contains("envoy-mesh", "kubernetes-cluster")
        .contains("  envoy (data-plane, envoy 1.8, new, heavy use, tolerance 2m)\n    OK TO BREAK\n")
        .contains("    NOT OK\n      - disk-full-unrotated-logs [planned]")
        .contains("SLO 99.99% over 365d: error budget (100% - 99.99%) x 365d (525600 min) = 52.56 min")
        .contains("why: ", "do: ", "[core/budget-window-total]")
        .contains("19 failure modes in 2 files: 9 OK TO BREAK, 10 NOT OK")
        .doesNotContain("\u001b[");
  }

  @Test
  void colourIsOnlyUsedWhenAskedForOrOnATerminal() {
    assertThat(Cli.run("classify", EXAMPLES, TODAY, "--color=always").out()).contains("\u001b[1;31mNOT OK\u001b[0m");
    assertThat(Cli.run("classify", EXAMPLES, TODAY).out()).doesNotContain("\u001b["); // tests run without a terminal
  }

  @Test
  void jsonHasExactlyOneResultPerFailureModeInTheShapeOfCliMd() throws Exception {
    Cli cli = Cli.run("classify", EXAMPLES, TODAY, "--format", "json");

    assertThat(cli.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertThat(json.path("tool").path("name").asText()).isEqualTo("failmode");
    assertThat(json.path("tool").path("version").asText()).isNotBlank();
    assertThat(json.path("packs").get(0).path("id").asText()).isEqualTo("core");
    JsonNode results = json.path("results");
    assertThat(results).hasSize(19);
    Set<String> ids = new HashSet<>();
    String previous = "";
    for (JsonNode result : results) {
      String id = result.path("id").asText();
      assertThat(ids.add(id)).as("unique id " + id).isTrue();
      assertThat(id).isGreaterThan(previous);
      previous = id;
      assertThat(result.path("file").asText()).matches("examples/(envoy|kubernetes)\\.yaml");
      assertThat(result.path("line").asInt()).isPositive();
      assertThat(id).isEqualTo(result.path("system").asText() + "/" + result.path("component").asText() + "/"
          + result.path("failureMode").asText());
      assertThat(result.path("verdict").asText()).isIn("OK_TO_BREAK", "NOT_OK", "UNCLASSIFIED");
      assertThat(result.path("reasons").isArray()).isTrue();
      assertThat(result.path("reasons")).isNotEmpty().allSatisfy(r -> {
        assertThat(r.path("rule").asText()).contains("/");
        assertThat(r.path("message").asText()).isNotBlank();
      });
      assertThat(result.path("remediations").isArray()).isTrue();
      result.path("remediations").forEach(r -> {
        assertThat(r.has("type") && r.has("text") && r.has("rule") && r.has("declared")).isTrue();
      });
      if (result.path("verdict").asText().equals("NOT_OK")) {
        assertThat(result.path("status").asText()).isIn("open", "planned", "mitigated", "waived");
      }
    }
    JsonNode segfault = results.findParents("id").stream()
        .filter(r -> r.path("id").asText().equals("envoy-mesh/envoy/runtime-segfault")).findFirst().orElseThrow();
    assertThat(segfault.path("budget").path("minutesPerOccurrence").decimalValue()).isEqualByComparingTo("1");
    assertThat(segfault.path("budget").path("minutesPerWindow").decimalValue()).isEqualByComparingTo("52");
    assertThat(segfault.path("budget").path("budgetMinutes").decimalValue()).isEqualByComparingTo("52.56");
    assertThat(segfault.path("budget").path("share").decimalValue()).isEqualByComparingTo("0.9893");
    assertThat(segfault.path("status").asText()).isEqualTo("waived");
    JsonNode summary = json.path("summary");
    assertThat(summary.path("failureModes").asInt()).isEqualTo(19);
    assertThat(summary.path("okToBreak").asInt() + summary.path("notOk").asInt() + summary.path("unclassified").asInt()).isEqualTo(19);
    assertThat(json.path("findings")).allSatisfy(f -> assertThat(f.fieldNames()).toIterable()
        .contains("kind", "id", "file", "line", "message"));
  }

  @Test
  void checkExitsOneAndListsWhatFailsThePolicy() {
    Cli cli = Cli.run("check", EXAMPLES, TODAY);

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.out()).contains("examples/kubernetes.yaml:124:9: claim-contradicted: kubernetes-cluster/kubelet/image-pull-permission-denied")
        .contains("open-not-ok: envoy-mesh/envoy/no-tls-session-resumption")
        .doesNotContain("runtime-segfault") // waived
        .contains("check failed: 6 violations");
  }

  @Test
  void checkPassesWhenThePolicyHolds() throws Exception {
    Path ok = Files.writeString(dir.resolve("ok.yaml"), """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: shop
        components:
          - name: cache
            tolerance: 30m
            failureModes:
              - id: restart
                description: the cache restarts
                effect: unavailable
                duration: 1m
                userImpact: none
        """);

    Cli cli = Cli.run("check", ok.toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("check passed: 1 failure mode in 1 file");
  }

  @Test
  void failOnChoosesWhatFails() {
    Cli claimsOnly = Cli.run("check", EXAMPLES, TODAY, "--fail-on", "claim-contradicted");
    Cli expiredOnly = Cli.run("check", EXAMPLES, TODAY, "--fail-on=expired-waiver,over-budget");

    assertThat(claimsOnly.exitCode()).isEqualTo(1);
    assertThat(claimsOnly.out()).contains("check failed: 1 violation").contains("(1 claim-contradicted)");
    assertThat(expiredOnly.exitCode()).isZero();
  }

  @Test
  void aWaiverThatHasExpiredFailsTheCheck() {
    Cli later = Cli.run("check", EXAMPLES, "--today=2027-04-01", "--fail-on=expired-waiver");

    assertThat(later.exitCode()).isEqualTo(1);
    assertThat(later.out()).contains("expired-waiver: envoy-mesh/envoy/runtime-segfault");
  }

  @Test
  void badInputIsExitTwoWithLocatedProblemsAndNoStackTrace() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: shop
        components:
          - name: api
            failureModes:
              - id: down
                description: x
                efect: crash
        """);

    for (String command : new String[] {"classify", "check"}) {
      Cli cli = Cli.run(command, bad.toString());
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.out()).isEmpty();
      assertThat(cli.err()).contains("bad.yaml:10:9: error: components[0].failureModes[0].efect: unknown key 'efect'")
          .contains("did you mean 'effect'?")
          .contains("failmode: 1 problem in 1 file; nothing was classified")
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void everySubcommandIsListedSuggestedAndCompletedThoughOnlyTheNamedOneIsBuilt() {
    String help = Cli.run("--help").out();
    String completion = Cli.run("generate-completion").out();
    for (String name : FailmodeCommand.SUBCOMMANDS.keySet()) {
      assertThat(help).contains("  " + name + " ");
      assertThat(completion).contains(name);
    }
    assertThat(Cli.run("chek", "examples").err()).contains("did you mean 'check'?");
    assertThat(Cli.run("help", "budget").out()).contains("Usage: failmode budget");
    assertThat(FailmodeCommand.commandLine(new String[] {"check", "examples"}).getSubcommands()).containsOnlyKeys("check");
    assertThat(FailmodeCommand.commandLine(new String[] {"--help"}).getSubcommands()).containsOnlyKeys(FailmodeCommand.SUBCOMMANDS.keySet());
  }

  @Test
  void validateChecksTheFormatWithoutRules() {
    Cli valid = Cli.run("validate", EXAMPLES);
    assertThat(valid.exitCode()).isZero();
    assertThat(valid.out()).isEqualTo("valid: 19 failure modes in 2 files" + System.lineSeparator());

    Cli invalid = Cli.run("validate", "src/test/resources/corpus/every-enum-wrong.yaml");
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.out()).isEmpty();
    assertThat(invalid.err()).contains("every-enum-wrong.yaml:10:15: error: components[0].maturity: unknown maturity 'ancient'")
        .contains("failmode: 12 problems in 1 file; fix them and validate again");
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertThat(Cli.run("classify", "--frmat", "json").err()).contains("did you mean '--format'?");
    assertThat(Cli.run("classify", "--format", "pdf").exitCode()).isEqualTo(2);
    assertThat(Cli.run("classify", "--format", "pdf").err()).contains("text, json");
    assertThat(Cli.run("nonsense").exitCode()).isEqualTo(2);
    assertThat(Cli.run().exitCode()).isEqualTo(2);
    assertThat(Cli.run("classify", EXAMPLES, "--rules", "no-such-pack").err()).contains("unknown rule pack");
    assertThat(Cli.run("classify", EXAMPLES, "--set", "window-shar=1").err()).contains("did you mean 'window-share'?");
    assertThat(Cli.run("classify", EXAMPLES, "--today", "2027-02-30").exitCode()).isEqualTo(2);
    assertThat(Cli.run("classify", dir.resolve("missing.yaml").toString()).err()).contains("no such file or folder");
  }

  @Test
  void anEmptyFolderIsBadInput() {
    Cli cli = Cli.run("check", dir.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("no failure-mode files found");
  }

  @Test
  void helpAndVersion() {
    Cli help = Cli.run("--help");
    Cli version = Cli.run("--version");
    Cli classifyHelp = Cli.run("classify", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("classify", "check", "budget", "Exit codes:");
    assertThat(version.out()).startsWith("failmode ").contains("Drools");
    assertThat(classifyHelp.out()).contains("--format=FORMAT", "text, json", "--set=KEY=VALUE", "--rules=PACK");
  }

  @Test
  void everyCommandsHelpRendersWithoutWarnings() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"classify", "check", "budget"}) {
        Cli help = Cli.run(command, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: failmode " + command).contains("Exit codes:");
        assertThat(help.err()).isEmpty();
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli's warnings").isEmpty();
  }

  @Test
  void budgetShowsTheArithmetic() {
    Cli year = Cli.run("budget", "--slo", "99.99");
    Cli month = Cli.run("budget", "--slo", "99.9", "--window", "30d", "--duration", "20m", "--frequency", "2/month");

    assertThat(year.exitCode()).isZero();
    assertThat(year.out()).contains("error budget: (100% - 99.99%) x 365d (525600 min) = 52.56 min");
    assertThat(month.out()).contains("43.2 min").contains("one occurrence: 20m = 20 min, 46.3% of the budget")
        .contains("2/month = 1.97 per 30d x 20 min = 39.45 min per 30d, 91.3%");
    assertThat(Cli.run("budget", "--slo", "99", "--window", "30d", "--format", "json").out()).contains("\"budgetMinutes\": 432");
  }

  @Test
  void aProjectFilesWrongValuesAreReportedWhereItWritesThem() throws Exception {
    Path project = dir.resolve("failmode.yaml");
    String head = "apiVersion: failmode/v1\nkind: Project\n";

    Files.writeString(project, head + "packs: [core, envy]\n");
    Cli packs = Cli.run("check", EXAMPLES, TODAY, "--project", project.toString());
    Files.writeString(project, head + "failOn: [open-not-ok, open-not-okk]\n");
    Cli failOn = Cli.run("check", EXAMPLES, TODAY, "--project", project.toString());
    Files.writeString(project, head + "failOn: [none, over-budget]\n");
    Cli none = Cli.run("check", EXAMPLES, TODAY, "--project", project.toString());
    Files.writeString(project, head + "parameters:\n  core.window-share: abc\n  core.nope: 3\n");
    Cli parameters = Cli.run("check", EXAMPLES, TODAY, "--project", project.toString());
    Cli overridden = Cli.run("check", EXAMPLES, TODAY, "--project", project.toString(), "--set", "core.window-share=abd");

    assertThat(List.of(packs, failOn, none, parameters, overridden)).allMatch(cli -> cli.exitCode() == 2);
    assertThat(packs.err()).contains(project + ":3:15: error: packs[1]: envy: unknown rule pack").contains("did you mean 'envoy'?");
    assertThat(failOn.err()).contains(project + ":3:23: error: failOn[1]: 'open-not-okk' is not one of")
        .contains("did you mean 'open-not-ok'?").doesNotContain("--fail-on");
    assertThat(none.err()).contains(project + ":3:10: error: failOn[0]: 'none' fails on nothing");
    assertThat(parameters.err()).contains(project + ":4:22: error: parameters.core.window-share: parameter core.window-share is a share")
        .contains(project + ":5:14: error: parameters.core.nope: no rule pack has a parameter 'core.nope'").doesNotContain("--set");
    // a value --set gives is the option's, not the file's
    assertThat(overridden.err()).contains("--set core.window-share=abd: error: parameter core.window-share is a share")
        .contains(project + ":5:14: error: parameters.core.nope");
    assertThat(Cli.run("check", EXAMPLES, TODAY, "--fail-on", "none,open-not-ok").err())
        .contains("--fail-on: 'none' fails on nothing, so it cannot be named with other kinds");
    // the file's failOn is the file's problem, whichever command reads it
    Files.writeString(project, head + "failOn: [open-not-okk]\n");
    assertThat(Cli.run("classify", EXAMPLES, TODAY, "--project", project.toString()).err())
        .contains(project + ":3:10: error: failOn[0]: 'open-not-okk' is not one of");
  }

  @Test
  void aSkippedFilesTextIsQuotedOnItsLine() throws Exception {
    Files.writeString(dir.resolve("manifest.yaml"), "apiVersion: \"v1\\n::error file=x::forged\"\nkind: ConfigMap\n");
    Files.copy(Path.of(EXAMPLES, "envoy.yaml"), dir.resolve("envoy.yaml"));

    Cli run = Cli.run("check", dir.toString(), TODAY);

    assertThat(run.err()).contains("note: skipped 1 YAML file").contains("v1\\n::error file=x::forged");
    assertThat(run.err().lines()).noneMatch(line -> line.startsWith("::"));
  }

  @Test
  void badInputInTheGithubAndSarifFormatsIsReportedAtItsLines() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: \"a b\"\n");
    String shown = Path.of("").toAbsolutePath().relativize(bad.toAbsolutePath()).toString();

    Cli github = Cli.run("check", bad.toString(), TODAY, "--format", "github");
    Cli json = Cli.run("check", bad.toString(), TODAY, "--format", "json");

    assertThat(github.exitCode()).isEqualTo(2);
    assertThat(github.out().lines()).containsExactly(
        "::error file=" + shown + ",line=1,col=1,title=failmode%3A bad input::missing required key 'components' in this failure-mode file",
        "::error file=" + shown + ",line=4,col=9,title=failmode%3A bad input::metadata.name: 'a b' is not a name of ASCII letters,"
            + " digits, '.', '_' and '-' (no spaces or '/'); did you mean 'a-b'?",
        "::error title=failmode%3A bad input::failmode: 2 problems in 1 file; nothing was classified");
    assertThat(github.err()).contains(shown + ":4:9: error: metadata.name");
    assertThat(json.exitCode()).isEqualTo(2);
    assertThat(json.out()).isEmpty();
    Cli sarif = Cli.run("check", bad.toString(), TODAY, "--format", "sarif");
    assertThat(sarif.exitCode()).isEqualTo(2);
    assertThat(sarif.out()).contains("\"executionSuccessful\": false", "\"ruleId\": \"failmode/bad-input\"", "\"startLine\": 4",
        "\"text\": \"failmode: 2 problems in 1 file; nothing was classified\"");
    Cli junit = Cli.run("check", bad.toString(), TODAY, "--format", "junit");
    Cli nothing = Cli.run("check", Files.createDirectories(dir.resolve("empty")).toString(), TODAY, "--format", "junit");
    assertThat(junit.exitCode()).isEqualTo(2);
    assertThat(junit.out()).contains("<testsuites name=\"failmode\" tests=\"2\" failures=\"0\" errors=\"2\"")
        .contains("<testcase classname=\"" + shown + "\" name=\"" + shown + ":4:9\" file=\"" + shown + "\" line=\"4\">");
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.out()).as("an empty suite would read as passed").contains("errors=\"1\"").contains("no failure-mode files found");
  }

  @Test
  void aMarkdownReportWrittenElsewhereLinksToTheFilesFromWhereItIs() throws Exception {
    Path written = Files.createDirectories(dir.resolve("reports")).resolve("review.md");

    Cli cli = Cli.run("classify", EXAMPLES + "/kubernetes.yaml", TODAY, "--format", "markdown", "-o", written.toString());

    assertThat(cli.exitCode()).as(cli.err()).isZero();
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\[examples/kubernetes\\.yaml:(\\d+)\\]\\(([^)#]+)#L\\1\\)")
        .matcher(Files.readString(written));
    assertThat(link.find()).as("a link to a line of the file").isTrue();
    assertThat(written.getParent().resolve(link.group(2)).normalize())
        .isEqualTo(Path.of(EXAMPLES, "kubernetes.yaml").toAbsolutePath().normalize());
    assertThat(Path.of(link.group(2))).as("the shortest way, however deep the working directory is")
        .isEqualTo(written.getParent().relativize(Path.of(EXAMPLES, "kubernetes.yaml").toAbsolutePath().normalize()));
    // on standard output the links are relative to the working directory, as the paths shown are
    assertThat(Cli.run("classify", EXAMPLES + "/kubernetes.yaml", TODAY, "--format", "markdown").out())
        .contains("](examples/kubernetes.yaml#L");
  }

  @Test
  void slipsOnTheCommandLineGetMessagesThatSayWhatWasMeant() {
    Cli emptyOutput = Cli.run("classify", EXAMPLES, "--output", "");
    Cli folderProject = Cli.run("classify", EXAMPLES, "--project", EXAMPLES);
    Cli emptyPack = Cli.run("classify", EXAMPLES, "--rules", "");

    assertThat(List.of(emptyOutput, folderProject, emptyPack)).allMatch(cli -> cli.exitCode() == 2);
    assertThat(emptyOutput.err()).contains("cannot write to an empty file name");
    assertThat(folderProject.err()).contains("--project " + EXAMPLES + ": is a folder; name the project file itself");
    assertThat(emptyPack.err()).contains("'': error: an empty rule pack name");
    assertThat(Cli.run("generate-completion", "--version").out()).startsWith("failmode ");
    Cli both = Cli.run("classify", EXAMPLES, "--no-project", "--project", "nowhere.yaml");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--project nowhere.yaml and --no-project say opposite things");
    Cli emptyProject = Cli.run("classify", EXAMPLES, "--project", "");
    Cli emptyBaseline = Cli.run("check", EXAMPLES, "--baseline=");
    Cli noValue = Cli.run("classify", EXAMPLES, "--set", "window-share");
    assertThat(List.of(emptyProject, emptyBaseline, noValue)).allMatch(cli -> cli.exitCode() == 2);
    assertThat(emptyProject.err()).contains("--project: an empty path: name the project file").doesNotContain("folder");
    assertThat(emptyBaseline.err()).contains("--baseline: an empty path: name a JSON report").doesNotContain("folder");
    assertThat(noValue.err()).contains("--set window-share: error: expected KEY=VALUE, such as --set window-share=30%")
        .contains("failmode: the parameters cannot be used");
    assertThat(Cli.run("bogus").err()).startsWith("failmode: unknown command 'bogus' (commands: classify, check, validate,");
    assertThat(Cli.run("clasify", EXAMPLES).err()).startsWith("failmode: unknown command 'clasify'; did you mean 'classify'?");
    assertThat(Cli.run("packs", "lsit").err()).startsWith("failmode: unknown command 'lsit' of failmode packs; did you mean 'list'?");
    assertThat(Cli.run("bogus").exitCode()).isEqualTo(2);
    // a format is a format however it is capitalized, in every command, as classify's --format JSON is
    assertThat(Cli.run("budget", "--slo", "99.9", "--format", "JSON").out()).startsWith("{");
  }

  @Test
  void theLockBesideAProjectFileHoldsWhereverTheRunStarts() throws Exception {
    Path cfg = Files.createDirectories(dir.resolve("cfg"));
    Files.writeString(cfg.resolve("failmode.yaml"), "apiVersion: failmode/v1\nkind: Project\npacks: [core, team.zip]\n");
    zipPack(cfg.resolve("team.zip"), "note-a");

    Cli lock = Cli.run("packs", "lock", "--project", cfg.resolve("failmode.yaml").toString());
    zipPack(cfg.resolve("team.zip"), "note-b"); // changed after it was reviewed and pinned
    Cli run = Cli.run("classify", EXAMPLES, "--project", cfg.resolve("failmode.yaml").toString());

    assertThat(lock.exitCode()).as(lock.err()).isZero();
    assertThat(cfg.resolve("failmode.lock")).content().contains("source: \"team.zip\"");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("pack team.zip does not match").contains("cfg/failmode.lock");
  }

  @Test
  void theLockMatchesAnArchiveHoweverItsPathIsWrittenAndRefusesAPackPinnedTwice() throws Exception {
    Path cfg = Files.createDirectories(dir.resolve("cfg"));
    Path project = cfg.resolve("failmode.yaml");
    Files.writeString(project, "apiVersion: failmode/v1\nkind: Project\npacks: [core, ./team.zip]\n");
    zipPack(cfg.resolve("team.zip"), "note-a");

    Cli lock = Cli.run("packs", "lock", "--project", project.toString());
    Files.writeString(project, "apiVersion: failmode/v1\nkind: Project\npacks: [core, team.zip]\n");
    Cli plain = Cli.run("classify", EXAMPLES, "--project", project.toString());
    Files.writeString(project, "apiVersion: failmode/v1\nkind: Project\npacks: [core, sub/../team.zip]\n");
    Cli roundabout = Cli.run("classify", EXAMPLES, "--project", project.toString());
    Files.writeString(project, "apiVersion: failmode/v1\nkind: Project\npacks: [core, \"" + cfg.resolve("team.zip").toAbsolutePath() + "\"]\n");
    Cli absolute = Cli.run("classify", EXAMPLES, "--project", project.toString());
    String pinned = Files.readString(cfg.resolve("failmode.lock"));
    String entry = pinned.substring(pinned.indexOf("  - source:"));
    Files.writeString(cfg.resolve("failmode.lock"), pinned + entry.replace("\"./team.zip\"", "\"team.zip\""));
    Cli twice = Cli.run("classify", EXAMPLES, "--project", project.toString());

    assertThat(lock.exitCode()).as(lock.err()).isZero();
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(roundabout.exitCode()).as(roundabout.err()).isZero();
    assertThat(absolute.exitCode()).as(absolute.err()).isZero();
    assertThat(pinned).as("written relative to the lock's folder, whatever the spelling").contains("source: \"team.zip\"");
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("failmode.lock:10:5: error: pack team.zip is pinned twice, here and at line 6");
  }

  /** A pack archive of one note rule, named {@code rule}. */
  private static void zipPack(Path archive, String rule) throws Exception {
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("pack.yaml"));
      zip.write("id: team\nversion: 1.0.0\ndescription: a team's pack\n".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new java.util.zip.ZipEntry("rules.drl"));
      zip.write(("package dev.failmode.packs.team;\nimport dev.failmode.model.*;\nrule \"" + rule
          + "\" when $v : Verdict() then $v.note(\"n\"); end\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aLocalMavenRepositoryThatIsAFileIsAClearErrorNotAnInternalOne() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-repository"), "text");

    Cli run = Cli.run("classify", EXAMPLES, "--maven-repo-local", file.toString(), "--rules", "com.example:pack:1.0.0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("com.example:pack:1.0.0: error: cannot resolve the rule pack: the local Maven repository "
        + file + " is not a folder").doesNotContain("internal error");
  }

  @Test
  void aFilesTextNeverBreaksALineNorReachesTheTerminalAsControlCodes() throws Exception {
    Path file = Files.writeString(dir.resolve("inject.yaml"), """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: inject
          description: "a\\u202eb"
        components:
          - name: c
            failureModes:
              - id: a
                description: "x\\e[31mred"
                effect: slow
                userImpact: none
                waiver:
                  reason: "renew\\n::error file=x.yaml,line=1::forged\\nok"
                  owner: "o\\r\\n::stop-commands::tok"
                  expires: 2020-01-01
        """);

    Cli check = Cli.run("check", file.toString(), TODAY);
    Cli classify = Cli.run("classify", file.toString(), TODAY);

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out().lines()).hasSize(2).noneMatch(line -> line.startsWith("::"));
    assertThat(check.out()).contains("renew\\n::error file=x.yaml,line=1::forged\\nok", "o\\r\\n::stop-commands::tok");
    assertThat(classify.out()).doesNotContain("\u001b", "\u202e", "\r").contains("x\\u001b[31mred", "a\\u202eb")
        .contains("renew\\n::error");
    assertThat(classify.out().lines()).noneMatch(line -> line.startsWith("::"));

    Path wrong = Files.writeString(dir.resolve("wrong.yaml"), Files.readString(file).replace("effect: slow",
        "effect: \"slow\\n::error file=x::forged\""));
    Cli problems = Cli.run("check", wrong.toString(), TODAY);
    assertThat(problems.exitCode()).isEqualTo(2);
    assertThat(problems.err().lines()).hasSize(2).noneMatch(line -> line.startsWith("::"));
    assertThat(problems.err()).contains("unknown effect 'slow\\n::error file=x::forged'");
  }

  @Test
  void aTargetIsShownAsWrittenNotRoundedToOneWithoutABudget() throws Exception {
    Cli fiveNines = Cli.run("budget", "--slo", "99.999");

    assertThat(fiveNines.out()).contains("SLO 99.999% over 365d")
        .contains("error budget: (100% - 99.999%) x 365d (525600 min) = 5.26 min").doesNotContain("100%)");
    Path file = Files.writeString(dir.resolve("five-nines.yaml"), """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: five-nines
        slo:
          target: 99.9995
        components:
          - name: api
            failureModes:
              - id: restart
                description: a restart
                effect: unexpected-termination
                userImpact: outage
                duration: 30s
                frequency: 1/year
        """);
    for (String format : List.of("text", "markdown", "html", "csv")) {
      String out = Cli.run("classify", file.toString(), TODAY, "--format", format).out();
      assertThat(out).as(format).contains("99.9995%").doesNotContain("100% over").doesNotContain("| 100% |");
    }
  }

  @Test
  void budgetRefusesBadNumbers() {
    Cli over = Cli.run("budget", "--slo", "100.5");
    Cli frequencyAlone = Cli.run("budget", "--slo", "99.9", "--frequency", "4/year");

    assertThat(over.exitCode()).isEqualTo(2);
    assertThat(over.err()).contains("--slo: 100.5 is over 100");
    assertThat(frequencyAlone.exitCode()).isEqualTo(2);
    assertThat(Cli.run("budget", "--slo", "99.9", "--duration", "5 minutes").err()).contains("did you mean '5m'?");
  }

  @Test
  void outputIsWrittenWholeToAFile() throws Exception {
    Path report = dir.resolve("report.json");

    Cli cli = Cli.run("classify", EXAMPLES, TODAY, "--format", "json", "--output", report.toString());

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).isEmpty();
    assertThat(new ObjectMapper().readTree(report.toFile()).path("results")).hasSize(19);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(report); // no temporary file left beside it
    }
  }

  @ParameterizedTest
  @EnumSource(dev.failmode.report.Format.class)
  void aFileGetsTheBytesStandardOutputGets(dev.failmode.report.Format format) throws Exception {
    Path catalogue = dir.resolve("unicode.yaml");
    Files.writeString(catalogue, """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata:
          name: unicode
          owner: "café naïve 日本"
        slo:
          target: 99.9
        components:
          - name: web
            failureModes:
              - id: emoji
                description: "deploy goes \\U0001F4A5 and \\u2028 a separator, \\t a tab, \\x01 a control, \\u00e9 accents, 漢字"
                effect: crash
                userImpact: outage
                duration: 5m
                frequency: 1/year
        """, StandardCharsets.UTF_8);
    Path report = dir.resolve("report." + format);

    Cli toStdout = Cli.run("classify", catalogue.toString(), TODAY, "--no-project", "--format", format.toString());
    Cli toFile = Cli.run("classify", catalogue.toString(), TODAY, "--no-project", "--format", format.toString(), "--output",
        report.toString());

    assertThat(toStdout.exitCode()).as(toStdout.err()).isZero();
    assertThat(toFile.exitCode()).as(toFile.err()).isZero();
    String expected = toStdout.out();
    if (format == dev.failmode.report.Format.MARKDOWN) {
      // links start from where the report is: on standard output the working directory, in the file its folder
      String shown = Path.of("").toAbsolutePath().relativize(catalogue.toAbsolutePath()).toString();
      assertThat(expected).contains("](" + shown);
      expected = expected.replace("](" + shown, "](unicode.yaml");
    }
    assertThat(Files.readAllBytes(report)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anUnwritableOutputIsAClearError() {
    Cli cli = Cli.run("classify", EXAMPLES, "--output", dir.resolve("no/such/folder/report.txt").toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("does not exist").doesNotContain("Exception");
  }

  @Test
  void parametersCanBeSet() {
    Cli strict = Cli.run("classify", EXAMPLES, TODAY, "--format", "json", "--set", "window-share=5%");

    assertThat(strict.exitCode()).isZero();
    assertThat(strict.out()).contains("over 5% is NOT OK");
  }
}

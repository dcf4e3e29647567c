package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failmode.Fixtures;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Decision;
import dev.failmode.model.DisabledRule;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import dev.failmode.model.Reason;
import dev.failmode.model.RemediationType;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine with packs written for the test: dominance, the firing limit, broken rules and packs. */
class EngineTest {
  @TempDir Path dir;

  private static final String HEADER = """
      package dev.failmode.packs.%s;
      import dev.failmode.model.*;
      """;

  private Path pack(String id, String drl) throws IOException {
    Path pack = dir.resolve(id);
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("pack.yaml"), "id: " + id + "\nversion: 1.0.0\ndescription: a pack for a test\n");
    Files.writeString(pack.resolve("rules.drl"), HEADER.formatted(id.replace('-', '_')) + drl);
    return pack;
  }

  /** Compiles packs written for a test, trusted: these tests are about the engine, not the safety check. */
  private RuleBase compile(Path... packs) throws PackException {
    PackLoader loader = new PackLoader(dir);
    List<RulePack> loaded = new java.util.ArrayList<>();
    for (Path pack : packs) {
      loaded.add(loader.resolve(pack.toString()));
    }
    return RuleBase.compile(loaded, loaded.stream().map(RulePack::id).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void packsThatAreNotTrustedAreCheckedBeforeTheyCompile() throws Exception {
    Path pack = pack("loop2", "rule \"forever\" when $v : Verdict() then update($v); end\n");
    RulePack loaded = new PackLoader(dir).resolve(pack.toString());

    assertThatThrownBy(() -> RuleBase.compile(List.of(loaded))).isInstanceOf(PackException.class)
        .satisfies(e -> assertThat(((PackException) e).unsafe()).isTrue())
        .hasMessageContaining("loop2/rules.drl:3: 'update' is not allowed");
  }

  @Test
  void aPackThatDoesNotParseIsBrokenNotUnsafe() throws Exception {
    RulePack broken = new PackLoader(dir).resolve(pack("broken", "rule \"half\" when $v : Verdict() then\n").toString());

    assertThatThrownBy(() -> RuleBase.compile(List.of(broken))).isInstanceOf(PackException.class)
        .satisfies(e -> assertThat(((PackException) e).unsafe()).as("trusting the pack would not help").isFalse())
        .hasMessageContaining("broken/rules.drl").hasMessageContaining("does not parse");
  }

  @Test
  void aParseErrorIsLocatedAtItsColumnCountedFromOne() throws Exception {
    RulePack stray = new PackLoader(dir).resolve(pack("stray", "rule \"comma\" when $v : Verdict( mode != null,, mode != null ) then\n"
        + "  $v.note(\"x\");\nend\n").toString());

    // line 3 is the rule's ('package' and 'import' come first); the second comma is its 46th character
    assertThatThrownBy(() -> RuleBase.compile(List.of(stray))).isInstanceOf(PackException.class)
        .hasMessageContaining("stray/rules.drl:3:46: the DRL does not parse: [ERR 101] no viable alternative at input ','");
  }

  private List<Catalogue> examples() {
    return new CatalogueLoader(Fixtures.project()).load(List.of(Path.of("examples"))).catalogues();
  }

  private Report run(RuleBase rules, Set<String> disabled) throws Exception {
    List<DisabledRule> off = disabled.stream().map(id -> new DisabledRule(id, "a test", "to see it not fire", Location.of("test"))).toList();
    return new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY, off).classify(examples());
  }

  @ParameterizedTest(name = "OK first at salience {0}")
  @ValueSource(ints = {100, -100})
  void notOkWinsWhateverOrderRulesFireIn(int okSalience) throws Exception {
    RuleBase rules = compile(pack("order", """
        rule "says-ok" salience %d
        when $v : Verdict() then $v.okToBreak("fine"); end
        rule "says-not-ok" salience %d
        when $v : Verdict() then $v.notOk("not fine"); end
        """.formatted(okSalience, -okSalience)));

    Report report = run(rules, Set.of());

    assertThat(report.results()).isNotEmpty().extracting(r -> r.verdict()).containsOnly(Decision.NOT_OK);
    assertThat(report.results().get(0).reasons()).extracting(r -> r.rule()).containsExactly("order/says-not-ok", "order/says-ok");
  }

  @Test
  void rulesMatchingTheModeComponentBudgetAndFileFactsSeeThem() throws Exception {
    // the engine leaves out facts no rule matches; a pack that matches them must still get them
    RuleBase rules = compile(pack("facts", """
        rule "mode" when $m : FailureMode( effect == Effect.CRASH ) $v : Verdict( mode == $m ) then $v.notOk("a crash"); end
        rule "component" when $c : Component( name == "etcd" ) $v : Verdict( component == $c ) then $v.notOk("etcd"); end
        rule "budget" when $b : Budget( share > 0 ) $v : Verdict( budget == $b ) then $v.note("has a budget"); end
        rule "file" when $f : Catalogue( ) $v : Verdict( catalogue == $f ) then $v.note("in a file"); end
        """));

    Report report = run(rules, Set.of());

    assertThat(report.results()).allSatisfy(r -> assertThat(r.reasons()).extracting(reason -> reason.rule()).contains("facts/file"));
    assertThat(report.results()).filteredOn(r -> r.mode().effect() == dev.failmode.model.Effect.CRASH).isNotEmpty()
        .allSatisfy(r -> assertThat(r.reasons()).extracting(reason -> reason.rule()).contains("facts/mode"));
    assertThat(report.results()).filteredOn(r -> r.mode().component().equals("etcd")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.reasons()).extracting(reason -> reason.rule()).contains("facts/component"));
    assertThat(report.results()).filteredOn(r -> r.budget() != null).isNotEmpty()
        .allSatisfy(r -> assertThat(r.reasons()).extracting(reason -> reason.rule()).contains("facts/budget"));
    assertThat(rules.matches(dev.failmode.model.FailureMode.class)).isTrue();
    assertThat(Fixtures.core().matches(dev.failmode.model.FailureMode.class)).isFalse();
    assertThat(Fixtures.core().matches(dev.failmode.model.Verdict.class)).isTrue();
  }

  @Test
  void everyFailureModeIsABudgetFactOfItsOwnEvenWhenItsArithmeticIsRemembered() throws Exception {
    // error budgets remember what a duration and frequency cost; two modes alike must still be two facts
    RuleBase rules = compile(pack("count", """
        rule "budgets" when $v : Verdict( budget != null ) $n : Number() from accumulate( Budget(), count(1) )
        then $v.note("budgets: " + $n); end
        """));
    Path file = Files.writeString(dir.resolve("alike.yaml"), """
        apiVersion: failmode/v1
        kind: FailureModes
        metadata: {name: alike}
        slo: {target: 99.9, window: 30d}
        components:
          - name: web
            failureModes:
              - {id: one, description: first, effect: crash, duration: 5m, frequency: 1/month}
              - {id: two, description: second, effect: crash, duration: 5m, frequency: 1/month}
              - {id: three, description: third, effect: slow, duration: 7m}
        """);
    List<Catalogue> alike = new CatalogueLoader(dir).load(List.of(file)).catalogues();

    Report report = new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY).classify(alike);

    assertThat(report.results()).hasSize(3).allSatisfy(r -> assertThat(r.reasons()).filteredOn(reason -> reason.rule().equals("count/budgets"))
        .extracting(reason -> reason.message()).containsExactly("budgets: 3"));
    // results sort by id: one, three, two; the two alike share equal arithmetic
    assertThat(report.results().get(0).budget()).isEqualTo(report.results().get(2).budget());
  }

  private Catalogue file(String name, String... modes) throws IOException {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: failmode/v1
        kind: FailureModes
        metadata: {name: %s}
        slo: {target: 99.9, window: 30d}
        components:
          - name: web
            failureModes:
        """.formatted(name));
    for (String mode : modes) {
      yaml.append("      - {id: ").append(mode).append(", description: a mode, effect: crash, userImpact: outage, duration: 5m}\n");
    }
    Path file = Files.writeString(dir.resolve(name + ".yaml"), yaml);
    return new CatalogueLoader(dir).load(List.of(file)).catalogues().get(0);
  }

  private static List<String> reasons(Engine.FileJudgement judgement) {
    assertThat(judgement.failure()).isNull();
    return judgement.results().stream().flatMap(r -> r.reasons().stream().map(reason -> r.id() + " " + reason.rule() + ": "
        + reason.message())).toList();
  }

  @Test
  void aFileIsJudgedAsInAFreshSessionWhateverTheFilesBeforeItLeft() throws Exception {
    // sessions come back from Drools' pool reset: no fact, match or listener of one file may reach the next,
    // not after a rule that threw, nor after a rule stopped by the firing limit
    RuleBase rules = compile(pack("reuse", """
        rule "count" when $v : Verdict() $n : Number() from accumulate( Verdict(), count(1) )
        then $v.note("verdicts in the session: " + $n); end
        rule "outcomes" when $o : Outcome() $n : Number() from accumulate( Outcome(), count(1) )
        then $o.note("outcomes in the session: " + $n); end
        rule "files" when $r : FileReview() $n : Number() from accumulate( FileReview(), count(1) )
        then $r.finding("files", "file reviews in the session: " + $n); end
        rule "explodes" when $v : Verdict( mode.id == "boom" ) then throw new IllegalStateException("boom"); end
        rule "forever" when $v : Verdict( mode.id == "loop" ) then update($v); end
        rule "votes" when $v : Verdict( mode.id != "boom", mode.id != "loop" ) then $v.notOk("one vote"); end
        """));
    Catalogue big = file("big", "a", "b", "c", "d", "e");
    Catalogue throwing = file("throwing", "x", "boom", "y");
    Catalogue looping = file("looping", "loop", "z");
    Catalogue small = file("small", "p", "q");
    Engine fresh = new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY);
    Engine.FileJudgement alone = fresh.judge(small);
    Engine engine = new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY);

    Engine.FileJudgement afterBig = engine.judge(big);
    assertThat(engine.judge(throwing).failure()).isNotNull().hasMessageContaining("reuse/explodes");
    Engine.FileJudgement afterThrow = engine.judge(small);
    assertThat(engine.judge(looping).failure()).isNotNull().hasMessageContaining("firing limit");
    Engine.FileJudgement afterLoop = engine.judge(small);

    assertThat(reasons(afterBig)).contains("big/web/a reuse/count: verdicts in the session: 5",
        "big/web/a reuse/outcomes: outcomes in the session: 5");
    assertThat(reasons(alone)).contains("small/web/p reuse/count: verdicts in the session: 2",
        "small/web/p reuse/outcomes: outcomes in the session: 2", "small/web/p reuse/votes: one vote");
    assertThat(reasons(afterThrow)).isEqualTo(reasons(alone));
    assertThat(reasons(afterLoop)).isEqualTo(reasons(alone));
    assertThat(afterLoop.findings()).isEqualTo(alone.findings()).extracting(f -> f.message())
        .containsExactly("file reviews in the session: 1");
  }

  @Test
  void anActivationGroupFiresOnceForEveryFileWhateverTheFilesBeforeIt() throws Exception {
    // Drools' session reset leaves activation groups marked as triggered up to the last file's fact
    // recency; a pooled session would let every match of the group fire in the next file
    RuleBase rules = compile(pack("grouped", """
        rule "group-a" activation-group "g" salience 10 when $v : Verdict() then $v.note("group fired a"); end
        rule "group-b" activation-group "g" when $v : Verdict() then $v.note("group fired b"); end
        rule "votes" when $v : Verdict() then $v.notOk("one vote"); end
        """));
    Catalogue small = file("small", "p", "q");
    Catalogue big = file("big", "a", "b", "c", "d", "e", "f");
    Engine engine = new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY);

    for (Catalogue catalogue : List.of(small, big, small, big)) {
      List<String> grouped = reasons(engine.judge(catalogue)).stream().filter(r -> r.contains("group fired")).toList();
      assertThat(grouped).as(catalogue.file()).hasSize(1);
    }
    assertThat(rules.pooled()).as("a rule base with an activation group gets new sessions").isFalse();
    assertThat(Fixtures.core().pooled()).as("the core pack's sessions come from the pool").isTrue();
  }

  @Test
  void everyFailureModeGivesExactlyOneResultEvenWhenNoRuleFires() throws Exception {
    RuleBase rules = compile(pack("silent", """
        rule "never" when $v : Verdict( mode.id == "no-such-mode" ) then $v.notOk("never"); end
        """));

    Report report = run(rules, Set.of());

    int modes = examples().stream().mapToInt(c -> c.failureModes().size()).sum();
    assertThat(report.results()).hasSize(modes).extracting(r -> r.verdict()).containsOnly(Decision.UNCLASSIFIED);
    assertThat(report.results()).extracting(r -> r.id()).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void equalReasonsOfARunAreKeptOnceWhateverFileTheyCameFrom() throws Exception {
    RuleBase rules = compile(pack("same", """
        rule "same-text" when $v : Verdict() then $v.notOk("one " + "text"); $v.suggest(RemediationType.WORKAROUND, "re" + "start"); end
        """));

    // each thread judging files keeps its own table, without a lock; the examples over and over: more files than threads
    int threads = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
    List<Catalogue> files = java.util.Collections.nCopies(threads + 1, examples()).stream().flatMap(List::stream).toList();
    Report report = new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY, List.of()).classify(files);

    assertThat(files).hasSizeGreaterThan(threads);
    assertThat(report.results()).hasSize((threads + 1) * examples().stream().mapToInt(c -> c.failureModes().size()).sum())
        .allSatisfy(result -> assertThat(result.reasons()).containsExactly(new Reason("same/same-text", Decision.NOT_OK, "one text")));
    assertThat(identities(report.results().stream().map(Result::reasons).toList())).as("one list per thread at most")
        .isLessThanOrEqualTo(threads);
    List<List<Suggestion>> suggested = report.results().stream().filter(r -> r.mode().remediations().isEmpty()).map(Result::remediations).toList();
    assertThat(suggested).isNotEmpty().allSatisfy(remediations -> assertThat(remediations).singleElement()
        .isEqualTo(Suggestion.suggested(RemediationType.WORKAROUND, "restart", "same/same-text")));
    assertThat(identities(suggested)).isLessThanOrEqualTo(threads);
  }

  private static int identities(List<?> objects) {
    java.util.Set<Object> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    distinct.addAll(objects);
    return distinct.size();
  }

  @Test
  void aRunawayRuleIsStoppedByTheFiringLimitAndNamed() throws Exception {
    RuleBase rules = compile(pack("loop", """
        rule "forever"
        when $v : Verdict() then update($v); end
        """));

    assertThatThrownBy(() -> run(rules, Set.of()))
        .isInstanceOf(RuleFailure.class)
        .hasMessageContaining("rule loop/forever fired")
        .hasMessageContaining("firing limit")
        .satisfies(e -> assertThat(((RuleFailure) e).rule()).isEqualTo("loop/forever"));
  }

  @Test
  void aRuleThatThrowsIsNamedWithTheFailureModeItWasJudging() throws Exception {
    RuleBase rules = compile(pack("boom", """
        rule "explodes"
        when $v : Verdict( mode.id == "runtime-segfault" ) then throw new IllegalStateException("boom"); end
        """));

    assertThatThrownBy(() -> run(rules, Set.of()))
        .isInstanceOf(RuleFailure.class)
        .hasMessageContaining("rule boom/explodes")
        .hasMessageContaining("rules.drl:")
        .hasMessageContaining("envoy-mesh/envoy/runtime-segfault")
        .hasMessageContaining("IllegalStateException: boom");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"one system a file, its files in another order than its ids", "a system split across files, ids interleaved"})
  void resultsAreSortedByIdWhateverFilesTheyCameFrom(String shape) throws Exception {
    // each file's results come sorted from the core that judged it; the report puts files in
    // order when their ids do not interleave, and sorts them all when they do
    boolean split = shape.startsWith("a system split");
    List<Path> files = new java.util.ArrayList<>();
    for (int f = 0; f < 12; f++) {
      StringBuilder yaml = new StringBuilder("apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: ")
          .append(split ? "shop" : "system-" + f).append("\ncomponents:\n");
      for (int c = 0; c < 3; c++) {
        yaml.append("  - name: ").append(split ? "c" + (c * 12 + f) : "c" + c).append("\n    failureModes:\n");
        for (int m = 11; m >= 0; m--) {
          yaml.append("      - id: m").append(m).append("\n        description: mode ").append(m)
              .append("\n        effect: crash\n");
        }
      }
      files.add(Files.writeString(dir.resolve("file-" + (char) ('a' + (f * 7) % 12) + ".yaml"), yaml.toString()));
    }
    List<Catalogue> catalogues = new CatalogueLoader(dir).load(files).catalogues();
    RuleBase rules = Fixtures.core();

    Report report = new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), Fixtures.TODAY).classify(catalogues);

    List<String> ids = report.results().stream().map(Result::id).toList();
    assertThat(ids).hasSize(12 * 3 * 12).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.naturalOrder());
  }

  @Test
  void disabledRulesDoNotFire() throws Exception {
    RuleBase rules = Fixtures.core();

    Report report = run(rules, Set.of("core/wrong-data-never-ok", "core/user-facing-unjudgeable", "core/incident-only-once"));

    assertThat(Fixtures.result(report, "envoy-mesh/xds-server/serves-incomplete-config").verdict()).isEqualTo(Decision.UNCLASSIFIED);
    assertThat(report.disabled()).extracting(DisabledRule::rule)
        .containsExactly("core/incident-only-once", "core/user-facing-unjudgeable", "core/wrong-data-never-ok");
    assertThatThrownBy(() -> run(rules, Set.of("core/wrong-data-never-okay"))).isInstanceOf(PackException.class)
        .hasMessageContaining("did you mean 'core/wrong-data-never-ok'?");
  }

  @Test
  void drlErrorsAreLocatedAtThePackFileAndLine() throws Exception {
    Path pack = pack("broken", """
        rule "typo"
        when
            $v : Verdict( mode.efect == Effect.CRASH )
        then
            $v.notOk("x");
        end
        """);

    assertThatThrownBy(() -> compile(pack)).isInstanceOf(PackException.class).satisfies(e -> {
      List<Problem> problems = ((PackException) e).problems();
      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.location().file()).isEqualTo("broken/rules.drl");
        assertThat(p.location().line()).isEqualTo(5);
        assertThat(p.message()).contains("efect").endsWith("did you mean 'effect'?");
      });
    });
  }

  @Test
  void drlSyntaxErrorsAreLocatedToo() throws Exception {
    Path pack = pack("syntax", """
        rule "unfinished"
        when
            $v : Verdict(
        then
        end
        """);

    assertThatThrownBy(() -> compile(pack)).isInstanceOf(PackException.class)
        .satisfies(e -> assertThat(((PackException) e).problems()).allSatisfy(p -> {
          assertThat(p.location().file()).isEqualTo("syntax/rules.drl");
          assertThat(p.location().line()).isPositive();
        }));
  }

  @Test
  void ruleIdsAreKebabCaseAndUniqueInAPack() throws Exception {
    Path pack = pack("ids", """
        rule "First Rule" when $v : Verdict() then $v.note("a"); end
        rule "second" @id("dup") when $v : Verdict() then $v.note("b"); end
        rule "third" @id("dup") when $v : Verdict() then $v.note("c"); end
        """);

    assertThatThrownBy(() -> compile(pack)).isInstanceOf(PackException.class).satisfies(e -> assertThat(
        ((PackException) e).problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("'First Rule'").contains("not kebab-case"))
        .anySatisfy(m -> assertThat(m).contains("'dup' is used twice")));
  }

  @Test
  void twoPacksCannotDefineTheSameRule() throws Exception {
    Path a = pack("a", "rule \"same\" when $v : Verdict() then $v.note(\"a\"); end\n");
    Path b = pack("b", "rule \"same\" when $v : Verdict() then $v.note(\"b\"); end\n");
    for (Path pack : List.of(a, b)) { // trusted packs may share a package; then their rules clash
      Path drl = pack.resolve("rules.drl");
      Files.writeString(drl, Files.readString(drl).replaceFirst("package [^;]+;", "package dev.failmode.packs.shared;"));
    }

    assertThatThrownBy(() -> compile(a, b)).isInstanceOf(PackException.class)
        .satisfies(e -> assertThat(((PackException) e).problems().get(0).message()).contains("give each pack a package of its own"));
  }

  @Test
  void aBrokenManifestIsLocated() throws Exception {
    Path pack = dir.resolve("manifest");
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("pack.yaml"), """
        id: Manifest
        version: one
        descripton: typo
        parameters:
          - name: limit
            type: share
            default: lots
            description: a limit
        """);
    Files.writeString(pack.resolve("r.drl"), HEADER.formatted("manifest"));

    assertThatThrownBy(() -> new PackLoader(dir).resolve("manifest")).isInstanceOf(PackException.class)
        .satisfies(e -> assertThat(((PackException) e).problems()).extracting(Problem::toString)
            .anySatisfy(m -> assertThat(m).startsWith("manifest/pack.yaml:1:").contains("kebab-case"))
            .anySatisfy(m -> assertThat(m).startsWith("manifest/pack.yaml:2:").contains("semantic version"))
            .anySatisfy(m -> assertThat(m).startsWith("manifest/pack.yaml:3:").contains("did you mean 'description'"))
            .anySatisfy(m -> assertThat(m).startsWith("manifest/pack.yaml:7:").contains("not a number")));
  }

  @Test
  void unknownPacksAndParametersAreBadUsageWithSuggestions() {
    assertThatThrownBy(() -> new PackLoader(dir).resolve("cor")).isInstanceOf(PackException.class)
        .hasMessageContaining("did you mean 'core'");
    assertThatThrownBy(() -> ParameterValues.resolve(Fixtures.core().packs(), Map.of("window-shar", "0.3")))
        .isInstanceOf(PackException.class).hasMessageContaining("did you mean 'window-share'");
    assertThatThrownBy(() -> ParameterValues.resolve(Fixtures.core().packs(), Map.of("window-share", "lots")))
        .isInstanceOf(PackException.class).hasMessageContaining("not a number");
  }

  @Test
  void theBuiltInPackIsTheDefaultAndCarriesItsVersion() {
    assertThat(Fixtures.core().packRefs()).singleElement().satisfies(ref -> {
      assertThat(ref.id()).isEqualTo("core");
      assertThat(ref.version()).matches("\\d+\\.\\d+\\.\\d+");
    });
  }
}

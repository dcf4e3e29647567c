package dev.failmode.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the safety check lets through: the things a legitimate pack reasonably writes. What it
 * refuses is proven with real side effects by the hostile packs (HostilePacksIT).
 */
class SafetyCheckTest {

  private static List<Problem> check(String consequence) {
    String drl = """
        package dev.failmode.packs.fine;
        import dev.failmode.model.*;
        import java.util.*;
        import java.math.BigDecimal;
        import java.util.stream.Collectors;
        rule "fine" @id("fine") @title("a \\"quoted\\" title")
        when
            $v : Verdict( mode.effect == Effect.CRASH || mode.description matches "(?i).*retr(y|ies).*", budget == null || budget.share > 0.1 )
            $p : Parameters( pack == "fine" )
            $l : java.util.List( size > 0 ) from collect( Outcome( verdict == Decision.NOT_OK ) )
            $n : Number( intValue > 0 ) from accumulate( Verdict( $s : mode.incidents.size() ), sum( $s ) )
        then
        """ + consequence + "\nend\n";
    return SafetyCheck.check(new DrlSource("fine/rules.drl", drl), "fine");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "$v.note(\"plain\");",
      "for (Object o : $l) { $v.note(String.valueOf(o)); }",
      "StringBuilder b = new StringBuilder(\"x\"); b.insert(0, \"y\").delete(0, 1); $v.note(b.toString());",
      "try { Integer.parseInt(\"12\"); } catch (NumberFormatException e) { $v.note(\"not a number\"); }",
      "int[] counts = new int[3]; Integer[] boxed = new Integer[2]; $v.note(\"\" + counts.length + boxed.length);",
      "Map.Entry<String, Integer> e = new AbstractMap.SimpleEntry<>(\"a\", 1); $v.note(e.getKey());",
      "List<String> ids = new ArrayList<>(); ids.add($v.getId()); $v.note(ids.stream().map(String::toUpperCase).collect(Collectors.joining(\", \")));",
      "BigDecimal share = $v.getBudget() == null ? BigDecimal.ZERO : $v.getBudget().share(); $v.note(Text.percent(share));",
      "int load = 1; int update = 2; $v.note(\"load \" + load + update);",
      "$v.suggest(RemediationType.CONFIG_CHANGE, \"say \\\"for\\\", \\\"while\\\" and System.exit in a string\"); // System.exit in a comment",
      "$v.note(Wire.name($v.getMode().effect()) + java.time.LocalDate.of(2027, 1, 1) + java.util.List.of(1).size());"})
  void whatALegitimatePackWritesPasses(String consequence) {
    assertThat(check(consequence)).isEmpty();
  }

  @Test
  void theBuiltInPacksPassAsFolders() throws Exception {
    PackLoader loader = new PackLoader(dev.failmode.Fixtures.project());
    assertThat(SafetyCheck.check(loader.resolve("rules/core"))).isEmpty();
    assertThat(SafetyCheck.check(loader.resolve("rules/envoy"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "for (int i = 0; ; i++) { }",
      "while (true) { }",
      "String s = \"\\u0022; System.exit(1); //\";",
      "Object o = $v.getMode().effect().getDeclaringClass();",
      "$v.note(\"\" + Thread.currentThread());",
      "insert(new ArrayList());",
      "Runnable r = System::gc;",
      "$v.note(String.valueOf(Effect.class));"})
  void whatReachesOutsideIsRefusedAtItsLine(String consequence) {
    assertThat(check(consequence)).isNotEmpty().allSatisfy(p -> {
      assertThat(p.location().file()).isEqualTo("fine/rules.drl");
      assertThat(p.location().line()).isEqualTo(13);
    });
  }
  @Test
  void aFileWithNoPackageLineIsToldWhichToDeclare() {
    assertThat(SafetyCheck.check(new DrlSource("mine/rules.drl", "rule \"r\" when then end\n"), "my-pack"))
        .extracting(p -> p.location().line() + ": " + p.message())
        .containsExactly("1: there is no package line: a pack that is not trusted declares package dev.failmode.packs.my_pack");
  }

  @Test
  void anEditorsByteOrderMarkIsNotPartOfTheDrl() {
    DrlSource marked = new DrlSource("fine/rules.drl", "\uFEFFpackage dev.failmode.packs.fine;\nrule \"r\" when then end\n");

    assertThat(marked.text()).startsWith("package ");
    assertThat(SafetyCheck.check(marked, "fine")).isEmpty();
  }
}

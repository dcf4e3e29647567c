package dev.failmode.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SuggestTest {
  private static final List<String> KEYS = List.of("name", "maturity", "usage", "role", "software", "failureModes", "tolerance");

  @Test
  void typosSwapsAndSpellingsOfCaseAndDashesAreSuggested() {
    assertThat(Suggest.closest("maturty", KEYS)).contains("maturity");
    assertThat(Suggest.closest("maturtiy", KEYS)).contains("maturity");
    assertThat(Suggest.closest("failure_modes", KEYS)).contains("failureModes");
    assertThat(Suggest.closest("FAILURE-MODES", KEYS)).contains("failureModes");
    assertThat(Suggest.closest("nmae", KEYS)).contains("name");
  }

  @Test
  void aPrefixEitherWayIsSuggestedEvenWhenFarInEdits() {
    assertThat(Suggest.closest("failure", KEYS)).contains("failureModes");
    assertThat(Suggest.closest("softwareVersion", KEYS)).contains("software");
  }

  @Test
  void namesTooFarFromAnyKnownOneGetNoSuggestion() {
    assertThat(Suggest.closest("severity", KEYS)).isEmpty();
    assertThat(Suggest.closest("unknownkey123456", KEYS)).isEmpty();
    assertThat(Suggest.didYouMean("severity", KEYS)).isEmpty();
    assertThat(Suggest.didYouMean("rol", KEYS)).isEqualTo("; did you mean 'role'?");
  }

  @Test
  void shortNamesAllowFewerEdits() {
    assertThat(Suggest.closest("rxlx", List.of("role"))).contains("role");
    assertThat(Suggest.closest("ab", List.of("cd"))).isEmpty();
  }

  @Property(tries = 3000)
  void theBoundedDistanceAgreesWithTheFullTable(@ForAll("words") String a, @ForAll("words") String b,
      @ForAll @IntRange(min = 0, max = 4) int limit) {
    int full = reference(a, b);
    assertThat(Suggest.distance(a, b, limit)).isEqualTo(full <= limit ? full : Integer.MAX_VALUE);
  }

  @Provide
  Arbitrary<String> words() {
    // a small alphabet makes near-misses, swaps and repeats common
    return Arbitraries.strings().withChars("abcd").ofMinLength(0).ofMaxLength(9);
  }

  /** Optimal string alignment distance over the whole table, as textbooks write it. */
  private static int reference(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A ballot keeps what the rules said in the order they said it, each thing once, however many. */
class BallotTest {
  private final RuleScope scope = new RuleScope();
  private final Ballot ballot = new Ballot(scope, new FailureMode("sys", "web", "down", "it is down", Effect.UNAVAILABLE,
      null, null, null, null, UserImpact.OUTAGE, null, null, null, null, List.of(), List.of(), null, new Location("f.yaml", 3, 7)));

  @Test
  void aReasonSaidTwiceIsKeptOnceInTheOrderFirstSaid() {
    scope.enter("core/b");
    ballot.vote(Decision.OK_TO_BREAK, "small");
    ballot.note("a note");
    ballot.vote(Decision.OK_TO_BREAK, "small");
    scope.enter("core/a");
    ballot.vote(Decision.OK_TO_BREAK, "small"); // another rule saying the same is another reason

    assertThat(ballot.reasons()).containsExactly(
        new Reason("core/b", Decision.OK_TO_BREAK, "small"),
        new Reason("core/b", null, "a note"),
        new Reason("core/a", Decision.OK_TO_BREAK, "small"));
    assertThat(ballot.decision()).isEqualTo(Decision.OK_TO_BREAK);
  }

  @Test
  void pastAHandfulEachIsStillKeptOnceAndInOrder() {
    scope.enter("core/many");
    List<String> said = IntStream.range(0, 200).mapToObj(i -> "reason " + (i % 50)).toList();
    said.forEach(reason -> ballot.vote(Decision.NOT_OK, reason));
    said.forEach(text -> ballot.suggest(RemediationType.WORKAROUND, text));

    List<String> once = IntStream.range(0, 50).mapToObj(i -> "reason " + i).toList();
    assertThat(ballot.reasons()).extracting(Reason::message).isEqualTo(once);
    assertThat(ballot.suggestions()).extracting(Suggestion::text).isEqualTo(once);
    assertThat(ballot.decision()).isEqualTo(Decision.NOT_OK);
  }

  @Test
  void findingsAreKeptOnceAndNothingSaidIsUnclassified() {
    scope.enter("core/f");
    ballot.finding("over-budget", "too much");
    ballot.finding("over-budget", "too much");

    assertThat(ballot.findings()).singleElement().satisfies(finding -> {
      assertThat(finding.id()).isEqualTo("sys/web/down");
      assertThat(finding.rule()).isEqualTo("core/f");
    });
    assertThat(ballot.reasons()).isEmpty();
    assertThat(ballot.suggestions()).isEmpty();
    assertThat(ballot.decision()).isEqualTo(Decision.UNCLASSIFIED);
  }

  @Test
  void scopesThatShareATableKeepEqualReasonsAndSuggestionsOnce() {
    RuleScope.Sharing sharing = RuleScope.sharing();
    RuleScope one = sharing.scope();
    RuleScope other = sharing.scope();
    Ballot first = new Ballot(one, ballot.mode());
    Ballot second = new Ballot(other, ballot.mode());
    one.enter("core/budget");
    other.enter("core/budget");

    first.vote(Decision.NOT_OK, new String("20 min of 52.56 min")); // equal texts made apart, as rules make them
    second.vote(Decision.NOT_OK, new String("20 min of 52.56 min"));
    first.suggest(RemediationType.WORKAROUND, new String("restart it"));
    second.suggest(RemediationType.WORKAROUND, new String("restart it"));
    second.vote(Decision.OK_TO_BREAK, "20 min of 52.56 min"); // another vote is another reason

    assertThat(second.reasons().get(0)).isSameAs(first.reasons().get(0));
    assertThat(second.suggestions().get(0)).isSameAs(first.suggestions().get(0));
    assertThat(second.reasons()).containsExactly(new Reason("core/budget", Decision.NOT_OK, "20 min of 52.56 min"),
        new Reason("core/budget", Decision.OK_TO_BREAK, "20 min of 52.56 min"));
    assertThat(one.once(List.of("a"))).isSameAs(other.once(List.of("a")));
  }

  @Test
  void aScopeOfItsOwnKeepsWhatWasSaidAsItWasSaid() {
    Ballot other = new Ballot(scope, ballot.mode());
    scope.enter("core/budget");
    ballot.vote(Decision.NOT_OK, new String("20 min"));
    other.vote(Decision.NOT_OK, new String("20 min"));

    assertThat(other.reasons().get(0)).isEqualTo(ballot.reasons().get(0)).isNotSameAs(ballot.reasons().get(0));
  }
}

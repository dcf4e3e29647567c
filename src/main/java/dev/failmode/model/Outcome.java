package dev.failmode.model;

/**
 * A failure mode once every voting rule has fired: its final verdict and status, for rules that
 * judge verdicts rather than failure modes (a claim the verdict contradicts, a suggestion for
 * NOT OK modes of new software). It cannot vote: the verdict is already decided.
 */
public final class Outcome {
  private final Verdict verdict;
  private final Ballot ballot;
  private final Decision decision;
  private final Status status;

  public Outcome(Verdict verdict, Ballot ballot, Decision decision, Status status) {
    this.verdict = verdict;
    this.ballot = ballot;
    this.decision = decision;
    this.status = status;
  }

  public String getId() {
    return verdict.getId();
  }

  /** The file this failure mode was read from, as shown to users. */
  public String getFile() {
    return verdict.getCatalogue().file();
  }

  /** The final verdict. */
  public Decision getVerdict() {
    return decision;
  }

  /** Where a NOT OK verdict stands; null for other verdicts. */
  public Status getStatus() {
    return status;
  }

  public FailureMode getMode() {
    return verdict.getMode();
  }

  public Component getComponent() {
    return verdict.getComponent();
  }

  public Catalogue getCatalogue() {
    return verdict.getCatalogue();
  }

  /** The budget arithmetic; null unless both an SLO and a duration are known. */
  public Budget getBudget() {
    return verdict.getBudget();
  }

  /** Whether the failure mode's users see it: {@code userImpact} degraded or outage. */
  public boolean isUserFacing() {
    return verdict.getMode().userImpact() != null && verdict.getMode().userImpact().isUserFacing();
  }

  public void note(String text) {
    ballot.note(text);
  }

  public void suggest(RemediationType type, String text) {
    ballot.suggest(type, text);
  }

  public void finding(String kind, String message) {
    ballot.finding(kind, message);
  }

  @Override
  public String toString() {
    return "Outcome[" + getId() + " " + decision + "]";
  }
}

package dev.failmode.model;

import java.time.Duration;

/**
 * The fact a rule votes on: one failure mode with everything needed to judge it (its component,
 * its file's SLO, its budget arithmetic, its effective tolerance) and the calls that decide it.
 *
 * <p>Rules match it, read it, and call {@link #notOk}, {@link #okToBreak}, {@link #note},
 * {@link #suggest} or {@link #finding}. The verdict is computed when every rule has fired:
 * NOT_OK if any rule said so. Rules therefore never see each other's votes, and the order they
 * fire in cannot change the outcome.
 */
public final class Verdict {
  private final Ballot ballot;
  private final Component component;
  private final Catalogue catalogue;
  private final Budget budget;

  public Verdict(Ballot ballot, Component component, Catalogue catalogue, Budget budget) {
    this.ballot = ballot;
    this.component = component;
    this.catalogue = catalogue;
    this.budget = budget;
  }

  /** The failure mode's full id, {@code system/component/id}. */
  public String getId() {
    return ballot.mode().fullId();
  }

  public FailureMode getMode() {
    return ballot.mode();
  }

  public Component getComponent() {
    return component;
  }

  public Catalogue getCatalogue() {
    return catalogue;
  }

  /** The file's SLO; null when it declares none. */
  public Slo getSlo() {
    return catalogue.slo();
  }

  /** The budget arithmetic; null unless both an SLO and a duration are known. */
  public Budget getBudget() {
    return budget;
  }

  /** The failure mode's tolerance, else its component's; null when neither declares one. */
  public Duration getTolerance() {
    return ballot.mode().tolerance() != null ? ballot.mode().tolerance() : component.tolerance();
  }

  /** Whether the failure mode's users see it: {@code userImpact} degraded or outage. */
  public boolean isUserFacing() {
    return ballot.mode().userImpact() != null && ballot.mode().userImpact().isUserFacing();
  }

  /** Where the tolerance came from: {@code failure mode}, {@code component}, or null. */
  public String getToleranceSource() {
    if (ballot.mode().tolerance() != null) {
      return "failure mode";
    }
    return component.tolerance() != null ? "component" : null;
  }

  /** Votes NOT OK, with a sentence that says why and names the numbers it used. */
  public void notOk(String because) {
    ballot.vote(Decision.NOT_OK, because);
  }

  /** Votes OK TO BREAK, with a sentence that says why. Any NOT OK vote still wins. */
  public void okToBreak(String because) {
    ballot.vote(Decision.OK_TO_BREAK, because);
  }

  /** Adds a reason that informs without deciding, such as what to declare so a rule can decide. */
  public void note(String text) {
    ballot.note(text);
  }

  /** Attaches a suggested remediation, whatever the verdict. */
  public void suggest(RemediationType type, String text) {
    ballot.suggest(type, text);
  }

  /** Reports a finding about this failure mode, such as an expired waiver. */
  public void finding(String kind, String message) {
    ballot.finding(kind, message);
  }

  @Override
  public String toString() {
    return "Verdict[" + getId() + "]";
  }
}

package dev.failmode.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One file once every failure mode in it has a verdict, for rules that judge a file as a whole
 * (many small OKs adding up past the budget). Findings given here are about the file.
 */
public final class FileReview {
  private final RuleScope scope;
  private final Catalogue catalogue;
  private final List<Finding> findings = new ArrayList<>();

  public FileReview(RuleScope scope, Catalogue catalogue) {
    this.scope = scope;
    this.catalogue = catalogue;
  }

  public Catalogue getCatalogue() {
    return catalogue;
  }

  public String getFile() {
    return catalogue.file();
  }

  /** The file's SLO; null when it declares none. */
  public Slo getSlo() {
    return catalogue.slo();
  }

  public void finding(String kind, String message) {
    Finding finding = new Finding(Ballot.requireText(kind, "a finding's kind"), catalogue.name(), catalogue.location(),
        Ballot.requireText(message, "a finding"), scope.current());
    if (!findings.contains(finding)) {
      findings.add(finding);
    }
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  @Override
  public String toString() {
    return "FileReview[" + catalogue.file() + "]";
  }
}

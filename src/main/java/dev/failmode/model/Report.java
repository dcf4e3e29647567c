package dev.failmode.model;

import java.util.List;

/**
 * Everything a run found, in a stable order: results sorted by id, findings by location then
 * kind. Every report format is written from this.
 *
 * @param toolVersion the version of failmode that made it
 * @param rules every rule of those packs, by id, and failmode's own notes
 * @param disabled the rules the project switched off, with who and why
 * @param catalogues the files read, sorted by path
 */
public record Report(String toolVersion, List<PackRef> packs, List<RuleDoc> rules, List<DisabledRule> disabled,
    List<Catalogue> catalogues, List<Result> results, List<Finding> findings) {

  public Report {
    packs = List.copyOf(packs);
    rules = List.copyOf(rules);
    disabled = List.copyOf(disabled);
    catalogues = List.copyOf(catalogues);
    results = List.copyOf(results);
    findings = List.copyOf(findings);
  }

  public Summary summary() {
    return Summary.of(results, findings);
  }

  /** The rule with this full id, if the report's packs have it. */
  public java.util.Optional<RuleDoc> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}

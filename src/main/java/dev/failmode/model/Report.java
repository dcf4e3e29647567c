package dev.failmode.model;

import java.util.List;

/**
 * Everything a run found, in a stable order: results sorted by id, findings by location then
 * kind. Every report format is written from this.
 *
 * @param toolVersion the version of failmode that made it
 * @param catalogues the files read, sorted by path
 */
public record Report(String toolVersion, List<PackRef> packs, List<Catalogue> catalogues, List<Result> results, List<Finding> findings) {

  public Report {
    packs = List.copyOf(packs);
    catalogues = List.copyOf(catalogues);
    results = List.copyOf(results);
    findings = List.copyOf(findings);
  }

  public Summary summary() {
    return Summary.of(results, findings);
  }
}

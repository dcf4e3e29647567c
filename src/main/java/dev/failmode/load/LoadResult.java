package dev.failmode.load;

import dev.failmode.model.Catalogue;
import dev.failmode.model.Problem;
import java.util.List;

/**
 * What reading a set of files and folders gave: the catalogues read, every problem found (sorted
 * by location), and the YAML files in folders that were skipped because they are not
 * failure-mode files.
 *
 * @param problemCount how many problems there are in all: past a limit per file, problems are
 *     counted in one closing problem rather than listed
 */
public record LoadResult(List<Catalogue> catalogues, List<Problem> problems, List<String> skipped, int problemCount) {

  public LoadResult(List<Catalogue> catalogues, List<Problem> problems, List<String> skipped) {
    this(catalogues, problems, skipped, problems.size());
  }

  public LoadResult {
    catalogues = List.copyOf(catalogues);
    problems = problems.stream().sorted().toList();
    skipped = List.copyOf(skipped);
  }

  /** Whether every file could be read: no problems at all. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** How many files have at least one problem. */
  public long filesWithProblems() {
    return problems.stream().map(p -> p.location().file()).distinct().count();
  }
}

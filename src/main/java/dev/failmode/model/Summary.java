package dev.failmode.model;

import java.util.List;

/** How many failure modes got each verdict, and how many findings a run made. */
public record Summary(int failureModes, int okToBreak, int notOk, int unclassified, int findings) {

  public static Summary of(List<Result> results, List<Finding> findings) {
    int ok = 0;
    int notOk = 0;
    int unclassified = 0;
    for (Result result : results) {
      switch (result.verdict()) {
        case OK_TO_BREAK -> ok++;
        case NOT_OK -> notOk++;
        case UNCLASSIFIED -> unclassified++;
      }
    }
    return new Summary(results.size(), ok, notOk, unclassified, findings.size());
  }
}

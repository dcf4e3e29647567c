package dev.failmode.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changed between two runs: failure modes added and removed, verdicts and statuses that
 * changed, findings that appeared or went away. Sorted by id, so a diff reads the same every time.
 */
public record Diff(List<Change> changes) {

  /** What kind of change. */
  public enum Kind {
    ADDED, REMOVED, VERDICT, STATUS, FINDING_ADDED, FINDING_REMOVED
  }

  /**
   * One change.
   *
   * @param before the old verdict or status (null when there was none)
   * @param after the new one (null when there is none)
   */
  public record Change(Kind kind, String id, String file, int line, String before, String after, String detail) {}

  public static Diff between(Snapshot before, Snapshot after) {
    List<Change> changes = new ArrayList<>();
    Set<String> ids = new TreeSet<>(before.results().keySet());
    ids.addAll(after.results().keySet());
    for (String id : ids) {
      Snapshot.Entry old = before.results().get(id);
      Snapshot.Entry now = after.results().get(id);
      if (old == null) {
        changes.add(new Change(Kind.ADDED, id, now.file(), now.line(), null, describe(now), ""));
      } else if (now == null) {
        changes.add(new Change(Kind.REMOVED, id, old.file(), old.line(), describe(old), null, ""));
      } else if (!old.verdict().equals(now.verdict())) {
        changes.add(new Change(Kind.VERDICT, id, now.file(), now.line(), describe(old), describe(now), ""));
      } else if (!Objects.equals(old.status(), now.status())) {
        changes.add(new Change(Kind.STATUS, id, now.file(), now.line(), old.status(), now.status(), ""));
      }
    }
    Set<String> oldFindings = before.findings().stream().map(Snapshot.FindingEntry::key).collect(Collectors.toSet());
    Set<String> newFindings = after.findings().stream().map(Snapshot.FindingEntry::key).collect(Collectors.toSet());
    after.findings().stream().filter(f -> !oldFindings.contains(f.key())).forEach(f ->
        changes.add(new Change(Kind.FINDING_ADDED, f.id(), f.file(), f.line(), null, f.kind(), f.message())));
    before.findings().stream().filter(f -> !newFindings.contains(f.key())).forEach(f ->
        changes.add(new Change(Kind.FINDING_REMOVED, f.id(), f.file(), f.line(), f.kind(), null, f.message())));
    changes.sort(java.util.Comparator.comparing(Change::id).thenComparing(Change::kind)
        .thenComparing(c -> Objects.requireNonNullElse(c.after(), "")));
    return new Diff(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** {@code NOT_OK (open)}: a verdict with its status, the way diffs show them. */
  private static String describe(Snapshot.Entry entry) {
    return entry.verdict() + (entry.status() == null ? "" : " (" + entry.status() + ")");
  }
}

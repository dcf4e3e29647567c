package dev.failmode.engine;

import dev.failmode.load.ProjectShapes;
import dev.failmode.load.Values;
import dev.failmode.load.YamlDocuments;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code failmode.lock}: each pack that comes from an archive or a Maven repository, pinned to
 * its version and the SHA-256 of its content. With a lock file present, a pack that differs, or
 * that the lock does not list, refuses to run: a shared pack is code that runs in your CI, so it
 * changes only when the lock is rewritten ({@code failmode packs lock}) and reviewed.
 */
public final class Lockfile {
  public static final String FILE_NAME = "failmode.lock";

  /** One pinned pack. */
  public record Entry(String source, String id, String version, String sha256, Location location) {}

  private final Map<String, Entry> entries;
  private final String shown;
  private final Path base;

  private Lockfile(Map<String, Entry> entries, String shown, Path base) {
    this.entries = entries;
    this.shown = shown;
    this.base = base;
  }

  /** The lock file in {@code directory}, if there is one. */
  public static Optional<Lockfile> find(Path directory, String shown) throws PackException {
    Path file = directory.resolve(FILE_NAME);
    return Files.isRegularFile(file) ? Optional.of(read(file, shown)) : Optional.empty();
  }

  public static Lockfile read(Path file, String shown) throws PackException {
    YamlDocuments.Document document = YamlDocuments.read(file, shown, ProjectShapes.LOCK);
    if (!document.ok()) {
      throw new PackException(document.problems().isEmpty() ? List.of(new Problem(Location.of(shown), "", "not a failmode lock file"))
          : document.problems());
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    Path base = file.toAbsolutePath().normalize().getParent();
    for (Values v : document.values().list("packs")) {
      Entry entry = new Entry(v.text("source"), v.text("id"), v.text("version"), v.text("sha256"), v.location());
      Entry before = entries.putIfAbsent(key(entry.source(), base), entry);
      if (before != null) {
        problems.add(new Problem(entry.location(), "", "pack " + entry.source() + " is pinned twice, here and at line "
            + before.location().line() + "; run 'failmode packs lock' to write the lock again"));
      }
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
    return new Lockfile(entries, shown, base);
  }

  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Every pinned pack must be in the lock with the same content; each one that is not is a problem. */
  public List<Problem> verify(List<RulePack> packs) {
    List<Problem> problems = new ArrayList<>();
    for (RulePack pack : packs) {
      if (!pack.kind().pinned()) {
        continue;
      }
      Entry entry = entries.get(key(pack.spec(), base));
      if (entry == null) {
        problems.add(new Problem(Location.of(shown), "", "pack " + pack.spec() + " is not in " + shown
            + "; review it, then run 'failmode packs lock' to pin it"));
      } else if (!entry.sha256().equalsIgnoreCase(pack.sha256())) {
        problems.add(new Problem(entry.location(), "", "pack " + pack.spec() + " does not match " + shown + ": its SHA-256 is "
            + pack.sha256() + ", the lock says " + entry.sha256() + " (version " + entry.version() + "); if the change is"
            + " intended, review it and run 'failmode packs lock'"));
      } else if (!entry.version().equals(pack.manifest().version()) || !entry.id().equals(pack.id())) {
        problems.add(new Problem(entry.location(), "", "pack " + pack.spec() + " is " + pack.id() + " " + pack.manifest().version()
            + ", the lock says " + entry.id() + " " + entry.version()));
      }
    }
    return problems;
  }

  /**
   * A source as the lock matches it. An archive's path relative to the lock's folder, which the
   * packs it pins are relative to too: {@code ./team.zip}, {@code team.zip}, {@code rules/../team.zip}
   * and {@code /home/ci/project/team.zip} are one pack. A Maven coordinate with the default
   * packaging ({@code g:a:jar:1.0.0}) is {@code g:a:1.0.0}.
   */
  static String key(String source, Path base) {
    if (MavenPacks.isCoordinate(source)) {
      String[] parts = source.split(":");
      return parts.length == 4 && parts[2].equals("jar") ? parts[0] + ":" + parts[1] + ":" + parts[3] : source;
    }
    try {
      String relative = base.relativize(base.resolve(source).normalize()).toString();
      return relative.isEmpty() ? source : relative.replace('\\', '/');
    } catch (IllegalArgumentException e) { // not a path here, or on another root
      return source;
    }
  }

  /** A source as a written lock names it: its key, but an absolute path outside the lock's folder as it is. */
  private static String written(String source, Path base) {
    try {
      Path path = Path.of(source);
      if (!MavenPacks.isCoordinate(source) && path.isAbsolute() && !path.normalize().startsWith(base)) {
        return path.normalize().toString();
      }
    } catch (java.nio.file.InvalidPathException e) {
      return source;
    }
    return key(source, base);
  }

  /**
   * Writes a lock file for the pinned packs among {@code packs}, sorted by source; an archive's
   * source relative to {@code base}, the lock's folder, so the lock holds in any checkout.
   */
  public static void write(List<RulePack> packs, Path base, Writer out) throws IOException {
    out.write("# failmode.lock: the rule packs this project runs from archives and Maven repositories, pinned to their\n");
    out.write("# content. Written by 'failmode packs lock'; commit it, and review every change to it.\n");
    out.write("apiVersion: failmode/v1\nkind: Lock\npacks:");
    Path folder = base.toAbsolutePath().normalize();
    List<RulePack> pinned = packs.stream().filter(p -> p.kind().pinned())
        .sorted(java.util.Comparator.comparing(p -> written(p.spec(), folder))).toList();
    if (pinned.isEmpty()) {
      out.write(" []\n");
      return;
    }
    out.write('\n');
    for (RulePack pack : pinned) {
      out.write("  - source: " + quote(written(pack.spec(), folder)) + "\n");
      out.write("    id: " + pack.id() + "\n");
      out.write("    version: " + quote(pack.manifest().version()) + "\n");
      out.write("    sha256: " + pack.sha256() + "\n");
    }
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

package dev.failmode.engine;

import dev.failmode.model.PackRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A rule pack ready to compile: its manifest, its DRL, and where it came from.
 *
 * @param origin where it came from, as messages show it: {@code rules/core}, an archive, a coordinate
 * @param root the pack's folder (on disk, or inside an archive), holding {@code tests/} if it has any; null for a built-in
 *     pack read from failmode's jar, whose folder {@link PackLoader#folderOf} opens when it is needed
 * @param spec how it was asked for: a built-in id, a path, a coordinate; what {@code failmode.lock} records
 * @param sha256 the digest of the archive it was read from; null for folders and built-in packs
 */
public record RulePack(PackManifest manifest, String origin, Path root, List<DrlSource> sources, Kind kind, String spec,
    String sha256) {

  /** Where a pack comes from. */
  public enum Kind {
    /** Ships inside failmode; trusted. */
    BUILT_IN,
    /** A folder on disk. */
    FOLDER,
    /** A .zip or .jar file. */
    ARCHIVE,
    /** A Maven artifact, resolved by coordinate. */
    MAVEN;

    /** Whether the pack comes from somewhere that can change under the same name, so that failmode.lock pins it. */
    public boolean pinned() {
      return this == ARCHIVE || this == MAVEN;
    }
  }

  public RulePack {
    sources = List.copyOf(sources);
  }

  public String id() {
    return manifest.id();
  }

  public boolean builtIn() {
    return kind == Kind.BUILT_IN;
  }

  public PackRef ref() {
    return new PackRef(manifest.id(), manifest.version());
  }

  /**
   * A checksum of the pack's DRL, file by file with names relative to the pack: what a pack
   * precompiled at build time was compiled from, so that a stale model is never run. It guards
   * against a build that did not finish, not against tampering (the model and the DRL ship in the
   * same jar), so a CRC-32C, which costs nothing at start-up, does; a cryptographic digest would
   * cost a cold start the set-up of the JDK's security providers.
   */
  public String sourceChecksum() {
    return checksum(origin, sources);
  }

  /** The path of one of the pack's DRL files within the pack, e.g. {@code budget.drl}. */
  public String pathInPack(DrlSource source) {
    return pathIn(origin, source);
  }

  private static String pathIn(String origin, DrlSource source) {
    String prefix = origin.endsWith("/") ? origin : origin + "/";
    return source.name().startsWith(prefix) ? source.name().substring(prefix.length()) : source.name();
  }

  /** {@link #sourceChecksum} of DRL files named under {@code origin}. */
  static String checksum(String origin, List<DrlSource> sources) {
    CRC32C checksum = new CRC32C();
    for (DrlSource source : sources.stream().sorted(Comparator.comparing(DrlSource::name)).toList()) {
      checksum.update(pathIn(origin, source).getBytes(StandardCharsets.UTF_8));
      checksum.update(0);
      checksum.update(source.text().getBytes(StandardCharsets.UTF_8));
      checksum.update(0);
    }
    String hex = Long.toHexString(checksum.getValue());
    return "0".repeat(8 - hex.length()) + hex;
  }

}

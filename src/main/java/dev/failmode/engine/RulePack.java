package dev.failmode.engine;

import dev.failmode.model.PackRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A rule pack ready to compile: its manifest, its DRL, and where it came from.
 *
 * @param origin where it came from, as messages show it: {@code rules/core}, an archive, a coordinate
 * @param root the pack's folder (on disk, or inside an archive), holding {@code tests/} if it has any
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
   * A SHA-256 of the pack's DRL, file by file with names relative to the pack: what a pack
   * precompiled at build time was compiled from, so a stale one is never used.
   */
  public String sourceDigest() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String prefix = origin.endsWith("/") ? origin : origin + "/";
      for (DrlSource source : sources.stream().sorted(Comparator.comparing(DrlSource::name)).toList()) {
        String name = source.name().startsWith(prefix) ? source.name().substring(prefix.length()) : source.name();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(source.text().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

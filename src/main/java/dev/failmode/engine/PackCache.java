package dev.failmode.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.TypeDeclaration;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Packs compiled from DRL, kept between runs: a pack that is not built in (a folder, an archive,
 * a Maven artifact) is compiled once, and later runs read what Drools compiled instead of
 * compiling its DRL again (about a second of every run that uses such a pack).
 *
 * <p>An entry is named by the SHA-256 of everything the compiled packages depend on: the DRL
 * files' paths and text, the pack's id, failmode's build and Drools' version, and the Java
 * version. An edited pack therefore misses and is compiled again; nothing is ever invalidated by
 * hand, and the DRL stays the single source of truth. The safety check still reads the DRL at
 * every run before the cache is asked.
 *
 * <p>What is kept is Java serialization of Drools' packages (with the classes Drools compiled for
 * their consequences), which runs code when read. So the cache is a folder of the user's own:
 * made readable by its owner only, and not used at all when others may write to it or to an
 * entry. Reading accepts only the classes Drools, failmode and the JDK make of a pack. The cache
 * never fails a run: an entry that cannot be read, written or used is reported at debug level and
 * the pack is compiled from its DRL. The least recently used entries beyond {@value #KEEP} are
 * deleted.
 */
public final class PackCache {
  private static final Logger log = LoggerFactory.getLogger(PackCache.class);
  /** Written first in every entry: changes whenever what follows it changes. */
  static final String FORMAT = "failmode-pack-cache/1";
  static final String SUFFIX = ".pack";
  static final int KEEP = 64;
  /** The environment variable that moves the cache, or turns it off with {@code off}. */
  public static final String ENVIRONMENT = "FAILMODE_CACHE_DIR";
  /** No cache: every pack is compiled from its DRL. */
  public static final PackCache OFF = new PackCache(null);

  /** Classes a compiled pack is made of; anything else in an entry stops reading it. */
  private static final List<String> ALLOWED = List.of("java.", "org.drools.", "org.kie.", "org.mvel2.", "dev.failmode.");
  private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private final Path dir;

  private PackCache(Path dir) {
    this.dir = dir;
  }

  /** A cache in {@code dir}, made when first written to. */
  public static PackCache at(Path dir) {
    return new PackCache(dir.toAbsolutePath().normalize());
  }

  /**
   * The cache a run uses: {@code $FAILMODE_CACHE_DIR} ({@code off} for none), else
   * {@code $XDG_CACHE_HOME/failmode}, else {@code ~/.cache/failmode}.
   */
  public static PackCache standard() {
    return standard(System.getenv(), System.getProperty("user.home"));
  }

  static PackCache standard(Map<String, String> environment, String home) {
    String given = environment.get(ENVIRONMENT);
    if (given != null && !given.isBlank()) {
      return given.strip().equalsIgnoreCase("off") ? OFF : at(Path.of(given.strip()));
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return at(Path.of(xdg, "failmode"));
    }
    return home == null || home.isBlank() ? OFF : at(Path.of(home, ".cache", "failmode"));
  }

  /** Where entries are kept; empty when the cache is off. */
  public Optional<Path> dir() {
    return Optional.ofNullable(dir);
  }

  /** The file that holds {@code pack} compiled, whether it exists or not. */
  Path entry(RulePack pack) {
    return dir.resolve("packs").resolve(key(pack) + SUFFIX);
  }

  /** The pack as compiled by an earlier run, if the cache has it and it can be read. */
  Optional<Collection<KiePackage>> load(RulePack pack) {
    if (dir == null) {
      return Optional.empty();
    }
    Path entry = entry(pack);
    try (InputStream file = new BufferedInputStream(Files.newInputStream(entry))) {
      if (!ours(entry.getParent()) || !ours(entry)) {
        log.warn("not using the pack cache {}: others may write to it; packs are compiled from their DRL", dir);
        return Optional.empty();
      }
      DroolsObjectInputStream in = new DroolsObjectInputStream(file, PackCache.class.getClassLoader());
      in.setObjectInputFilter(PackCache::allowed);
      if (!FORMAT.equals(in.readUTF()) || !key(pack).equals(in.readUTF())) {
        log.debug("pack cache entry {} is not of this build; compiling pack {}", entry, pack.id());
        return Optional.empty();
      }
      List<KiePackage> packages = new ArrayList<>();
      for (Object read : (Collection<?>) in.readObject()) {
        packages.add((KiePackage) read);
      }
      touch(entry);
      return Optional.of(packages);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      log.debug("pack cache entry {} cannot be read ({}); compiling pack {}", entry, e.toString(), pack.id());
      return Optional.empty();
    }
  }

  /** Keeps {@code packages}, the pack just compiled, for later runs; never fails. */
  void store(RulePack pack, Collection<KiePackage> packages) {
    if (dir == null) {
      return;
    }
    if (declaresTypes(packages)) {
      // a declared type's class is made by the rule base the package joins, and is needed to read the package back
      log.debug("pack {} declares types, so it is not kept in the pack cache", pack.id());
      return;
    }
    Path entry = entry(pack);
    Path temporary = null;
    try {
      Path folder = entry.getParent();
      makeOwn(dir);
      makeOwn(folder);
      if (!ours(dir) || !ours(folder)) {
        log.warn("not writing to the pack cache {}: others may write to it", dir);
        return;
      }
      temporary = Files.createTempFile(folder, "entry", ".tmp"); // readable by its owner only
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary));
          DroolsObjectOutputStream out = new DroolsObjectOutputStream(file)) {
        out.writeUTF(FORMAT);
        out.writeUTF(key(pack));
        out.writeObject(new ArrayList<>(packages));
      }
      try {
        Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      prune(folder);
    } catch (IOException | RuntimeException e) {
      log.debug("pack {} not kept in the cache {}: {}", pack.id(), dir, e.toString());
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          log.debug("cannot delete {}: {}", temporary, e.toString());
        }
      }
    }
  }

  /** Whether a package declares a type of its own (a class Drools makes), rather than only using failmode's. */
  private static boolean declaresTypes(Collection<KiePackage> packages) {
    for (KiePackage kiePackage : packages) {
      if (kiePackage instanceof InternalKnowledgePackage internal) {
        for (TypeDeclaration type : internal.getTypeDeclarations().values()) {
          if (type.isGeneratedFact() || type.isNovel()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The name of {@code pack}'s entry: SHA-256 of the entry format, failmode's build, Drools' and
   * Java's versions, the pack's id and each DRL file's path in the pack and text.
   */
  static String key(RulePack pack) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    for (String part : List.of(FORMAT, ToolVersion.failmode(), ToolVersion.build(), ToolVersion.drools(),
        System.getProperty("java.specification.version", ""), pack.id())) {
      update(digest, part);
    }
    for (DrlSource source : pack.sources().stream().sorted(Comparator.comparing(pack::pathInPack)).toList()) {
      update(digest, pack.pathInPack(source));
      update(digest, source.text());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Each part with its length first, so that no two lists of parts digest alike. */
  private static void update(MessageDigest digest, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
    Class<?> type = info.serialClass();
    while (type != null && type.isArray()) {
      type = type.getComponentType();
    }
    if (type == null || type.isPrimitive()) {
      return ObjectInputFilter.Status.UNDECIDED;
    }
    for (String prefix : ALLOWED) {
      if (type.getName().startsWith(prefix)) {
        return ObjectInputFilter.Status.ALLOWED;
      }
    }
    return ObjectInputFilter.Status.REJECTED;
  }

  /** Whether only its owner may write to {@code path}; true where the file system has no POSIX permissions. */
  private static boolean ours(Path path) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      return permissions.stream().noneMatch(OTHERS_WRITE::contains);
    } catch (UnsupportedOperationException e) {
      return true;
    }
  }

  /** Makes {@code folder} if it is missing, readable and writable by its owner only. */
  private static void makeOwn(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    try {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(folder);
    }
  }

  private static void touch(Path entry) {
    try {
      Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      log.debug("cannot touch {}: {}", entry, e.toString());
    }
  }

  /** Deletes the least recently used entries beyond {@value #KEEP}. */
  private static void prune(Path folder) throws IOException {
    record Entry(Path path, FileTime used) {}
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      for (Path file : files) {
        try {
          entries.add(new Entry(file, Files.getLastModifiedTime(file)));
        } catch (NoSuchFileException e) {
          // deleted by another run meanwhile
        }
      }
    }
    if (entries.size() <= KEEP) {
      return;
    }
    entries.sort(Comparator.comparing(Entry::used).reversed().thenComparing(Entry::path));
    for (Entry stale : entries.subList(KEEP, entries.size())) {
      Files.deleteIfExists(stale.path());
    }
  }
}

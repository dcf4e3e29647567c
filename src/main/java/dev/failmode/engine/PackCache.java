package dev.failmode.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.LinkOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
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
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * files' names (as the run shows them, which rules keep) and text, the pack's id and origin,
 * failmode's build, Drools' and Java's versions, the {@code drools.*} system properties and the
 * default locale. An edited pack therefore misses and is compiled again; nothing is ever
 * invalidated by hand, and the DRL stays the single source of truth. The safety check still reads
 * the DRL at every run before the cache is asked.
 *
 * <p>What is kept is Java serialization of Drools' packages, with the classes Drools compiled for
 * their consequences: code that runs once read, and that nothing checks against the DRL. So the
 * cache must be the user's own: its folders are made readable by their owner only, and an entry is
 * read only when the cache folder and its {@code packs} folder are real folders (not links) owned
 * by the user running failmode and writable by no one else, and the entry a regular file of the
 * same owner that no one else may write. (Reading also refuses objects of other classes than
 * Drools', failmode's and the JDK's, but the classes compiled from consequences are bytes inside
 * Drools' packages, which that filter does not see.) The cache never fails a run: an entry that
 * cannot be read, written or used is reported at debug level and the pack compiled from its DRL.
 * The least recently used entries beyond {@value #KEEP} are deleted.
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
  public static final PackCache OFF = new PackCache(null, true);

  /** Classes a compiled pack is made of; anything else in an entry stops reading it. */
  private static final List<String> ALLOWED = List.of("java.", "org.drools.", "org.kie.", "org.mvel2.", "dev.failmode.");
  private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  /** Once a run: a cache others may write to is said once, not for every pack. */
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  /** Temporary files a killed run left are deleted after this long. */
  private static final long STALE_TEMPORARY_MILLIS = 3_600_000L;

  private final Path dir;
  private final boolean reads;

  private PackCache(Path dir, boolean reads) {
    this.dir = dir;
    this.reads = reads;
  }

  /** A cache in {@code dir}, made when first written to. */
  public static PackCache at(Path dir) {
    return new PackCache(dir.toAbsolutePath().normalize(), true);
  }

  /** This cache, written to but not read: for compiling again what was read from it and could not be used. */
  PackCache writeOnly() {
    return new PackCache(dir, false);
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

  /** The file that holds {@code pack} compiled, whether it exists or not (the cache must be on, and this build cacheable). */
  Path entry(RulePack pack) {
    return entry(key(pack).orElseThrow());
  }

  /** The file of the entry named {@code key}: the key digests every DRL file, so it is worked out once per load or store. */
  private Path entry(String key) {
    return dir.resolve("packs").resolve(key + SUFFIX);
  }

  /** The pack as compiled by an earlier run, if the cache has it and it can be read. */
  Optional<Collection<KiePackage>> load(RulePack pack) {
    if (dir == null || !reads) {
      return Optional.empty();
    }
    Optional<String> key = key(pack);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Path entry = entry(key.get());
    try {
      if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      // the folders first: once they are the user's own and no one else's to write, no one else can swap the entry
      if (!ours(dir, true) || !ours(entry.getParent(), true) || !ours(entry, false)) {
        warnOnce("not reading the pack cache " + dir + ": it is not the user's own (a folder or an entry another user owns or"
            + " may write to, or a link); packs are compiled from their DRL");
        return Optional.empty();
      }
    } catch (IOException e) {
      log.debug("pack cache entry {} cannot be checked ({}); compiling pack {}", entry, e.toString(), pack.id());
      return Optional.empty();
    }
    try (InputStream file = new BufferedInputStream(Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.READ))) {
      long size = Files.size(entry);
      DroolsObjectInputStream in = new DroolsObjectInputStream(file, PackCache.class.getClassLoader());
      in.setObjectInputFilter(info -> allowed(info, size));
      if (!FORMAT.equals(in.readUTF()) || !key.get().equals(in.readUTF())) {
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
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError | StackOverflowError e) {
      log.debug("pack cache entry {} cannot be read ({}); compiling pack {}", entry, e.toString(), pack.id());
      return Optional.empty();
    }
  }

  /** Keeps {@code packages}, the pack just compiled, for later runs; never fails. */
  void store(RulePack pack, Collection<KiePackage> packages) {
    if (dir == null) {
      return;
    }
    Optional<String> key = key(pack);
    if (key.isEmpty()) {
      return;
    }
    if (declaresTypes(packages)) {
      // a declared type's class is made by the rule base the package joins, and is needed to read the package back
      log.debug("pack {} declares types, so it is not kept in the pack cache", pack.id());
      return;
    }
    Path entry = entry(key.get());
    Path temporary = null;
    try {
      Path folder = entry.getParent();
      makeOwn(dir);
      makeOwn(folder);
      if (!ours(dir, true) || !ours(folder, true)) {
        warnOnce("not writing to the pack cache " + dir + ": it is not the user's own (a folder another user owns or may write to,"
            + " or a link)");
        return;
      }
      temporary = Files.createTempFile(folder, "entry", ".tmp"); // readable by its owner only
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary));
          DroolsObjectOutputStream out = new DroolsObjectOutputStream(file)) {
        out.writeUTF(FORMAT);
        out.writeUTF(key.get());
        out.writeObject(new ArrayList<>(packages));
      }
      try {
        Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
      prune(folder);
    } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
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
   * Java's versions, the {@code drools.*} system properties (the dialect, its language level, the
   * date format of date literals), the default locale, the pack's id and origin, and each DRL
   * file's name and text. Empty when this build of failmode does not say which it is (classes not
   * built by Maven): packs compiled against one build's classes must not be read by another's.
   */
  static Optional<String> key(RulePack pack) {
    String build = ToolVersion.build();
    if (build.isEmpty()) {
      return Optional.empty();
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    for (String part : List.of(FORMAT, ToolVersion.failmode(), build, ToolVersion.drools(),
        System.getProperty("java.specification.version", ""), Locale.getDefault().toLanguageTag(), pack.id(), pack.origin())) {
      update(digest, part);
    }
    Map<String, String> drools = new TreeMap<>();
    System.getProperties().forEach((name, value) -> {
      if (String.valueOf(name).startsWith("drools.")) {
        drools.put(String.valueOf(name), String.valueOf(value));
      }
    });
    drools.forEach((name, value) -> {
      update(digest, name);
      update(digest, value);
    });
    // the names as the run shows them: rules keep their file's name, which messages and docs show
    for (DrlSource source : pack.sources().stream().sorted(Comparator.comparing(DrlSource::name)).toList()) {
      update(digest, source.name());
      update(digest, source.text());
    }
    return Optional.of(HexFormat.of().formatHex(digest.digest()));
  }

  /** Each part with its length first, so that no two lists of parts digest alike. */
  private static void update(MessageDigest digest, String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info, long entrySize) {
    if (info.arrayLength() > entrySize) {
      return ObjectInputFilter.Status.REJECTED; // a damaged length, which would ask for more memory than the entry holds
    }
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

  /**
   * Whether {@code path} is a folder ({@code folder}) or a regular file, not a link, owned by the
   * user running failmode and writable by no one else. Where the file system has no POSIX
   * attributes (Windows), whether it is a folder or file that is not a link.
   */
  private static boolean ours(Path path, boolean folder) throws IOException {
    BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (basic.isSymbolicLink() || (folder ? !basic.isDirectory() : !basic.isRegularFile())) {
      return false;
    }
    PosixFileAttributes posix;
    try {
      posix = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return true;
    }
    if (posix.permissions().stream().anyMatch(OTHERS_WRITE::contains)) {
      return false;
    }
    Object owner = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Long user = UserId.VALUE;
    return user != null && owner instanceof Integer uid && uid.longValue() == user;
  }

  /** The id of the user running failmode, or null when the JDK cannot say (then no entry is read). */
  private static final class UserId {
    static final Long VALUE = lookUp();

    private static Long lookUp() {
      try {
        return new com.sun.security.auth.module.UnixSystem().getUid();
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
    }
  }

  private static void warnOnce(String message) {
    if (WARNED.compareAndSet(false, true)) {
      log.warn(message);
    } else {
      log.debug(message);
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
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "entry*.tmp")) {
      for (Path file : files) {
        try {
          if (System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() > STALE_TEMPORARY_MILLIS) {
            Files.deleteIfExists(file); // left by a run that was killed while writing
          }
        } catch (NoSuchFileException e) {
          // moved into place or deleted by another run meanwhile
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

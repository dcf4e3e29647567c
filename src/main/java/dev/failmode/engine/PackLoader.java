package dev.failmode.engine;

import static dev.failmode.load.Shape.Field.optional;
import static dev.failmode.load.Shape.Field.required;

import dev.failmode.load.NotationException;
import dev.failmode.load.Shape;
import dev.failmode.load.Shape.Type;
import dev.failmode.load.Values;
import dev.failmode.load.YamlDocuments;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import dev.failmode.engine.RulePack.Kind;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds rule packs and reads them. A pack is a folder holding {@code pack.yaml} and
 * {@code *.drl} files (a {@code tests/} folder beside them holds its fixtures, not rules); it can
 * be given as that folder, as a {@code .zip} or {@code .jar} archive of it, as a Maven coordinate
 * {@code group:artifact:version}, or, for the packs built into failmode, by id.
 */
public final class PackLoader {
  /** The packs that ship inside failmode. */
  public static final List<String> BUILT_IN = List.of("core", "envoy");
  public static final String DEFAULT_PACK = "core";
  static final String BUILT_IN_ROOT = "failmode/packs/";
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  static final Shape PARAMETER = new Shape("parameter", "A threshold a run can override with --set.", List.of(
      required("name", Type.KEBAB_ID, "The parameter's name, kebab-case."),
      required("type", Type.ENUM, "How values are read.").of(Arrays.stream(ParameterType.values()).map(ParameterType::wireName).toList()),
      required("default", Type.SCALAR, "The value when a run does not set one."),
      required("description", Type.TEXT, "What it controls.")));

  static final Shape DEPENDENCY = new Shape("dependency", "Another pack this one needs.", List.of(
      required("id", Type.KEBAB_ID, "The pack's id."),
      required("version", Type.TEXT, "The versions accepted, as a range: >=1.0.0 <2.0.0.")));

  public static final Shape MANIFEST = new Shape("pack manifest", "A rule pack's pack.yaml.", List.of(
      required("id", Type.KEBAB_ID, "The pack's id: rule ids are written id/rule."),
      required("version", Type.TEXT, "The pack's version, semver: 1.2.0."),
      required("description", Type.TEXT, "What the pack knows about, in a sentence."),
      optional("requires", Type.TEXT, "The failmode versions it works with, as a range: >=0.1.0 <1.0.0."),
      optional("parameters", Type.LIST, "Thresholds a run can override.").of(PARAMETER),
      optional("dependencies", Type.LIST, "Other packs it needs.").of(DEPENDENCY)));

  private final Path workingDirectory;
  private final MavenPacks maven;

  public PackLoader(Path workingDirectory) {
    this(workingDirectory, null);
  }

  /** @param mavenLocalRepository the local Maven repository to use instead of the one settings.xml names; null for that one */
  public PackLoader(Path workingDirectory, Path mavenLocalRepository) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.maven = new MavenPacks(mavenLocalRepository);
  }

  /** The pack {@code spec} names, with paths relative to the working directory. */
  public RulePack resolve(String spec) throws PackException {
    return resolve(spec, workingDirectory);
  }

  /**
   * The pack {@code spec} names: a folder, a .zip or .jar archive, a Maven coordinate, or the id
   * of a built-in pack. Paths are relative to {@code base} (a project file's folder). A built-in
   * pack's bare id always names the built-in pack, never a folder that happens to have its name
   * (a repository's {@code core/} module must not change what a default run decides); such a
   * folder is named as a path, {@code ./core}.
   */
  public RulePack resolve(String spec, Path base) throws PackException {
    if (spec.isBlank()) {
      // Path.of("") would be the working directory: an empty --rules is a slip, not a request for "."
      throw new PackException(new Problem(Location.of("'" + spec + "'"), "", "an empty rule pack name; name a folder, an archive,"
          + " a Maven coordinate or a built-in pack (" + String.join(", ", BUILT_IN) + "), or . for the working directory"));
    }
    if (BUILT_IN.contains(spec)) {
      return builtIn(spec);
    }
    Path path = base.resolve(spec).toAbsolutePath().normalize();
    if (Files.isDirectory(path)) {
      return folder(path, display(path), Kind.FOLDER, spec, null);
    }
    String lower = spec.toLowerCase(Locale.ROOT);
    if (Files.isRegularFile(path) && (lower.endsWith(".zip") || lower.endsWith(".jar"))) {
      return archive(path, display(path), Kind.ARCHIVE, spec);
    }
    if (Files.exists(path)) {
      throw new PackException(new Problem(Location.of(spec), "", "not a rule pack: a pack is a folder holding pack.yaml and *.drl"
          + " files, or a .zip or .jar of one"));
    }
    if (MavenPacks.isCoordinate(spec)) {
      RulePack pack = archive(maven.resolve(spec), spec, Kind.MAVEN, spec);
      String published = spec.substring(spec.lastIndexOf(':') + 1);
      if (!published.equals(pack.manifest().version())) {
        // a lock, reports and dependency ranges go by pack.yaml's version; the artifact's must say the same
        throw new PackException(new Problem(Location.of(spec), "", "the artifact's version " + published + " is not its pack.yaml's, "
            + pack.manifest().version() + ": publish a pack with the version its pack.yaml says"));
      }
      return pack;
    }
    String suggestion = dev.failmode.load.Suggest.didYouMean(spec, BUILT_IN);
    throw new PackException(new Problem(Location.of(spec), "", "unknown rule pack: no such folder or archive, not a Maven coordinate"
        + " (group:artifact:version), and no built-in pack of that id" + suggestion + " (built in: " + String.join(", ", BUILT_IN) + ")"));
  }

  /**
   * A pack in an archive: {@code pack.yaml} at its root, in its only top-level folder, or (in a
   * jar built by Maven) under {@code failmode/packs/<id>/}.
   */
  private RulePack archive(Path file, String shown, Kind kind, String spec) throws PackException {
    String digest = sha256(file, shown);
    ambiguousEntries(file, shown);
    java.nio.file.FileSystem zip;
    try {
      zip = FileSystems.newFileSystem(file);
    } catch (IOException | java.nio.file.ProviderNotFoundException e) {
      throw new PackException(new Problem(Location.of(shown), "", "not a readable .zip or .jar: " + e.getMessage()));
    }
    Path root = zip.getPath("/");
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, 4)) {
      walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("pack.yaml"))
          .filter(p -> !p.toString().contains("/tests/"))
          .forEach(p -> candidates.add(p.getParent()));
    } catch (IOException e) {
      throw new PackException(new Problem(Location.of(shown), "", "cannot read the archive: " + e.getMessage()));
    }
    candidates.sort(java.util.Comparator.comparingInt(Path::getNameCount));
    if (candidates.isEmpty()) {
      throw new PackException(new Problem(Location.of(shown), "", "not a rule pack: the archive has no pack.yaml (at its root, in one"
          + " folder, or under failmode/packs/<id>/)"));
    }
    if (candidates.size() > 1 && candidates.get(0).getNameCount() == candidates.get(1).getNameCount()) {
      throw new PackException(new Problem(Location.of(shown), "", "the archive holds several packs (" + candidates + "); one pack per archive"));
    }
    Path packRoot = candidates.get(0);
    String inside = root.relativize(packRoot).toString();
    return folder(packRoot, shown + "!/" + inside, kind, spec, digest);
  }

  /**
   * Refuses an archive whose entries name one file twice, or name one by an absolute path: zip
   * tools differ on which of two entries they show, so the copy a reviewer reads might not be
   * the one failmode runs.
   */
  private static void ambiguousEntries(Path file, String shown) throws PackException {
    List<Problem> problems = new ArrayList<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      java.util.Set<String> names = new java.util.HashSet<>();
      for (java.util.Enumeration<? extends java.util.zip.ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        if (name.startsWith("/")) {
          problems.add(new Problem(Location.of(shown), "", "the entry " + dev.failmode.model.Text.printable(name)
              + " is an absolute path: a pack's archive holds its folder's files by their paths in it"));
        } else if (!names.add(name)) {
          problems.add(new Problem(Location.of(shown), "", "the archive holds " + dev.failmode.model.Text.printable(name)
              + " twice: zip tools differ on which one they show, so a reviewer might not read what runs"));
        }
      }
    } catch (IOException e) {
      throw new PackException(new Problem(Location.of(shown), "", "not a readable .zip or .jar: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
  }

  private static String sha256(Path file, String shown) throws PackException {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      try (java.io.InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[65_536];
        int n;
        while ((n = in.read(buffer)) > 0) {
          digest.update(buffer, 0, n);
        }
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new PackException(new Problem(Location.of(shown), "", "cannot read: " + e.getMessage()));
    }
  }

  /** A pack that ships inside failmode. Read once per process: built-in packs cannot change while it runs. */
  public RulePack builtIn(String id) throws PackException {
    try {
      return BUILT_IN_PACKS.computeIfAbsent(id, this::readBuiltIn);
    } catch (UncheckedPackException e) {
      throw e.getCause();
    }
  }

  private static final Map<String, RulePack> BUILT_IN_PACKS = new java.util.concurrent.ConcurrentHashMap<>();

  private RulePack readBuiltIn(String id) {
    try {
      URL manifest = PackLoader.class.getClassLoader().getResource(BUILT_IN_ROOT + id + "/pack.yaml");
      if (manifest == null) {
        throw new PackException(new Problem(Location.of(id), "", "no built-in pack '" + id + "' (built in: " + String.join(", ", BUILT_IN) + ")"));
      }
      try {
        if (manifest.openConnection() instanceof JarURLConnection jar) {
          return builtInFromJar(id, Path.of(jar.getJarFileURL().toURI()));
        }
        return folder(Path.of(manifest.toURI()).getParent(), "rules/" + id, Kind.BUILT_IN, id, null);
      } catch (URISyntaxException | IOException e) {
        throw new PackException(new Problem(Location.of(id), "", "cannot read the built-in pack: " + e.getMessage()));
      }
    } catch (PackException e) {
      throw new UncheckedPackException(e);
    }
  }

  /**
   * A built-in pack read straight from failmode's jar, which the JVM has open already: opening
   * the jar as a file system would read its whole directory again, tens of milliseconds of every
   * cold start, and so would listing its entries, so the DRL files are those the build indexed.
   * Its folder is opened only when something needs it ({@link #folderOf}).
   */
  private RulePack builtInFromJar(String id, Path jarFile) throws IOException, PackException {
    String prefix = BUILT_IN_ROOT + id + "/";
    String shown = "rules/" + id;
    try (JarFile jar = new JarFile(jarFile.toFile())) {
      JarEntry manifestEntry = jar.getJarEntry(prefix + "pack.yaml");
      PackManifest manifest = manifest(YamlDocuments.read(jar.getInputStream(manifestEntry).readAllBytes(), shown + "/pack.yaml", MANIFEST),
          shown + "/pack.yaml");
      List<String> names = PrecompiledPacks.index(id).flatMap(PrecompiledPacks::drlFiles)
          .map(files -> files.stream().map(file -> prefix + file).sorted().toList())
          .filter(indexed -> indexed.stream().allMatch(name -> jar.getJarEntry(name) != null))
          .orElseGet(() -> jar.stream().map(JarEntry::getName) // a jar failmode's build did not index: list its entries
              .filter(name -> name.startsWith(prefix) && name.toLowerCase(Locale.ROOT).endsWith(".drl") && !name.startsWith(prefix + "tests/"))
              .sorted().toList());
      List<DrlSource> sources = new ArrayList<>();
      for (String name : names) {
        sources.add(new DrlSource(shown + "/" + name.substring(prefix.length()),
            new String(jar.getInputStream(jar.getJarEntry(name)).readAllBytes(), StandardCharsets.UTF_8)));
      }
      return new RulePack(manifest, shown, null, sources, Kind.BUILT_IN, id, null);
    }
  }

  /** The pack's folder, which holds its tests/: a built-in pack inside failmode's jar is opened as a file system here. */
  public static Path folderOf(RulePack pack) throws PackException {
    if (pack.root() != null) {
      return pack.root();
    }
    URL manifest = PackLoader.class.getClassLoader().getResource(BUILT_IN_ROOT + pack.id() + "/pack.yaml");
    try {
      URI uri = manifest.toURI();
      return jarFileSystem(uri).provider().getPath(uri).getParent();
    } catch (URISyntaxException | IOException | NullPointerException e) {
      throw new PackException(new Problem(Location.of(pack.origin()), "", "cannot open the built-in pack's folder: " + e));
    }
  }

  /** Carries a PackException out of computeIfAbsent. */
  private static final class UncheckedPackException extends RuntimeException {
    UncheckedPackException(PackException cause) {
      super(cause);
    }

    @Override
    public synchronized PackException getCause() {
      return (PackException) super.getCause();
    }
  }

  private static java.nio.file.FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.getFileSystem(uri);
    } catch (FileSystemNotFoundException e) {
      try {
        return FileSystems.newFileSystem(uri, Map.of());
      } catch (java.nio.file.FileSystemAlreadyExistsException raced) {
        return FileSystems.getFileSystem(uri);
      }
    }
  }

  /**
   * What a link out of a pack's folder is told: the pack runs in others' CI, and a link to a file
   * of the machine it runs on (a key, a token) would have the parser quote it in the log.
   */
  static final String OUTSIDE = "is a symbolic link to a file outside the pack's folder: a pack's files must be in it";

  private static Path realPath(Path root, String shown) throws PackException {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      throw new PackException(new Problem(Location.of(shown), "", "cannot read the pack: " + e.getMessage()));
    }
  }

  /** Whether {@code file}, links followed, lies outside the folder {@code realRoot}. */
  static boolean outside(Path file, Path realRoot) {
    try {
      return !file.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false; // reading it reports why it cannot be read
    }
  }

  /**
   * A pack in a folder (of the disk, or of an archive's file system).
   *
   * @param shown how the folder is named in messages
   */
  RulePack folder(Path root, String shown, Kind kind, String spec, String sha256) throws PackException {
    String prefix = shown.endsWith("!/") ? shown : shown + "/";
    Path manifestPath = root.resolve("pack.yaml");
    String manifestName = prefix + "pack.yaml";
    if (!Files.isRegularFile(manifestPath)) {
      throw new PackException(new Problem(Location.of(shown), "", "not a rule pack: there is no pack.yaml in it"));
    }
    Path realRoot = kind == Kind.FOLDER ? realPath(root, shown) : null;
    if (realRoot != null && outside(manifestPath, realRoot)) {
      throw new PackException(new Problem(Location.of(manifestName), "", OUTSIDE));
    }
    PackManifest manifest = manifest(YamlDocuments.read(manifestPath, manifestName, MANIFEST), manifestName);
    List<DrlSource> sources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> drls = walk
          .filter(p -> p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".drl"))
          .filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith("tests/"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
      for (Path drl : drls) {
        String name = prefix + root.relativize(drl).toString().replace('\\', '/');
        if (realRoot != null && outside(drl, realRoot)) {
          problems.add(new Problem(Location.of(name), "", OUTSIDE));
          continue;
        }
        long limit = dev.failmode.load.Limits.DEFAULT.maxFileBytes();
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(drl)) {
          // read no more than the limit, whatever size an archive's entry claims: a 2 MB zip can inflate to gigabytes
          bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (bytes.length > limit) {
          problems.add(new Problem(Location.of(name), "", String.format(Locale.ROOT,
              "the file is more than %.1f MiB, too large to read; a DRL file of rules is far smaller", limit / 1048576.0)));
          continue;
        }
        try {
          sources.add(new DrlSource(name, StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes)).toString()));
        } catch (CharacterCodingException e) {
          problems.add(new Problem(Location.of(name), "", "not valid UTF-8; DRL files are UTF-8 text"));
        }
      }
    } catch (IOException e) {
      throw new PackException(new Problem(Location.of(shown), "", "cannot read the pack: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
    if (sources.isEmpty()) {
      throw new PackException(new Problem(Location.of(shown), "", "the pack has no *.drl files"));
    }
    return new RulePack(manifest, shown, root, sources, kind, spec, sha256);
  }

  /** The reader's message for a number where text belongs, naming the number. */
  private static final java.util.regex.Pattern FOUND_A_NUMBER = java.util.regex.Pattern.compile("found the number (\\S+) ");

  /** The version a number was probably meant as: 1.2 as 1.2.0, 2 as 2.0.0. */
  private static String semverOf(String number) {
    String[] parts = number.split("\\.");
    return parts.length == 1 ? number + ".0.0" : parts.length == 2 ? number + ".0" : number;
  }

  private static PackManifest manifest(YamlDocuments.Document document, String file) throws PackException {
    List<Problem> problems = new ArrayList<>();
    for (Problem problem : document.problems()) {
      // 'version: 1.2' is read as a number; quoting it, as the general message says, would not make it a version
      java.util.regex.Matcher number = FOUND_A_NUMBER.matcher(problem.message());
      problems.add(problem.path().equals("version") && number.find()
          ? new Problem(problem.location(), "version", "the number " + number.group(1) + " is not a semantic version: write"
              + " MAJOR.MINOR.PATCH, such as " + semverOf(number.group(1)))
          : problem);
    }
    Values v = document.values();
    if (v == null) {
      throw new PackException(problems);
    }
    String version = v.text("version");
    if (version != null && !SEMVER.matcher(version).matches()) {
      problems.add(new Problem(v.location("version"), "version", "'" + version + "' is not a semantic version like 1.2.0"));
    }
    String id = v.text("id");
    if (id != null && !javax.lang.model.SourceVersion.isName(SafetyCheck.packageOf(id))) {
      // the rules' package is made of the id: 2fa-rules or default could never compile
      problems.add(new Problem(v.location("id"), "id", "'" + id + "' cannot name a pack: its rules' package would be "
          + SafetyCheck.packageOf(id) + ", which Java does not accept (an id starts with a letter and is not a Java"
          + " keyword such as new or default)"));
    }
    List<ParameterSpec> parameters = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Values p : v.list("parameters")) {
      String name = p.text("name");
      if (name != null && names.contains(name)) {
        problems.add(new Problem(p.location("name"), p.path("name"), "duplicate parameter '" + name + "'"));
      }
      names.add(name);
      String typeName = p.text("type");
      String written = p.text("default");
      if (typeName == null || written == null) {
        continue;
      }
      ParameterType type = ParameterType.valueOf(typeName.toUpperCase(Locale.ROOT));
      try {
        parameters.add(new ParameterSpec(name, type, type.parse(written), written, p.text("description")));
      } catch (NotationException e) {
        problems.add(new Problem(p.location("default"), p.path("default"), e.getMessage()));
      }
    }
    List<PackManifest.Dependency> dependencies = v.list("dependencies").stream()
        .map(d -> new PackManifest.Dependency(d.text("id"), d.text("version"))).toList();
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
    Map<String, Location> where = new java.util.HashMap<>();
    if (v.text("requires") != null) {
      where.put("requires", v.location("requires"));
    }
    List<Values> written = v.list("dependencies");
    for (int i = 0; i < written.size(); i++) {
      where.put("dependencies[" + i + "]", written.get(i).location());
    }
    return new PackManifest(v.text("id"), version, v.text("description"), v.text("requires"), parameters, dependencies, where);
  }

  private String display(Path absolute) {
    Path relative = workingDirectory.relativize(absolute);
    String text = relative.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}

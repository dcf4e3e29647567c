package dev.failmode.load;

import dev.failmode.model.Catalogue;
import dev.failmode.model.FailureMode;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import dev.failmode.parallel.EachIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads failure-mode files and folders into catalogues.
 *
 * <p>Folders are walked (hidden folders skipped, links not followed but noted) for {@code *.yaml} and
 * {@code *.yml}; a YAML file found there is read as a failure-mode file when its apiVersion
 * starts with {@code failmode/} (or its kind is FailureModes), and skipped otherwise, which the
 * result says. A file named explicitly must be a failure-mode file. Ids must be unique across
 * every file read; a duplicate names both places. The result is the same whatever order paths
 * are given in or files lie in a folder.
 */
public final class CatalogueLoader {
  private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);
  /** The format's key and value in a file that does not parse: block style, or flow style as JSON writes it. */
  private static final Pattern CLAIMS_FORMAT = Pattern.compile(
      "(?m)(^|[{,])\\s*[\"']?(apiVersion[\"']?\\s*:\\s*[\"']?failmode/|kind[\"']?\\s*:\\s*[\"']?FailureModes)");

  /** Past this many problems in one file, the rest are counted rather than listed. */

  private final Path workingDirectory;
  private final Limits limits;

  public CatalogueLoader(Path workingDirectory, Limits limits) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.limits = limits;
  }

  public CatalogueLoader(Path workingDirectory) {
    this(workingDirectory, Limits.DEFAULT);
  }

  /** A file to read, whether it was named explicitly (rather than found in a folder), and its size when listed. */
  private record Input(Path path, String display, boolean explicit, long size) {}

  /** What one file gave: a catalogue, its problems (and how many in all), or a reason it was skipped. */
  private record FileOutcome(Catalogue catalogue, List<Problem> problems, String skipped, int problemCount) {
    FileOutcome(Catalogue catalogue, List<Problem> problems, String skipped) {
      this(catalogue, problems, skipped, problems.size());
    }
  }

  public LoadResult load(List<Path> paths) {
    return read(paths).checked();
  }

  /**
   * Reads the files as {@link #load} does, all but the check that ids are unique across files,
   * which {@link Read#checked} then makes: for a caller that has work for the other cores while
   * one core makes it (classify judges the files meanwhile).
   */
  public Read read(List<Path> paths) {
    long start = System.nanoTime();
    List<Problem> problems = new ArrayList<>();
    Map<Path, Input> inputs = new LinkedHashMap<>();
    List<String> links = new ArrayList<>();
    for (Path given : paths) {
      collect(given, inputs, problems, links);
    }
    List<Input> sorted = inputs.values().stream().sorted(Comparator.comparing(Input::display)).toList();
    // in parallel, each core taking the next file when it is done with one, the largest first:
    // files differ in size, and a large one taken last would be read by one core alone
    FileOutcome[] read = new FileOutcome[sorted.size()];
    long[] sizes = new long[sorted.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = sorted.get(i).size();
    }
    EachIndex.run(EachIndex.largestFirst(sizes), i -> read[i] = read(sorted.get(i)));

    List<Catalogue> catalogues = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int count = problems.size();
    for (FileOutcome outcome : read) {
      problems.addAll(outcome.problems());
      count += outcome.problemCount();
      if (outcome.catalogue() != null) {
        catalogues.add(outcome.catalogue());
      }
      if (outcome.skipped() != null) {
        skipped.add(outcome.skipped());
      }
    }
    if (!links.isEmpty()) {
      links.stream().distinct().forEach(skipped::add);
      skipped.sort(null); // the files' order, whatever order the paths were given in
    }
    return new Read(sorted.size(), catalogues, problems, skipped, count, start);
  }

  /** Files read, every one checked on its own; {@link #checked} checks ids across them. */
  public static final class Read {
    private final int files;
    private final List<Catalogue> catalogues;
    private final List<Problem> problems;
    private final List<String> skipped;
    private final int count;
    private final long start;

    private Read(int files, List<Catalogue> catalogues, List<Problem> problems, List<String> skipped, int count, long start) {
      this.files = files;
      this.catalogues = List.copyOf(catalogues);
      this.problems = problems;
      this.skipped = skipped;
      this.count = count;
      this.start = start;
    }

    /** The catalogues of the files that were read without a problem, in the order of their paths. */
    public List<Catalogue> catalogues() {
      return catalogues;
    }

    /** Whether every file was read without a problem (ids across files are not checked yet). */
    public boolean ok() {
      return problems.isEmpty();
    }

    /** What {@link CatalogueLoader#load} gives: with the check that ids are unique across files. */
    public LoadResult checked() {
      List<Problem> all = new ArrayList<>(problems);
      List<Problem> duplicates = duplicateIds(catalogues);
      all.addAll(duplicates);
      int total = count + duplicates.size();
      log.info("read {} files in {} ms: {} failure-mode files, {} skipped, {} problems", files,
          (System.nanoTime() - start) / 1_000_000, catalogues.size(), skipped.size(), total);
      return new LoadResult(all.isEmpty() ? catalogues : List.of(), all, skipped, total);
    }
  }

  private void collect(Path given, Map<Path, Input> inputs, List<Problem> problems, List<String> links) {
    // a path inside an archive (a pack's fixtures in a jar) is on a file system of its own
    Path absolute = given.getFileSystem() == workingDirectory.getFileSystem() ? workingDirectory.resolve(given).normalize() : given;
    if (!Files.exists(absolute)) {
      problems.add(new Problem(Location.of(given.toString()), "", "no such file or folder"));
      return;
    }
    if (!Files.isDirectory(absolute)) {
      inputs.putIfAbsent(realPath(absolute), new Input(absolute, display(absolute), true, sizeOf(absolute)));
      return;
    }
    try {
      // a folder named through a link is the folder meant: walked where the link leads, its files
      // shown under the name given (links inside it are not followed, as in any folder)
      Path root = Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
          return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
          if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
            inputs.putIfAbsent(realPath(file), new Input(file, display(shown(file)), false, attrs.size()));
          } else if (attrs.isSymbolicLink() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
            // said, not dropped: a link may point anywhere on the machine (a pull request's link to
            // a runner's secrets would be quoted by the parser), so only files named are read through one
            links.add(display(shown(file)) + ": a symbolic link, not followed in folders (name it to read it)");
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          problems.add(new Problem(Location.of(display(shown(file))), "", "cannot read: " + describe(e)));
          return FileVisitResult.CONTINUE;
        }

        private Path shown(Path file) {
          return root == absolute ? file : absolute.resolve(root.relativize(file));
        }
      });
    } catch (IOException e) {
      problems.add(new Problem(Location.of(given.toString()), "", "cannot read the folder: " + describe(e)));
    }
  }

  /** A named file's size, to order the reading by; 0 when it cannot be had (reading the file reports why). */
  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException | SecurityException e) {
      return 0;
    }
  }

  private FileOutcome read(Input input) {
    String file = input.display();
    try {
      long size = Files.size(input.path());
      if (size > limits.maxFileBytes()) {
        return failed(new Problem(new Location(file, 1, 1), "", String.format(Locale.ROOT,
            "the file is %.1f MiB, more than the limit of %.1f MiB for one failure-mode file; split it by system",
            size / 1048576.0, limits.maxFileBytes() / 1048576.0)));
      }
      byte[] bytes = Files.readAllBytes(input.path());
      SourceText.Decoded decoded = SourceText.decode(bytes, file);
      if (decoded.problem() != null) {
        return input.explicit() ? failed(decoded.problem()) : skipped(file, "not a UTF-8 text file");
      }
      String text = decoded.text();
      TreeReader.Read tree = TreeReader.read(text, file, limits, FormatV1.FILE);
      if (isOwnFile(tree.root())) {
        // failmode's own project file beside the failure-mode files it configures
        return input.explicit() ? failed(new Problem(new Location(file, 1, 1), "", "this is a failmode project file, not a"
            + " failure-mode file: it is read from the working directory (or --project), not given as a path"))
            : new FileOutcome(null, List.of(), null);
      }
      if (!input.explicit() && !isFailureModeFile(tree.root(), text)) {
        return skipped(file, text.isBlank() ? "an empty file" : "not a failure-mode file (" + whyNot(tree.root()) + ")");
      }
      if (tree.root() == null) {
        return new FileOutcome(null, tree.problems().listed(), null, tree.problems().count());
      }
      CatalogueBinder.Bound bound = CatalogueBinder.bind(tree.root(), file);
      Problems problems = tree.problems();
      problems.addAll(bound.problems());
      log.debug("read {}: {} problems", file, problems.count());
      return new FileOutcome(problems.isEmpty() ? bound.catalogue() : null, problems.listed(), null, problems.count());
    } catch (IOException | UncheckedIOException e) {
      return failed(new Problem(Location.of(file), "", "cannot read: " + describe(e)));
    }
  }

  /**
   * Whether a YAML file found in a folder is meant as a failure-mode file: its apiVersion starts
   * with failmode/ or its kind is FailureModes. A file that did not parse counts when its text
   * says so, so a syntax error never hides a failure-mode file.
   */
  private static boolean isFailureModeFile(Node root, String text) {
    if (root instanceof Node.Mapping mapping) {
      return startsWith(mapping, "apiVersion", FormatV1.API_GROUP) || startsWith(mapping, "kind", FormatV1.KIND);
    }
    return CLAIMS_FORMAT.matcher(text).find();
  }

  private static boolean isOwnFile(Node root) {
    return root instanceof Node.Mapping mapping && startsWith(mapping, "apiVersion", FormatV1.API_GROUP)
        && (startsWith(mapping, "kind", ProjectShapes.PROJECT_KIND) || startsWith(mapping, "kind", ProjectShapes.LOCK_KIND));
  }

  private static String whyNot(Node root) {
    if (root instanceof Node.Mapping mapping && mapping.entries().get("apiVersion") != null
        && mapping.entries().get("apiVersion").value() instanceof Node.Scalar scalar) {
      return "its apiVersion is " + scalar.text() + ", not failmode/...";
    }
    return root == null ? "not valid YAML, and no 'apiVersion: failmode/...' in it" : "it has no 'apiVersion: failmode/...'";
  }

  private static boolean startsWith(Node.Mapping mapping, String key, String prefix) {
    Node.Entry entry = mapping.entries().get(key);
    return entry != null && entry.value() instanceof Node.Scalar scalar && scalar.text().startsWith(prefix);
  }

  /** Full ids must be unique across every file of a run: each duplicate names both places. */
  private static List<Problem> duplicateIds(List<Catalogue> catalogues) {
    List<Problem> problems = new ArrayList<>();
    Map<String, FailureMode> seen = new HashMap<>();
    for (Catalogue catalogue : catalogues) {
      for (FailureMode mode : catalogue.failureModes()) {
        FailureMode first = seen.putIfAbsent(mode.fullId(), mode);
        if (first != null && !Objects.equals(first.location().file(), mode.location().file())) {
          problems.add(new Problem(mode.location(), "", "duplicate failure mode id '" + mode.fullId() + "': " + first.location()
              + " declares it too; ids are unique across every file of a run"));
        }
      }
    }
    return problems;
  }

  private FileOutcome failed(Problem problem) {
    return new FileOutcome(null, List.of(problem), null);
  }

  private FileOutcome skipped(String file, String why) {
    log.debug("skipped {}: {}", file, why);
    return new FileOutcome(null, List.of(), file + ": " + why);
  }

  private String display(Path absolute) {
    if (absolute.getFileSystem() != workingDirectory.getFileSystem()) {
      return absolute.toString();
    }
    Path relative;
    try {
      relative = workingDirectory.relativize(absolute.toAbsolutePath().normalize());
    } catch (IllegalArgumentException e) {
      relative = absolute;
    }
    String text = relative.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  private static Path realPath(Path path) {
    if (path.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
      return path;
    }
    try {
      return path.toRealPath(LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private static String describe(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

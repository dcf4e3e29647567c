import dev.failmode.engine.DrlSource;
import dev.failmode.engine.PackException;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.PackSet;
import dev.failmode.engine.RulePack;
import dev.failmode.model.Problem;
import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * Compiles the built-in rule packs to Drools' executable model when failmode is built, so that a
 * run loads compiled classes instead of compiling DRL (about a second of every cold start).
 *
 * <p>For each pack under RULES it writes the generated classes into CLASSES and an index,
 * {@code failmode/precompiled/<id>.properties}, naming the model classes and the checksum of the
 * DRL they came from. At run time a pack whose DRL no longer matches its checksum is compiled from
 * DRL as before, so rules/ stays the single source of truth. Run by the build (see pom.xml):
 *
 * <pre>java -cp CLASSPATH src/build/java/PrecompilePacks.java RULES CLASSES</pre>
 *
 * <p>Every folder of RULES that holds a pack.yaml is a built-in pack. A build without {@code clean}
 * must give the jar a build with {@code clean} gives: the resources step copies rules/ into
 * CLASSES but never deletes there, so what is no longer in rules/ is deleted from the copy, and the
 * classes of the previous model (listed in {@code precompiled/<id>.files} beside CLASSES) before
 * the new ones are written.
 */
public final class PrecompilePacks {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

  private PrecompilePacks() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PrecompilePacks RULES CLASSES");
      System.exit(2);
    }
    // Java 8 bytecode: string concatenation as StringBuilder calls, not invokedynamic, whose call
    // sites are bound at a run's first use by spinning classes no class-data archive keeps
    // (30 of them in the core pack's consequences, milliseconds each on every cold start)
    System.setProperty("drools.dialect.java.compiler.lnglevel", "1.8");
    Path rules = Path.of(args[0]).toAbsolutePath().normalize();
    Path classes = Path.of(args[1]).toAbsolutePath().normalize();
    PackLoader loader = new PackLoader(rules.getParent());
    List<Path> packs;
    try (var folders = Files.list(rules)) {
      packs = folders.filter(folder -> Files.isRegularFile(folder.resolve("pack.yaml"))).sorted().toList();
    }
    prune(rules, classes.resolve("failmode/packs"));
    List<RulePack> built = new ArrayList<>();
    for (Path folder : packs) {
      try {
        RulePack pack = loader.resolve(rules.getParent().relativize(folder).toString());
        precompile(pack, classes);
        built.add(pack);
      } catch (PackException e) {
        e.problems().forEach(System.err::println);
        System.exit(1);
      }
    }
    // built-in packs ship with this build, so their requirements are checked here, not at every run
    List<Problem> unmet = PackSet.requirements(built);
    if (!unmet.isEmpty()) {
      unmet.forEach(problem -> System.err.println(problem.location() + ": " + problem.path() + ": " + problem.message()));
      System.exit(1);
    }
    writeCodeDigest(classes);
  }

  /**
   * Writes {@code failmode/code.sha256}: the SHA-256 of failmode's own classes (not the packs'),
   * which names this build's code in the pack cache's keys (dev.failmode.engine.PackCache): packs
   * compiled against the fact model of one build are not read by another. The same sources give
   * the same digest, so the jar stays reproducible.
   */
  private static void writeCodeDigest(Path classes) throws IOException, java.security.NoSuchAlgorithmException {
    java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
    Path own = classes.resolve("dev/failmode");
    List<Path> files;
    try (var walk = Files.walk(own)) {
      files = walk.filter(path -> path.toString().endsWith(".class") && !path.startsWith(own.resolve("packs")))
          .sorted(Comparator.comparing(path -> own.relativize(path).toString())).toList();
    }
    for (Path file : files) {
      digest.update(own.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(file));
    }
    Path target = classes.resolve("failmode/code.sha256");
    Files.createDirectories(target.getParent());
    Files.writeString(target, java.util.HexFormat.of().formatHex(digest.digest()) + "\n", StandardCharsets.UTF_8);
  }

  private static void precompile(RulePack pack, Path classes) throws IOException, ReflectiveOperationException {
    long start = System.nanoTime();
    KieServices services = KieServices.Factory.get();
    KieFileSystem files = services.newKieFileSystem();
    Set<String> written = new HashSet<>();
    for (DrlSource source : pack.sources()) {
      // a DRL file in the folder of its package, as Drools expects, named by its path in the pack
      // (sub-folders joined with dots) so that two files of one name in two sub-folders are both kept
      Matcher declared = PACKAGE.matcher(source.text());
      String folder = declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
      String file = "src/main/resources/" + folder + pack.pathInPack(source).replace('/', '.');
      if (!written.add(file)) {
        throw new IllegalStateException("pack " + pack.id() + ": two DRL files would be compiled as " + file + "; rename one of them");
      }
      files.write(file, source.text());
    }
    KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      errors.forEach(e -> System.err.println(pack.origin() + ": " + e));
      throw new IllegalStateException("pack " + pack.id() + " does not compile to the executable model");
    }
    Map<String, byte[]> generated = new TreeMap<>(((CanonicalKieModule) builder.getKieModule()).getClassesMap());
    generated.keySet().removeIf(name -> name.startsWith("org/drools/project/model/")); // one module per pack: the project class is not used
    List<String> models = new ArrayList<>();
    try (GeneratedClasses loader = new GeneratedClasses(generated)) {
      for (String file : generated.keySet()) {
        String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
        if (Model.class.isAssignableFrom(loader.loadClass(name)) && !loader.loadClass(name).isInterface()) {
          models.add(name);
        }
      }
    }
    if (models.isEmpty()) {
      throw new IllegalStateException("pack " + pack.id() + " compiled to no executable model");
    }
    Path list = classes.resolveSibling("precompiled").resolve(pack.id() + ".files");
    if (Files.isRegularFile(list)) {
      for (String previous : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        Files.deleteIfExists(classes.resolve(previous));
      }
    }
    Files.createDirectories(list.getParent());
    Files.write(list, generated.keySet(), StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> entry : generated.entrySet()) {
      Path target = classes.resolve(entry.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, entry.getValue());
    }
    Path index = classes.resolve("failmode/precompiled/" + pack.id() + ".properties");
    Files.createDirectories(index.getParent());
    try (Writer out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
      out.write("# written by src/build/java/PrecompilePacks.java: the executable model of pack " + pack.id() + "\n");
      out.write("checksum=" + pack.sourceChecksum() + "\n");
      out.write("models=" + String.join(",", models) + "\n");
      // the pack's DRL files, so that a run finds them in the jar without listing all its entries
      List<String> drl = new ArrayList<>();
      for (DrlSource source : pack.sources()) {
        String name = pack.pathInPack(source);
        if (name.contains(",") || name.contains("\\") || name.equals(source.name())) {
          throw new IllegalStateException("pack " + pack.id() + ": the DRL file name " + source.name() + " cannot be indexed; rename it");
        }
        drl.add(name);
      }
      out.write("drl=" + String.join(",", drl) + "\n");
    }
    System.out.printf("precompiled pack %s (%d classes, model %s) in %d ms%n", pack.id(), generated.size(), String.join(", ", models),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Deletes from {@code copy} (rules/ as the resources step copied it) whatever rules/ no longer has. */
  private static void prune(Path rules, Path copy) throws IOException {
    if (!Files.isDirectory(copy)) {
      return;
    }
    List<Path> paths;
    try (var walk = Files.walk(copy)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList(); // files before their folders
    }
    for (Path path : paths) {
      Path source = rules.resolve(copy.relativize(path).toString());
      if (Files.isDirectory(path)) {
        if (!path.equals(copy) && !Files.isDirectory(source)) {
          try (var left = Files.list(path)) {
            if (left.findAny().isEmpty()) {
              Files.delete(path);
            }
          }
        }
      } else if (!Files.isRegularFile(source)) {
        System.out.println("deleted " + copy.getParent().getParent().relativize(path) + ": no longer in " + rules.getFileName() + "/");
        Files.delete(path);
      }
    }
  }

  /** Loads the classes just generated, beside failmode's own, to find the model among them. */
  private static final class GeneratedClasses extends URLClassLoader {
    private final Map<String, byte[]> classes;

    GeneratedClasses(Map<String, byte[]> classes) {
      super(new URL[0], PrecompilePacks.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name.replace('.', '/') + ".class");
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}

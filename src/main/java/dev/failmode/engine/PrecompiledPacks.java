package dev.failmode.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.drools.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in packs as compiled to Drools' executable model when failmode was built (by
 * {@code src/build/java/PrecompilePacks.java}): loading them skips DRL compilation, most of a
 * cold start. Only a pack whose DRL still has the checksum it was compiled from is used; any other
 * pack, or a stale one, is compiled from its DRL as before.
 */
final class PrecompiledPacks {
  private static final Logger log = LoggerFactory.getLogger(PrecompiledPacks.class);
  static final String INDEX = "failmode/precompiled/";

  private PrecompiledPacks() {}

  /**
   * The DRL files of built-in pack {@code id} in failmode's jar, relative to the pack, as the build
   * indexed them; empty when the jar has no index.
   */
  static Optional<List<String>> drlFiles(JarFile jar, String id) throws IOException {
    JarEntry entry = jar.getJarEntry(INDEX + id + ".properties");
    if (entry == null) {
      return Optional.empty();
    }
    Properties index = new Properties();
    try (InputStream in = jar.getInputStream(entry)) {
      index.load(in);
    }
    String files = index.getProperty("drl");
    return files == null ? Optional.empty() : Optional.of(files.isEmpty() ? List.of() : List.of(files.split(",")));
  }

  /** The pack's precompiled models, or nothing when it has none or they are not of its DRL. */
  static List<Model> models(RulePack pack) {
    return models(pack, CompileLog.now());
  }

  static List<Model> models(RulePack pack, CompileLog say) {
    if (!pack.builtIn()) {
      return List.of();
    }
    Properties index = new Properties();
    try (InputStream in = PrecompiledPacks.class.getClassLoader().getResourceAsStream(INDEX + pack.id() + ".properties")) {
      if (in == null) {
        say.info(log, "pack {} is not precompiled: compiling its DRL", pack.id());
        return List.of();
      }
      index.load(in);
    } catch (IOException e) {
      say.warn(log, "cannot read the precompiled model of pack {}: {}; compiling its DRL", pack.id(), e.getMessage());
      return List.of();
    }
    if (!pack.sourceChecksum().equals(index.getProperty("checksum"))) {
      say.warn(log, "the precompiled model of pack {} is not of its DRL: compiling the DRL (rebuild failmode to precompile it)", pack.id());
      return List.of();
    }
    List<Model> models = new ArrayList<>();
    for (String name : index.getProperty("models", "").split(",")) {
      try {
        models.add((Model) Class.forName(name.strip(), true, PrecompiledPacks.class.getClassLoader()).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
        say.warn(log, "cannot load the precompiled model of pack {} ({}): compiling its DRL", pack.id(), e.toString());
        return List.of();
      }
    }
    return models;
  }
}

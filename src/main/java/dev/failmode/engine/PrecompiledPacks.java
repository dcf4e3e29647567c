package dev.failmode.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

  /** A built-in pack's models, with the checksum of the DRL they were compiled from. */
  record Models(String id, String checksum, List<Model> models) {}

  /**
   * The precompiled models of built-in pack {@code id}, read before the pack itself (its manifest
   * is YAML, whose set-up a cold start would rather pay on another thread): empty when it has no
   * index, or its DRL as shipped is not what the models were compiled from. Quiet: the run that
   * compiles the pack says why it could not use them.
   */
  static Optional<Models> ahead(String id) {
    ClassLoader loader = PrecompiledPacks.class.getClassLoader();
    Properties index = new Properties();
    try (InputStream in = loader.getResourceAsStream(INDEX + id + ".properties")) {
      if (in == null) {
        return Optional.empty();
      }
      index.load(in);
      String files = index.getProperty("drl");
      if (files == null) {
        return Optional.empty();
      }
      String origin = "rules/" + id;
      List<DrlSource> sources = new ArrayList<>();
      for (String file : files.isEmpty() ? new String[0] : files.split(",")) {
        try (InputStream drl = loader.getResourceAsStream(PackLoader.BUILT_IN_ROOT + id + "/" + file)) {
          if (drl == null) {
            return Optional.empty();
          }
          sources.add(new DrlSource(origin + "/" + file, new String(drl.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
      String checksum = RulePack.checksum(origin, sources);
      if (!checksum.equals(index.getProperty("checksum"))) {
        return Optional.empty();
      }
      List<Model> models = new ArrayList<>();
      for (String name : index.getProperty("models", "").split(",")) {
        models.add((Model) Class.forName(name.strip(), true, loader).getDeclaredConstructor().newInstance());
      }
      return Optional.of(new Models(id, checksum, models));
    } catch (IOException | ReflectiveOperationException | ClassCastException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The pack's precompiled models, or nothing when it has none or they are not of its DRL. */
  static List<Model> models(RulePack pack) {
    if (!pack.builtIn()) {
      return List.of();
    }
    Properties index = new Properties();
    try (InputStream in = PrecompiledPacks.class.getClassLoader().getResourceAsStream(INDEX + pack.id() + ".properties")) {
      if (in == null) {
        log.info("pack {} is not precompiled: compiling its DRL", pack.id());
        return List.of();
      }
      index.load(in);
    } catch (IOException e) {
      log.warn("cannot read the precompiled model of pack {}: {}; compiling its DRL", pack.id(), e.getMessage());
      return List.of();
    }
    if (!pack.sourceChecksum().equals(index.getProperty("checksum"))) {
      log.warn("the precompiled model of pack {} is not of its DRL: compiling the DRL (rebuild failmode to precompile it)", pack.id());
      return List.of();
    }
    List<Model> models = new ArrayList<>();
    for (String name : index.getProperty("models", "").split(",")) {
      try {
        models.add((Model) Class.forName(name.strip(), true, PrecompiledPacks.class.getClassLoader()).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
        log.warn("cannot load the precompiled model of pack {} ({}): compiling its DRL", pack.id(), e.toString());
        return List.of();
      }
    }
    return models;
  }
}

package dev.failmode.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
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

  /** The build's index of built-in pack {@code id} (its checksum, models and DRL files), if it has one. */
  static Optional<Properties> index(String id) throws IOException {
    try (InputStream in = PrecompiledPacks.class.getClassLoader().getResourceAsStream(INDEX + id + ".properties")) {
      if (in == null) {
        return Optional.empty();
      }
      Properties index = new Properties();
      index.load(in);
      return Optional.of(index);
    }
  }

  /** The DRL files an index names, relative to the pack; empty when it does not name them. */
  static Optional<List<String>> drlFiles(Properties index) {
    String files = index.getProperty("drl");
    return files == null ? Optional.empty() : Optional.of(files.isEmpty() ? List.of() : List.of(files.split(",")));
  }

  /** The model classes an index names, instantiated. */
  private static List<Model> instantiate(Properties index) throws ReflectiveOperationException {
    List<Model> models = new ArrayList<>();
    for (String name : index.getProperty("models", "").split(",")) {
      models.add((Model) Class.forName(name.strip(), true, PrecompiledPacks.class.getClassLoader()).getDeclaredConstructor().newInstance());
    }
    return models;
  }

  /** A built-in pack's models, with the checksum of the DRL they were compiled from. */
  record Models(String id, String checksum, List<Model> models) {}

  /**
   * The precompiled models of built-in pack {@code id}, read before the pack itself (its manifest
   * is YAML, whose set-up a cold start would rather pay on another thread), with the checksum of
   * the DRL the index says they were compiled from: empty when it has no index. The DRL is not
   * read here: a run takes these models only when the checksum of the DRL it reads for the pack
   * is this one ({@link RuleBasePrefetch}), and reading the DRL twice cost the rule-base thread,
   * which a cold run waits for, ~10 ms. Quiet: the run that compiles the pack says why it could
   * not use them.
   */
  static Optional<Models> ahead(String id) {
    try {
      Properties index = index(id).orElse(null);
      String checksum = index == null ? null : index.getProperty("checksum");
      if (checksum == null || drlFiles(index).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Models(id, checksum, instantiate(index)));
    } catch (IOException | ReflectiveOperationException | ClassCastException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The pack's precompiled models, or nothing when it has none or they are not of its DRL. */
  static List<Model> models(RulePack pack) {
    if (!pack.builtIn()) {
      return List.of();
    }
    Properties index;
    try {
      Optional<Properties> found = index(pack.id());
      if (found.isEmpty()) {
        log.info("pack {} is not precompiled: compiling its DRL", pack.id());
        return List.of();
      }
      index = found.get();
    } catch (IOException e) {
      log.warn("cannot read the precompiled model of pack {}: {}; compiling its DRL", pack.id(), e.getMessage());
      return List.of();
    }
    if (!pack.sourceChecksum().equals(index.getProperty("checksum"))) {
      log.warn("the precompiled model of pack {} is not of its DRL: compiling the DRL (rebuild failmode to precompile it)", pack.id());
      return List.of();
    }
    try {
      return instantiate(index);
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      log.warn("cannot load the precompiled model of pack {} ({}): compiling its DRL", pack.id(), e.toString());
      return List.of();
    }
  }
}

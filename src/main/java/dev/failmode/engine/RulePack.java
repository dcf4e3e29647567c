package dev.failmode.engine;

import dev.failmode.model.PackRef;
import java.util.List;

/**
 * A rule pack ready to compile: its manifest and its DRL.
 *
 * @param origin where it came from, as shown to users: {@code built-in}, a folder, an archive
 * @param builtIn whether it ships with failmode (and so is trusted)
 */
public record RulePack(PackManifest manifest, String origin, List<DrlSource> sources, boolean builtIn) {

  public RulePack {
    sources = List.copyOf(sources);
  }

  public String id() {
    return manifest.id();
  }

  public PackRef ref() {
    return new PackRef(manifest.id(), manifest.version());
  }
}

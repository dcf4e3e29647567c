package dev.failmode.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a command finds its rule packs: --rules, the project file, trust, the pack cache and Maven's local repository. */
final class PackOptions {
  @Option(names = {"-r", "--rules"}, paramLabel = "PACK",
      description = "A rule pack: a folder with pack.yaml and *.drl, a .zip or .jar of one, a Maven coordinate group:artifact:version,"
          + " or a built-in pack's id (core, envoy). Repeatable; replaces the project file's packs. Default: the project's, else core"
          + " (for rules list, show and doc: else every built-in pack).")
  List<String> rules = new ArrayList<>();

  @Option(names = "--project", paramLabel = "FILE",
      description = "The project file (default: failmode.yaml in the working directory, when there is one).")
  Path project;

  @Option(names = "--no-project", description = "Ignore failmode.yaml in the working directory.")
  boolean noProject;

  @Option(names = "--trust", paramLabel = "PACK-ID",
      description = "Skip the safety check for this pack: its DRL then runs with failmode's permissions. Only for packs you have"
          + " reviewed. Repeatable.")
  List<String> trust = new ArrayList<>();

  @Option(names = "--no-cache",
      description = "Compile packs that are not built in from their DRL, without reading or writing the pack cache"
          + " ($FAILMODE_CACHE_DIR, else ~/.cache/failmode; FAILMODE_CACHE_DIR=off turns it off too).")
  boolean noCache;

  @Option(names = "--maven-repo-local", paramLabel = "DIR",
      description = "The local Maven repository to resolve pack coordinates from (default: settings.xml's, else ~/.m2/repository).")
  Path mavenLocalRepository;
}

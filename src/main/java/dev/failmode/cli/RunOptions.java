package dev.failmode.cli;

import dev.failmode.report.Format;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code classify} and {@code check} share. */
final class RunOptions {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Failure-mode files, or folders to search for *.yaml and *.yml (default: the current folder).")
  List<Path> paths = new ArrayList<>();

  @picocli.CommandLine.Mixin PackOptions packs;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE, whole or not at all, instead of standard output.")
  Path output;

  @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "Set a rule pack parameter, e.g. --set window-share=30%% (or core.window-share=0.3). Repeatable.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--today", paramLabel = "DATE",
      description = "Judge waivers as of this date (YYYY-MM-DD) instead of today, which is the machine's local date (its"
          + " time zone, TZ): give it, or run with TZ=UTC, for the same verdicts on every runner.")
  LocalDate today;

  @Option(names = "--color", paramLabel = "WHEN",
      description = "Colour the text report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto honours NO_COLOR).")
  Terminal.ColorMode color = Terminal.ColorMode.AUTO;

  List<Path> pathsOrCurrent() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
  }


  LocalDate todayOrNow() {
    return today != null ? today : LocalDate.now();
  }
}

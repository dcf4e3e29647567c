package dev.failmode.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's training run for the class-data archive (pom.xml, execution class-data-archive),
 * not a command: the command lines CI jobs run, one after another in one JVM, each as
 * {@link Main#main} runs it, so that the archive holds the classes of every format they write.
 * Trained on {@code check} alone, a run writing SARIF, JUnit, GitHub annotations or JSON loaded
 * and verified its report's classes from the jar at every cold start.
 *
 * <pre>FAILMODE_CACHE_DIR=OUT_DIR/pack-cache java -XX:ArchiveClassesAtExit=failmode-cli.jsa -cp failmode-cli.jar dev.failmode.cli.Training EXAMPLES OUT_DIR PACK</pre>
 *
 * PACK is a pack folder (not built in), run twice beside core: held to the safety check and
 * compiled from its DRL, then read from the pack cache, as a team's own pack is at every run
 * after its first.
 *
 * Exits non-zero when a run ends in anything but 0 or 1 (the examples fail the check on purpose).
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: Training EXAMPLES OUT_DIR PACK");
      System.exit(2);
    }
    Path outputs = Path.of(args[1]);
    try {
      Files.createDirectories(outputs);
    } catch (IOException e) {
      System.err.println("training: cannot make " + outputs + ": " + e.getMessage());
      System.exit(2);
    }
    LoggingProvider.choose();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), false);
    for (List<String> run : runs(args[0], outputs, args[2])) {
      String[] line = run.toArray(String[]::new);
      // what a run says on standard error is kept for when it fails: the examples fail the check on purpose
      StringWriter said = new StringWriter();
      Main.prefetchRules(line);
      int code = Main.run(line, out, new PrintWriter(said, true));
      if (code > 1) {
        System.err.print(said);
        System.err.println("training: " + String.join(" ", run) + " exited " + code);
        System.exit(code);
      }
    }
    System.exit(0);
  }

  /**
   * The text check first, as the cold start users run most; then every format CI reads, from
   * check, and the formats of a risk review (HTML, YAML; Markdown is among check's) from classify.
   */
  private static List<List<String>> runs(String examples, Path out, String pack) {
    List<List<String>> runs = new ArrayList<>();
    runs.add(List.of("check", examples, "--no-project", "--output", out.resolve("check.txt").toString()));
    for (String format : List.of("json", "sarif", "junit", "github", "csv", "markdown")) {
      runs.add(List.of("check", examples, "--no-project", "--format", format, "--output", out.resolve("check." + format).toString()));
    }
    // and what architects write with classify for a risk review
    for (String format : List.of("json", "html", "yaml")) {
      runs.add(List.of("classify", examples, "--no-project", "--format", format, "--output", out.resolve("classify." + format).toString()));
    }
    runs.add(List.of("validate", examples));
    // help comes from the model picocli reads from the annotations (the runs above parse with QuickModel)
    runs.add(List.of("check", "--help"));
    // a project's own settings: its packs (built in here) read from its file, ahead, on the rule-base thread
    runs.add(List.of("check", examples, "--project", Path.of(examples, "failmode.yaml").toString(), "--output",
        out.resolve("check-project.txt").toString()));
    // a team's own pack beside core: compiled from DRL into the pack cache, then read from it
    for (int i = 0; i < 2; i++) {
      runs.add(List.of("check", examples, "--no-project", "--rules", "core", "--rules", pack, "--output",
          out.resolve("check-pack-" + i + ".txt").toString()));
    }
    return runs;
  }
}

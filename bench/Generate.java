import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a generated catalogue of failure-mode files for benchmarks and large-input tests:
 * MODES failure modes spread evenly over FILES files, each file a system with components of
 * ten failure modes, every field varied from a fixed seed (the same arguments give the same bytes).
 *
 *   java bench/Generate.java OUT_DIR MODES FILES [SEED]
 *   java bench/Generate.java target/bench/100k 100000 1000
 *
 * A single-file Java program: it needs nothing but the JDK.
 */
public final class Generate {
  private static final String[] EFFECTS = {"crash", "unavailable", "unexpected-termination", "degraded", "slow", "overload",
      "resource-exhaustion", "permission-denied", "stale-data", "incorrect-data", "incomplete-data", "data-loss"};
  private static final String[] IMPACTS = {"none", "degraded", "outage"};
  private static final String[] CAUSES = {"config-error", "default-setting", "resource-leak", "memory-safety", "overload", "dependency",
      "permissions", "bug", "missing-feature", "operator-error", "unknown"};
  private static final String[] PHASES = {"startup", "runtime", "deploy", "config-change", "upgrade", "shutdown"};
  private static final String[] DETECTION = {"immediate", "minutes", "hours", "silent"};
  private static final String[] USAGE = {"heavy", "moderate", "light", "unused"};
  private static final String[] PER = {"year", "month", "week"};
  private static final String[] TARGETS = {"99.99", "99.95", "99.9", "99.5", "99"};
  private static final int[] WINDOWS = {7, 28, 30, 90, 365};

  private Generate() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: java bench/Generate.java OUT_DIR MODES FILES [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int modes = Integer.parseInt(args[1]);
    int files = Integer.parseInt(args[2]);
    Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42L);
    Files.createDirectories(out);
    int perFile = (modes + files - 1) / files;
    int written = 0;
    for (int f = 0; f < files && written < modes; f++) {
      int here = Math.min(perFile, modes - written);
      try (Writer w = Files.newBufferedWriter(out.resolve(String.format("system-%05d.yaml", f)), StandardCharsets.UTF_8)) {
        w.write("apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: system-" + f + "\n  owner: team-" + (f % 37) + "\n");
        if (random.nextInt(10) > 0) {
          w.write("slo:\n  target: " + pick(TARGETS, random) + "\n  window: " + WINDOWS[random.nextInt(WINDOWS.length)] + "d\n");
        }
        w.write("components:\n");
        for (int m = 0; m < here; m++) {
          if (m % 10 == 0) {
            w.write("  - name: component-" + (m / 10) + "\n    software: software-" + random.nextInt(50) + "\n    usage: "
                + pick(USAGE, random) + "\n");
            if (random.nextBoolean()) {
              w.write("    tolerance: " + (5 + random.nextInt(60)) + "m\n");
            }
            w.write("    failureModes:\n");
          }
          w.write("      - id: mode-" + m + "\n        description: generated failure mode " + m + " of system " + f
              + ", with some words to read\n        effect: " + pick(EFFECTS, random) + "\n        cause: " + pick(CAUSES, random)
              + "\n        phase: " + pick(PHASES, random) + "\n");
          if (random.nextInt(10) > 1) {
            w.write("        userImpact: " + pick(IMPACTS, random) + "\n");
          }
          if (random.nextInt(10) > 2) {
            w.write("        duration: " + (1 + random.nextInt(120)) + "m\n");
          }
          if (random.nextInt(10) > 3) {
            w.write("        frequency: " + (1 + random.nextInt(12)) + "/" + pick(PER, random) + "\n");
          }
          if (random.nextInt(10) > 5) {
            w.write("        detection: " + pick(DETECTION, random) + "\n");
          }
          if (random.nextInt(20) == 0) {
            w.write("        incidents:\n          - id: INC-" + f + "-" + m + "\n            remediated: " + random.nextBoolean() + "\n");
          }
          if (random.nextInt(10) == 0) {
            w.write("        remediations:\n          - type: workaround\n            description: restart it\n            status: done\n");
          }
          written++;
        }
      }
    }
    System.out.println("wrote " + written + " failure modes in " + Math.min(files, (modes + perFile - 1) / perFile) + " files to " + out);
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}

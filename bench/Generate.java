import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes a generated catalogue of failure-mode files for benchmarks and large-input tests:
 * MODES failure modes spread evenly over FILES files, each file a system with components of
 * ten failure modes, every field varied from a fixed seed (the same arguments give the same bytes).
 *
 * With --rich, a catalogue unlike that one, to try the bounds on other shapes: files of uneven
 * size in nested folders (.yaml and .yml), components of 1 to 40 modes, every optional field of
 * the format (claims, waivers, incidents with dates, several remediations, blast radius, mixed
 * duration units, daily frequencies, targets written "99.95%"), and quoted, multi-line and
 * non-ASCII text.
 *
 * With --sparse, a catalogue as a team's first draft looks: only what the format requires (a
 * name per file and component; an id, a description and an effect per failure mode), no SLO.
 * Reading it costs the least per failure mode of the three, while the rules still judge every
 * mode and the report still explains each, so classifying costs the most against reading.
 *
 * With --uneven, files of very unequal size, as a platform team's catalogue can be: four files
 * hold four fifths of the failure modes (small user-facing failures of one SLO, most of them OK
 * TO BREAK, which the core pack then adds up per file), the other files share the rest, a few
 * modes each, in folders up to four deep. A large file taken last would be read and judged by
 * one core alone, and a per-file rule meets tens of thousands of modes at once.
 *
 *   java bench/Generate.java [--rich|--sparse|--uneven] OUT_DIR MODES FILES [SEED]
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

  public static void main(String[] arguments) throws IOException {
    boolean rich = arguments.length > 0 && arguments[0].equals("--rich");
    boolean sparse = arguments.length > 0 && arguments[0].equals("--sparse");
    boolean uneven = arguments.length > 0 && arguments[0].equals("--uneven");
    String[] args = rich || sparse || uneven ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
    if (args.length < 3) {
      System.err.println("usage: java bench/Generate.java [--rich|--sparse|--uneven] OUT_DIR MODES FILES [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int modes = Integer.parseInt(args[1]);
    int files = Integer.parseInt(args[2]);
    Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42L);
    Files.createDirectories(out);
    if (rich) {
      rich(out, modes, files, random);
      return;
    }
    if (sparse) {
      sparse(out, modes, files, random);
      return;
    }
    if (uneven) {
      uneven(out, modes, files, random);
      return;
    }
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

  /** The --sparse catalogue: see the class comment. */
  private static void sparse(Path out, int modes, int files, Random random) throws IOException {
    int perFile = (modes + files - 1) / files;
    int written = 0;
    int f = 0;
    for (; f < files && written < modes; f++) {
      int here = Math.min(perFile, modes - written);
      try (Writer w = Files.newBufferedWriter(out.resolve(String.format("draft-%05d.yaml", f)), StandardCharsets.UTF_8)) {
        w.write("apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: draft-" + f + "\ncomponents:\n");
        for (int m = 0; m < here; m++) {
          if (m % 10 == 0) {
            w.write("  - name: c" + (m / 10) + "\n    failureModes:\n");
          }
          w.write("      - id: m" + m + "\n        description: mode " + m + "\n        effect: " + pick(EFFECTS, random) + "\n");
        }
      }
      written += here;
    }
    System.out.println("wrote " + written + " failure modes in " + f + " files (sparse) to " + out);
  }

  /** The --uneven catalogue: see the class comment. */
  private static void uneven(Path out, int modes, int files, Random random) throws IOException {
    int large = Math.min(4, files);
    int small = files - large;
    // four fifths in the large files, as long as every small file still gets one
    int inLarge = small == 0 ? modes : Math.max(large, Math.min(modes * 4 / 5, modes - small));
    boolean[] isLarge = new boolean[files];
    for (int k = 0; k < large; k++) {
      isLarge[(k + 1) * files / large - 1] = true; // spread over the name order, the last file one of them
    }
    int written = 0;
    for (int f = 0, k = 0, j = 0; f < files; f++) {
      int here = isLarge[f] ? inLarge / large + (k++ < inLarge % large ? 1 : 0)
          : (modes - inLarge) / small + (j++ < (modes - inLarge) % small ? 1 : 0);
      StringBuilder folder = new StringBuilder();
      for (int depth = 0, deep = isLarge[f] ? 1 : f % 5; depth < deep; depth++) {
        folder.append("level-").append((f >> depth) % 3).append('/');
      }
      String name = (isLarge[f] ? "platform-" : "service-") + String.format("%04d", f);
      Path file = out.resolve(folder + name + (f % 2 == 0 ? ".yaml" : ".yml"));
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        // the large files: one day of 99.5% (a 7.2 minute budget), which their small OKs add up past
        w.write("apiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n  name: " + name + "\nslo:\n  target: "
            + (isLarge[f] ? "99.5" : pick(TARGETS, random)) + "\n  window: " + (isLarge[f] ? 1 : WINDOWS[random.nextInt(WINDOWS.length)])
            + "d\ncomponents:\n");
        for (int m = 0; m < here; m++) {
          if (m % (isLarge[f] ? 50 : 1) == 0) {
            w.write("  - name: c" + m + "\n    usage: " + (random.nextInt(20) == 0 ? "unused" : "heavy") + "\n    failureModes:\n");
          }
          if (isLarge[f]) {
            w.write("      - id: m" + m + "\n        description: small failure " + m + "\n        effect: "
                + (random.nextInt(10) == 0 ? "crash" : "slow") + "\n        userImpact: degraded\n        duration: "
                + (1 + random.nextInt(4) * 15) + "s\n        frequency: " + (1 + random.nextInt(3)) + "/month\n");
          } else {
            w.write("      - id: m" + m + "\n        description: failure " + m + " of service " + f + "\n        effect: "
                + pick(EFFECTS, random) + "\n        userImpact: " + pick(IMPACTS, random) + "\n        duration: "
                + (1 + random.nextInt(90)) + "m\n");
          }
        }
      }
      written += here;
    }
    System.out.println("wrote " + written + " failure modes in " + files + " files (uneven) to " + out);
  }

  private static final String[] ALL_PER = {"year", "month", "week", "day"};
  private static final String[] BLAST = {"instance", "host", "zone", "cluster", "region", "global"};
  private static final String[] MATURITY = {"new", "maturing", "mature"};
  private static final String[] ROLES = {"control-plane", "data-plane", "storage", "proxy", "networking", "scheduler", "observability",
      "batch", "other"};
  private static final String[] REMEDIATION_TYPES = {"config-change", "upstream-fix", "workaround", "process", "monitoring"};
  private static final String[] REMEDIATION_STATUSES = {"planned", "in-progress", "done"};

  /** The --rich catalogue: see the class comment. */
  private static void rich(Path out, int modes, int files, Random random) throws IOException {
    Files.createDirectories(out.resolve("teams/platform"));
    int written = 0;
    int f = 0;
    for (; f < files && written < modes; f++) {
      // half to one and a half times an even share, the last file taking what is left
      int left = files - f;
      int here = left == 1 ? modes - written
          : Math.max(1, Math.min(modes - written - (left - 1), (int) ((modes - written) / left * (0.5 + random.nextDouble()))));
      String folder = f % 3 == 0 ? "teams/" : f % 3 == 1 ? "teams/platform/" : "";
      Path file = out.resolve(folder + "service-" + f + (f % 2 == 0 ? ".yaml" : ".yml"));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write("# a generated service (bench/Generate.java --rich)\napiVersion: failmode/v1\nkind: FailureModes\nmetadata:\n"
            + "  name: \"service-" + f + "\"\n  owner: team-" + (f % 11) + "\n  description: |\n"
            + "    A service with \"quotes\", a check mark \u2713 and a second line.\n    Its second line.\n");
        if (random.nextInt(5) > 0) {
          String target = random.nextBoolean() ? "\"99." + (10 + random.nextInt(90)) + "%\"" : "99." + random.nextInt(100);
          w.write("slo:\n  target: " + target + "\n" + (random.nextBoolean() ? "  window: " + (1 + random.nextInt(400)) + "d\n" : ""));
        }
        w.write("components:\n");
        for (int component = 0, m = 0; m < here; component++) {
          w.write("  - name: component-" + component + "\n    software: software-" + random.nextInt(9) + "\n    version: \"1."
              + random.nextInt(30) + "\"\n    maturity: " + pick(MATURITY, random) + "\n    usage: " + pick(USAGE, random)
              + "\n    role: " + pick(ROLES, random) + "\n    stateless: " + random.nextBoolean() + "\n");
          if (random.nextBoolean()) {
            w.write("    tolerance: " + (1 + random.nextInt(90)) + "m\n");
          }
          w.write("    failureModes:\n");
          for (int k = 0, inComponent = Math.min(here - m, 1 + random.nextInt(40)); k < inComponent; k++, m++) {
            richMode(w, f, m, k, random);
          }
        }
      }
      written += here;
    }
    System.out.println("wrote " + written + " failure modes in " + f + " files (rich) to " + out);
  }

  private static void richMode(Writer w, int f, int m, int k, Random random) throws IOException {
    w.write("      - id: mode-" + k + "-" + Integer.toHexString(random.nextInt()) + "\n        description: \"mode " + k
        + ": \u00e9t\u00e9, \u4e2d\u6587, a tab\\t and a colon: here\"\n        effect: " + pick(EFFECTS, random) + "\n");
    if (random.nextInt(4) > 0) {
      w.write("        phase: " + pick(PHASES, random) + "\n");
    }
    if (random.nextInt(4) > 0) {
      w.write("        cause: " + pick(CAUSES, random) + "\n");
    }
    if (random.nextInt(5) > 0) {
      int unit = random.nextInt(4);
      w.write("        duration: " + (unit == 0 ? (1 + random.nextInt(3600)) + "s" : unit == 1 ? (1 + random.nextInt(300)) + "m"
          : unit == 2 ? (1 + random.nextInt(48)) + "h" : (1 + random.nextInt(3)) + "d") + "\n");
    }
    if (random.nextInt(5) > 0) {
      w.write("        frequency: " + (1 + random.nextInt(30)) + "/" + pick(ALL_PER, random) + "\n");
    }
    if (random.nextInt(6) > 0) {
      w.write("        userImpact: " + pick(IMPACTS, random) + "\n");
    }
    if (random.nextBoolean()) {
      w.write("        detection: " + pick(DETECTION, random) + "\n");
    }
    if (random.nextBoolean()) {
      w.write("        blastRadius: " + pick(BLAST, random) + "\n");
    }
    if (random.nextInt(4) == 0) {
      w.write("        tolerance: " + (1 + random.nextInt(60)) + "m\n");
    }
    if (random.nextInt(3) == 0) {
      w.write("        claim: " + (random.nextBoolean() ? "ok-to-break" : "not-ok") + "\n");
    }
    if (random.nextInt(6) == 0) {
      w.write("        incidents:\n");
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        w.write("          - id: INC-" + f + "-" + m + "-" + i + "\n            date: 2025-0" + (1 + random.nextInt(9)) + "-1"
            + random.nextInt(10) + "\n            summary: it happened\n            remediated: " + random.nextBoolean() + "\n");
      }
    }
    if (random.nextInt(3) == 0) {
      w.write("        remediations:\n");
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        w.write("          - type: " + pick(REMEDIATION_TYPES, random) + "\n            description: remedy " + i
            + "\n            status: " + pick(REMEDIATION_STATUSES, random) + "\n"
            + (random.nextBoolean() ? "            ref: https://example.org/issue/" + i + "\n" : ""));
      }
    }
    if (random.nextInt(8) == 0) {
      w.write("        waiver:\n          reason: accepted for now\n          owner: owner@example.org\n          expires: "
          + (random.nextBoolean() ? "2027" : "2025") + "-0" + (1 + random.nextInt(9)) + "-15\n");
    }
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}

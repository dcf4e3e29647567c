package dev.failmode.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failmode.Fixtures;
import dev.failmode.engine.Engine;
import dev.failmode.engine.ParameterValues;
import dev.failmode.engine.RuleBase;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Problem;
import dev.failmode.model.Report;
import dev.failmode.policy.Policy;
import dev.failmode.report.Format;
import dev.failmode.report.Rendering;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of valid failure-mode files (the examples and every pack fixture): lines
 * deleted, duplicated, swapped and re-indented, values replaced by hostile tokens, bytes flipped,
 * files cut short. Every mutant goes the whole way, loading, classifying and writing every
 * format, and must end in one of the outcomes the CLI maps to exit 0, 1 or 2: a report, or located
 * problems. No exception, no hang (each mutant has a time bound).
 *
 * <p>5,000 mutants by default with a fixed seed; {@code mvn verify -Pfuzz} runs 100,000, and
 * {@code -Dfailmode.fuzz.seed=N} another sequence. A failing mutant is saved under
 * target/fuzz-findings/ to become a corpus file.
 */
class MutationFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("failmode.fuzz.iterations", 5_000);
  private static final long SEED = Long.getLong("failmode.fuzz.seed", 20261126L);
  private static final List<String> TOKENS = List.of("", "~", "null", "[]", "{}", "[", "{", "]", "}", "&a", "*a", "<<", "!!binary aGk=",
      "!custom", "\"", "'", ":", ": :", "- ", "-", "--- ", "...", "\t", "  ", "#", "%YAML 1.1", "? x", "|", ">", "99.99%", "100",
      "0", "-1", "1e400", "99999999999999999999999999", "0/year", "4/yr", "5 minutes", "-3m", "0s", "3651d", "2027-02-30",
      "2027-13-01", "yes", "no", "true", "NaN", ".inf", "crash", "incorrect-data", "unused", "silent", "outage", "none",
      "ok-to-break", "not-ok", "done", "planned", "config-error", "\u00e9\u00e8", "\uD83D\uDCA5", "\u202e", "<script>", "%0A", "\\u0000",
      "x".repeat(300), "apiVersion", "kind", "metadata", "components", "failureModes", "effect", "duration", "frequency", "waiver",
      "incidents", "remediations", "tolerance", "slo", "target", "window");
  private static final RuleBase RULES = Fixtures.core();
  private static final List<String> SEEDS = new ArrayList<>();
  @TempDir
  static Path work;
  private static ExecutorService executor;

  @BeforeAll
  static void seeds() throws IOException {
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "fuzz");
      thread.setDaemon(true);
      return thread;
    });
    try (Stream<Path> files = Stream.concat(Files.list(Fixtures.project().resolve("examples")),
        Files.walk(Fixtures.project().resolve("rules")))) {
      files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("pack.yaml") && !p.endsWith("failmode.yaml")).sorted()
          .forEach(p -> {
            try {
              SEEDS.add(Files.readString(p));
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  @Test
  void mutantsOfValidFilesNeverCrashOrHang() throws Exception {
    Random random = new Random(SEED);
    int reports = 0;
    int problems = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] mutant = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
      Path file = work.resolve("mutant.yaml");
      Files.write(file, mutant);
      Future<Boolean> run = executor.submit(() -> runOnce(file));
      boolean reported;
      try {
        reported = run.get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        run.cancel(true);
        throw new AssertionError("mutant " + i + " did not finish within 10 s; saved as " + save(i, mutant));
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError("mutant " + i + " failed; saved as " + save(i, mutant) + ": " + e.getCause(), e.getCause());
      }
      if (reported) {
        reports++;
      } else {
        problems++;
      }
    }
    assertThat(reports + problems).isEqualTo(ITERATIONS);
    assertThat(reports).as("some mutants stay valid").isPositive();
    assertThat(problems).as("most mutants break something").isPositive();
  }

  /** One mutant the whole way: returns true for a report (exit 0 or 1), false for located problems (exit 2). */
  private static boolean runOnce(Path file) throws Exception {
    LoadResult loaded = new CatalogueLoader(work).load(List.of(file));
    if (!loaded.ok()) {
      for (Problem problem : loaded.problems()) {
        assertThat(problem.location().file()).isEqualTo("mutant.yaml");
        assertThat(problem.location().line()).as(problem.toString()).isPositive();
        assertThat(problem.message()).isNotBlank();
      }
      return false;
    }
    Report report = new Engine(RULES, ParameterValues.resolve(RULES.packs(), Map.of()), Fixtures.TODAY).classify(loaded.catalogues());
    assertThat(report.results()).hasSize(loaded.catalogues().stream().mapToInt(c -> c.failureModes().size()).sum());
    Rendering rendering = Rendering.plain(report, Policy.strict().judge(report));
    for (Format format : Format.values()) {
      format.writer().write(rendering, new StringWriter());
    }
    return true;
  }

  static byte[] mutate(String seed, Random random) {
    List<String> lines = new ArrayList<>(List.of(seed.split("\n", -1)));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(9)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          int other = random.nextInt(lines.size());
          String swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
        case 3 -> lines.set(at, " ".repeat(random.nextInt(3)) + lines.get(at).substring(Math.min(lines.get(at).length(),
            random.nextInt(3))));
        case 4, 5 -> {
          String line = lines.get(at);
          int colon = line.indexOf(": ");
          String token = TOKENS.get(random.nextInt(TOKENS.size()));
          lines.set(at, colon >= 0 ? line.substring(0, colon + 2) + token : line + token);
        }
        case 6 -> {
          String line = lines.get(at);
          int colon = line.indexOf(':');
          String key = TOKENS.get(random.nextInt(TOKENS.size()));
          lines.set(at, colon > 0 ? line.substring(0, line.length() - line.stripLeading().length()) + key + line.substring(colon) : line);
        }
        case 7 -> lines.add(at, " ".repeat(random.nextInt(10)) + TOKENS.get(random.nextInt(TOKENS.size())) + ": "
            + TOKENS.get(random.nextInt(TOKENS.size())));
        default -> lines.set(at, lines.get(at).substring(0, random.nextInt(lines.get(at).length() + 1)));
      }
    }
    byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(10) == 0 && bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    if (random.nextInt(20) == 0) {
      bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }
    return bytes;
  }

  private static Path save(int index, byte[] mutant) throws IOException {
    Path dir = Fixtures.project().resolve("target/fuzz-findings");
    Files.createDirectories(dir);
    return Files.write(dir.resolve("mutant-" + SEED + "-" + index + ".yaml"), mutant);
  }
}

import dev.failmode.engine.Engine;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.ParameterValues;
import dev.failmode.engine.RuleBase;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Report;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much of the rules' time in a large run is their first run in the JVM: reads a catalogue,
 * builds the core pack's rule base, then classifies the whole catalogue RUNS times in the same
 * JVM and prints each time. The first run pays the JIT compiling what the rules make hot (C1
 * works through it on one thread while the rules run interpreted); the later runs are what the
 * same work costs compiled. Run it with the launcher's JVM options, so that it measures what
 * `classify` pays:
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt
 * cp="target/classes:$(cat target/bench/classpath.txt)"
 * javac -cp "$cp" -d target/bench/first-run bench/FirstRun.java
 * java -XX:+UseSerialGC -XX:MaxTenuringThreshold=1 -Xmn128m -Xms512m -XX:TieredStopAtLevel=1 \
 *   -XX:CICompilerCount=1 -cp "target/bench/first-run:$cp" FirstRun target/bench/sparse-100k 6
 * </pre>
 *
 * (compiled first rather than run as a source file, which would compile it in the measured JVM).
 */
public final class FirstRun {
  private FirstRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: FirstRun CATALOGUE RUNS");
      System.exit(2);
    }
    Path here = Path.of("").toAbsolutePath();
    LoadResult loaded = new CatalogueLoader(here).load(List.of(Path.of(args[0])));
    if (!loaded.ok()) {
      System.err.println("the catalogue does not load: " + loaded.problems().get(0));
      System.exit(2);
    }
    List<Catalogue> catalogues = loaded.catalogues();
    RuleBase rules = RuleBase.compile(List.of(new PackLoader(here).builtIn("core")), Set.of("core"));
    Engine engine = new Engine(rules, ParameterValues.resolve(rules.packs(), Map.of()), LocalDate.of(2026, 11, 26));
    int runs = Integer.parseInt(args[1]);
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      Report report = engine.classify(catalogues);
      System.out.printf("run %d: %d failure modes in %d ms%n", run, report.results().size(), (System.nanoTime() - start) / 1_000_000);
    }
  }
}

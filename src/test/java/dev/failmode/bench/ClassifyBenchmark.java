package dev.failmode.bench;

import dev.failmode.engine.Engine;
import dev.failmode.engine.PackException;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.ParameterValues;
import dev.failmode.engine.RuleBase;
import dev.failmode.engine.RuleFailure;
import dev.failmode.engine.RulePack;
import dev.failmode.load.CatalogueLoader;
import dev.failmode.load.LoadResult;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Report;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput with the rule base already loaded, in failure modes per second: the
 * engine's share of a large run, without reading files or writing reports.
 *
 * <p>{@code rules=core} is the core pack as failmode runs it; {@code rules=core-from-drl} is the
 * baseline, the same DRL compiled at run time as a straightforward Drools embedding would. The
 * catalogue is a generated one of exactly {@value #MODES} failure modes (bench/run makes it with
 * bench/Generate.java). Run by bench/run; on its own:
 *
 * <pre>java -cp CLASSPATH org.openjdk.jmh.Main ClassifyBenchmark -p catalogue=target/bench/10k</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ClassifyBenchmark {
  static final int MODES = 10_000;

  @Param("target/bench/10k")
  public String catalogue;

  @Param({"core", "core-from-drl"})
  public String rules;

  private Engine engine;
  private List<Catalogue> catalogues;

  @Setup
  public void setUp() throws PackException {
    LoadResult loaded = new CatalogueLoader(Path.of("").toAbsolutePath()).load(List.of(Path.of(catalogue)));
    if (!loaded.ok()) {
      throw new IllegalStateException("the benchmark catalogue does not load: " + loaded.problems());
    }
    catalogues = loaded.catalogues();
    int modes = catalogues.stream().mapToInt(c -> c.failureModes().size()).sum();
    if (modes != MODES) {
      throw new IllegalStateException(catalogue + " holds " + modes + " failure modes; the benchmark counts " + MODES);
    }
    PackLoader packs = new PackLoader(Path.of("").toAbsolutePath());
    RulePack core = rules.equals("core") ? packs.builtIn("core") : packs.resolve("rules/core");
    RuleBase base = RuleBase.compile(List.of(core), Set.of("core"));
    if (rules.equals("core") != base.precompiled().contains("core")) {
      throw new IllegalStateException("rules=" + rules + " but precompiled=" + base.precompiled());
    }
    engine = new Engine(base, ParameterValues.resolve(base.packs(), Map.of()), LocalDate.of(2026, 11, 26));
  }

  @Benchmark
  @OperationsPerInvocation(MODES)
  public Report classify() throws RuleFailure {
    return engine.classify(catalogues);
  }
}

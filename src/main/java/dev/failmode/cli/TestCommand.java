package dev.failmode.cli;

import dev.failmode.engine.PackException;
import dev.failmode.engine.PackLoader;
import dev.failmode.engine.PackManifest;
import dev.failmode.engine.PackTestSuite;
import dev.failmode.engine.PackTests;
import dev.failmode.engine.ParameterValues;
import dev.failmode.engine.RuleBase;
import dev.failmode.engine.RuleInfo;
import dev.failmode.engine.RulePack;
import dev.failmode.load.Suggest;
import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import dev.failmode.model.Text;
import dev.failmode.report.AtomicOutput;
import dev.failmode.report.Xml;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true, usageHelpWidth = 100, versionProvider = FailmodeCommand.Version.class,
    description = {
        "Run rule packs' own fixtures (tests/<rule-id>/<expectation>-<case>.yaml beside the DRL) and say, per rule, what"
            + " passed and which rules no fixture exercised.",
        "",
        "Without PACK: the pack in the working directory (./pack.yaml), else every pack folder under ./rules/, else the"
            + " built-in packs. A pack is tested with the packs it depends on."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every fixture passed, and coverage is at least --coverage-min", "1:a fixture failed, or coverage is too low",
        "2:a pack cannot be loaded or compiled"})
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LoggingOptions logging;

  @Parameters(paramLabel = "PACK", arity = "0..*", description = "Packs to test: folders, archives, coordinates or built-in ids.")
  List<String> specs = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text or junit (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the results to FILE, whole or not at all.")
  Path output;

  @Option(names = "--coverage-min", paramLabel = "PERCENT",
      description = "Fail when fewer than this share of a pack's rules have a passing fixture that makes them fire: 80 or 80%%"
          + " (default: 0).")
  String coverageMinText = "0";

  /** --coverage-min as a percentage, once call() has read it. */
  private double coverageMin;

  @Option(names = "--today", paramLabel = "DATE", description = "Judge waivers in fixtures as of this ISO date.")
  LocalDate today;

  @Option(names = "--trust", paramLabel = "PACK-ID", description = "Skip the safety check for this pack. Repeatable.")
  List<String> trust = new ArrayList<>();

  @Option(names = "--maven-repo-local", paramLabel = "DIR", description = "The local Maven repository for pack coordinates.")
  Path mavenLocalRepository;

  @Option(names = "--no-cache", description = "Compile the packs from their DRL, without reading or writing the pack cache.")
  boolean noCache;

  /** A percentage from 0 to 100, written 80 or 80%. */
  static double percentage(String text) throws UserError {
    String written = text.strip();
    String number = written.endsWith("%") ? written.substring(0, written.length() - 1).strip() : written;
    double value;
    try {
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value >= 0 && value <= 100) || number.isEmpty() || !Character.isDigit(number.charAt(number.length() - 1))) {
      throw new UserError("--coverage-min: '" + text + "' is not a percentage from 0 to 100 (80 or 80%)");
    }
    return value;
  }

  @Override
  public Integer call() throws UserError {
    format = format.trim().toLowerCase(java.util.Locale.ROOT); // as the report formats take JSON or Json
    if (!format.equals("text") && !format.equals("junit")) {
      throw new UserError("--format is text or junit, not '" + format + "'");
    }
    coverageMin = percentage(coverageMinText);
    List<PackTestSuite> suites = new ArrayList<>();
    List<String> toTest = packsToTest();
    Map<String, RulePack> pool = dependencyPool(toTest);
    for (String pack : toTest) {
      suites.add(test(pack, pool));
    }
    trustedInPool(pool);
    boolean passed = suites.stream().allMatch(s -> s.passed() && s.coverage() >= coverageMin);
    AtomicOutput.Content content = writer -> {
      if (format.equals("junit")) {
        junit(suites, writer);
      } else {
        text(suites, writer);
      }
    };
    CommandOutput.write(spec, output, content);
    return passed ? ExitCode.OK : ExitCode.POLICY;
  }

  private List<String> packsToTest() throws UserError {
    if (!specs.isEmpty()) {
      return specs;
    }
    if (Files.isRegularFile(Path.of("pack.yaml"))) {
      return List.of("."); // a pack's own repository: testing the built-in packs there would pass for it
    }
    List<String> found = packFoldersInRules();
    return found.isEmpty() ? Setup.builtIns() : found;
  }

  /** The pack folders under ./rules, where a team keeps its packs side by side; none when there is no such folder. */
  private static List<String> packFoldersInRules() throws UserError {
    Path rules = Path.of("rules");
    if (!Files.isDirectory(rules)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(rules)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pack.yaml"))).sorted().map(Path::toString).toList();
    } catch (IOException e) {
      throw new UserError("cannot read ./rules: " + e.getMessage());
    }
  }

  /**
   * The packs a pack under test may depend on, by id: those being tested and those in ./rules (a
   * team keeps its packs side by side there). Built-in packs are not in it: a dependency on one is
   * loaded without being named. A pack that cannot be read is left out here; testing it says why.
   */
  private Map<String, RulePack> dependencyPool(List<String> toTest) throws UserError {
    List<String> candidates = new ArrayList<>(toTest);
    packFoldersInRules().stream().filter(d -> !candidates.contains(d)).forEach(candidates::add);
    PackLoader loader = new PackLoader(Path.of("").toAbsolutePath(), mavenLocalRepository);
    Map<String, RulePack> pool = new LinkedHashMap<>();
    for (String candidate : candidates) {
      try {
        RulePack pack = loader.resolve(candidate);
        if (!pack.builtIn()) {
          pool.putIfAbsent(pack.id(), pack);
        }
      } catch (PackException e) {
        // reported when the pack itself is tested
      }
    }
    return pool;
  }

  /**
   * Each --trust must name a pack of the pool (those tested and those in ./rules): a misspelt id
   * would otherwise trust nothing, and a pack meant to be trusted be refused with no word on why.
   */
  private void trustedInPool(Map<String, RulePack> pool) throws UserError {
    List<Problem> problems = new ArrayList<>();
    for (String id : trust) {
      if (!pool.containsKey(id)) {
        problems.add(new Problem(Location.of("--trust " + id), "", (PackLoader.BUILT_IN.contains(id)
            ? id + " is built in: built-in packs are not held to the safety check, so trusting it changes nothing; remove it"
            : "no pack " + id + " is tested or in ./rules, so trusting it changes nothing" + Suggest.didYouMean(id, pool.keySet()))));
      }
    }
    if (!problems.isEmpty()) {
      throw new UserError("the rule packs cannot be used", problems);
    }
  }

  /** The ids of {@code pack} and of the packs it depends on, found in {@code pool}. */
  private static List<String> dependencyIds(RulePack pack, Map<String, RulePack> pool) {
    Set<String> seen = new LinkedHashSet<>();
    collect(pack, pool, seen, new ArrayList<>());
    return List.copyOf(seen);
  }

  /** The specs of the packs {@code pack} depends on, found in {@code pool}, its dependencies' dependencies first. */
  private static List<String> dependencies(RulePack pack, Map<String, RulePack> pool) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> specs = new ArrayList<>();
    collect(pack, pool, seen, specs);
    specs.remove(pack.spec());
    return specs;
  }

  private static void collect(RulePack pack, Map<String, RulePack> pool, Set<String> seen, List<String> specs) {
    if (!seen.add(pack.id())) {
      return;
    }
    for (PackManifest.Dependency dependency : pack.manifest().dependencies()) {
      RulePack needed = pool.get(dependency.id());
      if (needed != null) {
        collect(needed, pool, seen, specs);
      }
    }
    specs.add(pack.spec());
  }

  private PackTestSuite test(String spec, Map<String, RulePack> pool) throws UserError {
    PackOptions options = new PackOptions();
    // the pack and, from the pool, what it depends on: its fixtures are judged by those rules alone
    RulePack under = pool.values().stream().filter(p -> p.spec().equals(spec)).findFirst().orElse(null);
    List<String> specs = new ArrayList<>(under == null ? List.of() : dependencies(under, pool));
    specs.add(spec);
    options.rules = specs;
    // each run is given the trust of the packs it loads (checked against the pool as a whole after);
    // a pack not in the pool is built in, or fails to load and says why
    List<String> ids = under == null ? List.of() : dependencyIds(under, pool);
    options.trust = trust.stream().filter(ids::contains).toList();
    options.noProject = true;
    options.mavenLocalRepository = mavenLocalRepository;
    options.noCache = noCache;
    Setup setup = Setup.of(options, List.of(), Map.of());
    RuleBase rules = setup.compile();
    RulePack pack = setup.packs.stream().filter(p -> p.spec().equals(spec)).findFirst().orElse(setup.packs.get(setup.packs.size() - 1));
    try {
      return PackTestSuite.run(pack, rules, ParameterValues.resolve(setup.packs, Map.of()), today == null ? LocalDate.now() : today,
          Path.of("").toAbsolutePath());
    } catch (PackException e) {
      throw new UserError("the rule packs cannot be used", e.problems());
    } catch (IOException e) {
      throw new UserError("cannot read the fixtures of " + spec + ": " + e.getMessage());
    }
  }

  /** The kinds of rule rule-authoring.md names: what reports and rules doc call a rule. */
  private static final List<String> KINDS = List.of("verdict", "note", "suggestion", "finding");

  private void text(List<PackTestSuite> suites, Writer out) throws IOException {
    for (PackTestSuite suite : suites) {
      long failed = suite.outcomes().stream().filter(o -> !o.passed()).count();
      out.write(Text.printable(suite.pack().id() + " " + suite.pack().manifest().version() + " (" + suite.pack().origin() + "): ")
          + Text.count(suite.outcomes().size(), "fixture") + ", " + (suite.outcomes().size() - failed) + " passed"
          + (failed == 0 ? "" : ", " + failed + " failed")
          + (suite.problems().isEmpty() ? "" : ", " + Text.count(suite.problems().size(), "problem")) + "\n");
      int width = suite.rules().stream().mapToInt(r -> r.id().length()).max().orElse(0);
      for (RuleInfo rule : suite.rules()) {
        List<PackTests.Outcome> outcomes = suite.of(rule);
        long bad = outcomes.stream().filter(o -> !o.passed()).count();
        String state = outcomes.isEmpty() ? "none" : bad > 0 ? "FAIL" : "ok";
        out.write(String.format(Locale.ROOT, "  %-4s  %-" + width + "s  %s%s%n", state, rule.id(), Text.count(outcomes.size(), "fixture"),
            bad == 0 ? "" : ", " + bad + " failed"));
        for (PackTests.Outcome outcome : outcomes) {
          for (String failure : outcome.failures()) {
            out.write("          " + Text.printable(outcome.testCase().shown() + ": " + failure) + "\n");
          }
        }
      }
      for (String problem : suite.problems()) {
        out.write("  FAIL  " + Text.printable(problem) + "\n"); // fixtures' problems quote the fixtures' text
      }
      for (RuleInfo rule : suite.rules()) {
        // what reports and rules doc show of a rule, written as rule-authoring.md asks of shared packs; a note, not a failure
        List<String> missing = new ArrayList<>();
        String kind = rule.metadata().getOrDefault("kind", "");
        if (!KINDS.contains(kind)) {
          missing.add(kind.isEmpty() ? "no @kind" : "@kind(\"" + kind + "\") is not one of " + String.join(", ", KINDS));
        }
        if (rule.title().isBlank()) {
          missing.add("no @title");
        }
        if (rule.description().isBlank()) {
          missing.add("no @description");
        }
        if (!missing.isEmpty()) {
          out.write("  note: " + Text.printable(rule.id() + ": " + String.join("; ", missing)) + "\n");
        }
      }
      List<RuleInfo> notExercised = suite.notExercised();
      out.write("  not exercised: " + (notExercised.isEmpty() ? "none" : String.join(", ", notExercised.stream().map(RuleInfo::id)
          .toList())) + "\n");
      List<RuleInfo> neverQuiet = suite.neverQuiet();
      if (!neverQuiet.isEmpty()) {
        out.write("  no fixture where it must stay quiet: " + String.join(", ", neverQuiet.stream().map(RuleInfo::id).toList()) + "\n");
      }
      // Text.percent: never a round figure the share is not (two of three is 66.7%, and 99.6% is not 100% beside a minimum)
      int exercised = suite.rules().size() - notExercised.size();
      String share = suite.rules().isEmpty() ? "100%"
          : Text.percent(java.math.BigDecimal.valueOf(exercised).divide(java.math.BigDecimal.valueOf(suite.rules().size()),
              java.math.MathContext.DECIMAL64));
      out.write(String.format(Locale.ROOT, "  coverage: %d of %d rules (%s)%s%n", exercised, suite.rules().size(), share,
          suite.coverage() < coverageMin
              ? ", under the minimum of " + Text.target(java.math.BigDecimal.valueOf(coverageMin)) + "%" : ""));
    }
    boolean passed = suites.stream().allMatch(s -> s.passed() && s.coverage() >= coverageMin);
    out.write(passed ? "test passed\n" : "test failed\n");
  }

  private static void junit(List<PackTestSuite> suites, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "failmode test");
      for (PackTestSuite suite : suites) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", Xml.text(suite.pack().id() + " " + suite.pack().manifest().version()));
        xml.writeAttribute("tests", Integer.toString(suite.outcomes().size() + suite.problems().size()));
        xml.writeAttribute("failures", Long.toString(suite.outcomes().stream().filter(o -> !o.passed()).count() + suite.problems().size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        for (PackTests.Outcome outcome : suite.outcomes()) {
          xml.writeCharacters("\n    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", Xml.text(suite.pack().id() + "." + outcome.testCase().rule()));
          xml.writeAttribute("name", Xml.text(outcome.testCase().name()));
          if (!outcome.passed()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", Xml.text(outcome.failures().get(0)));
            xml.writeCharacters(Xml.text(String.join("\n", outcome.failures())));
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        for (int i = 0; i < suite.problems().size(); i++) {
          String problem = suite.problems().get(i);
          xml.writeCharacters("\n    ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", Xml.text(suite.pack().id()));
          xml.writeAttribute("name", suite.problems().size() == 1 ? "fixtures" : "fixtures " + (i + 1)); // unique: reports key by name
          xml.writeStartElement("failure");
          xml.writeAttribute("message", Xml.text(problem));
          xml.writeEndElement();
          xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      out.write('\n');
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }
}

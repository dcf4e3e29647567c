package dev.failmode.engine;

import dev.failmode.model.Location;
import dev.failmode.model.PackRef;
import dev.failmode.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.base.ClassObjectType;
import org.drools.base.reteoo.InitialFactImpl;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.Rete;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule packs compiled with Drools into one rule base, with each rule's metadata. DRL that does
 * not compile is reported at pack-file:line with Drools' own message.
 */
public final class RuleBase {
  private static final Logger log = LoggerFactory.getLogger(RuleBase.class);
  private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern RULE_START = Pattern.compile("\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

  private final List<RulePack> packs;
  private final KieBase kieBase;
  private final Map<String, RuleInfo> rulesByKey;
  private final Set<String> precompiled;
  private final Set<String> cached;

  private RuleBase(List<RulePack> packs, KieBase kieBase, Map<String, RuleInfo> rulesByKey, Set<String> precompiled, Set<String> cached) {
    this.packs = List.copyOf(packs);
    this.kieBase = kieBase;
    this.rulesByKey = Map.copyOf(rulesByKey);
    this.precompiled = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(precompiled));
    this.cached = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(cached));
    boolean poolable = true;
    for (KiePackage kiePackage : kieBase.getKiePackages()) {
      for (Rule rule : kiePackage.getRules()) {
        RuleInfo info = rule(rule.getPackageName(), rule.getName());
        if (info != null) {
          byRuleObject.put(rule, info);
          fullIds.put(rule, info.fullId());
        }
        poolable &= !(rule instanceof RuleImpl impl) || resetsCleanly(impl);
      }
    }
    this.poolable = poolable;
  }

  /**
   * Whether a session that fired this rule is, after Drools' reset, as a new one: not when the
   * rule is in an activation group, or uses what keeps agenda state (agenda and rule-flow groups,
   * auto-focus, lock-on-active, timers, calendars). Drools' reset marks activation groups as
   * triggered up to the last file's fact recency and restarts recency at zero, so in the next file
   * the group's matches never join it, and every one of them fires.
   */
  private static boolean resetsCleanly(RuleImpl rule) {
    return isBlank(rule.getActivationGroup()) && isBlank(rule.getRuleFlowGroup()) && !rule.getAutoFocus() && !rule.isLockOnActive()
        && rule.getTimer() == null && !rule.hasCalendars()
        && (isBlank(rule.getAgendaGroup()) || rule.getAgendaGroup().equals("MAIN"));
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  // read-only once built, so sessions on several threads may read it. Hash maps, not identity maps: a
  // rule's hash is its name's and package's, while an identity hash is a call into the JVM at every
  // firing until C2 compiles the caller, which a short run does not
  private final Map<Rule, RuleInfo> byRuleObject = new HashMap<>();
  private final Map<Class<?>, Boolean> matched = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Rule, String> fullIds = new HashMap<>();

  /** Compiles every pack, or reports every problem in them; only built-in packs skip the safety check. */
  public static RuleBase compile(List<RulePack> packs) throws PackException {
    return compile(packs, Set.of());
  }

  /**
   * Compiles every pack, or reports every problem in them. The DRL of packs that are not built in
   * is first held to the {@link SafetyCheck}, unless their id is among {@code trusted}; a pack
   * that fails it is never compiled, so none of its code runs.
   */
  public static RuleBase compile(List<RulePack> packs, Set<String> trusted) throws PackException {
    return compile(packs, trusted, PackCache.OFF);
  }

  /**
   * As {@link #compile(List, Set)}, reading packs that are not precompiled from {@code cache} when
   * an earlier run compiled the same DRL, and keeping there those it compiles.
   */
  public static RuleBase compile(List<RulePack> packs, Set<String> trusted, PackCache cache) throws PackException {
    Optional<RuleBasePrefetch.Ahead> ahead = RuleBasePrefetch.takeAhead(packs);
    if (ahead.isPresent() && packs.stream().allMatch(RulePack::builtIn)) {
      return assemble(packs, ahead.get().models(), ahead.get().kieBase(), ahead.get().nanos());
    }
    return compileNow(packs, trusted, cache, ahead.orElse(null));
  }

  static RuleBase compileNow(List<RulePack> packs, Set<String> trusted) throws PackException {
    return compileNow(packs, trusted, PackCache.OFF, null);
  }

  /**
   * Compiles {@code packs}; with {@code ahead}, the rule base built ahead from the models of
   * exactly the built-in packs among them ({@link RuleBasePrefetch#takeAhead}), to which the
   * others are added, as they would be to one built here from the same models.
   */
  static RuleBase compileNow(List<RulePack> packs, Set<String> trusted, PackCache cache, RuleBasePrefetch.Ahead ahead)
      throws PackException {
    long start = System.nanoTime();
    List<Problem> unsafe = new ArrayList<>();
    for (RulePack pack : packs) {
      if (!pack.builtIn() && !trusted.contains(pack.id())) {
        unsafe.addAll(SafetyCheck.check(pack));
      } else if (!pack.builtIn()) {
        log.warn("pack {} ({}) is trusted: its DRL was not checked and runs with failmode's permissions", pack.id(), pack.origin());
      }
    }
    if (!unsafe.isEmpty()) {
      throw new PackException(unsafe, !unsafe.stream().allMatch(SafetyCheck::notParsed));
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, RuleInfo> rules = new HashMap<>();
    Set<String> packIds = new LinkedHashSet<>();
    List<Collection<KiePackage>> compiled = new ArrayList<>();
    List<Model> models = new ArrayList<>();
    Set<String> precompiled = new LinkedHashSet<>();
    Set<String> cached = new LinkedHashSet<>();
    for (RulePack pack : packs) {
      if (!packIds.add(pack.id())) {
        problems.add(new Problem(Location.of(pack.origin()), "", "a second pack with id '" + pack.id() + "' is loaded; pack ids are unique in a run"));
        continue;
      }
      List<Model> packModels = ahead != null && pack.builtIn() ? ahead.models().get(precompiled.size()).models() : PrecompiledPacks.models(pack);
      if (!packModels.isEmpty()) {
        Map<String, Integer> lines = ruleLines(pack);
        collectRules(pack, declaredIn(pack, packModels, lines), lines, rules, problems);
        models.addAll(packModels);
        precompiled.add(pack.id());
        continue;
      }
      Collection<KiePackage> packages = cache.load(pack).orElse(null);
      if (packages != null) {
        cached.add(pack.id());
      } else {
        packages = compile(pack, problems);
        if (packages != null) {
          cache.store(pack, packages);
        }
      }
      if (packages != null) {
        collectRules(pack, declaredIn(pack, packages), ruleLines(pack), rules, problems);
        compiled.add(packages);
      }
    }
    if (!problems.isEmpty()) {
      throw new PackException(dedupe(problems));
    }
    InternalKnowledgeBase kieBase = ahead != null ? (InternalKnowledgeBase) ahead.kieBase()
        : models.isEmpty() ? KnowledgeBaseFactory.newKnowledgeBase() : (InternalKnowledgeBase) KieBaseBuilder.createKieBaseFromModel(models);
    try {
      for (Collection<KiePackage> packages : compiled) {
        kieBase.addPackages(packages);
      }
    } catch (RuntimeException | LinkageError e) {
      if (cached.isEmpty()) {
        throw e;
      }
      // what the cache gave cannot be wired into this rule base: compile it all again, keeping what compiles
      log.debug("packs {} from the pack cache cannot be used ({}); compiling them from their DRL", cached, e.toString());
      return compileNow(packs, trusted, cache.writeOnly(), null);
    }
    return built(packs, kieBase, rules, precompiled, cached, System.nanoTime() - start);
  }

  /**
   * The rule base of built-in {@code packs} from a rule base built ahead of them from their
   * precompiled {@code models} ({@link RuleBasePrefetch}): the same as {@link #compileNow} makes
   * of them. The caller has checked that each pack is the built-in pack whose DRL the models were
   * compiled from.
   */
  static RuleBase assemble(List<RulePack> packs, List<PrecompiledPacks.Models> models, KieBase kieBase, long nanos)
      throws PackException {
    List<Problem> problems = new ArrayList<>();
    Map<String, RuleInfo> rules = new HashMap<>();
    Set<String> precompiled = new LinkedHashSet<>();
    for (int i = 0; i < packs.size(); i++) {
      Map<String, Integer> lines = ruleLines(packs.get(i));
      collectRules(packs.get(i), declaredIn(packs.get(i), models.get(i).models(), lines), lines, rules, problems);
      precompiled.add(packs.get(i).id());
    }
    if (!problems.isEmpty()) {
      throw new PackException(dedupe(problems));
    }
    return built(packs, kieBase, rules, precompiled, Set.of(), nanos);
  }

  private static RuleBase built(List<RulePack> packs, KieBase kieBase, Map<String, RuleInfo> rules, Set<String> precompiled,
      Set<String> cached, long nanos) {
    List<String> notes = new ArrayList<>();
    if (!precompiled.isEmpty()) {
      notes.add("precompiled at build time: " + String.join(", ", precompiled));
    }
    if (!cached.isEmpty()) {
      notes.add("compiled by an earlier run, from the pack cache: " + String.join(", ", cached));
    }
    log.info("compiled {} of packs {} in {} ms{}", dev.failmode.model.Text.count(rules.size(), "rule"), packs.stream().map(RulePack::id).distinct().toList(), nanos / 1_000_000,
        notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    return new RuleBase(packs, kieBase, rules, precompiled, cached);
  }

  /** The pack's DRL compiled, or null when it does not compile (its problems added to {@code problems}). */
  private static Collection<KiePackage> compile(RulePack pack, List<Problem> problems) {
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    for (DrlSource source : pack.sources()) {
      Resource resource = ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8));
      resource.setSourcePath(source.name());
      resource.setResourceType(ResourceType.DRL);
      builder.add(resource, ResourceType.DRL);
    }
    if (!builder.hasErrors()) {
      return builder.getKnowledgePackages();
    }
    for (KnowledgeBuilderError error : builder.getErrors()) {
      String file = error.getResource() != null && error.getResource().getSourcePath() != null
          ? error.getResource().getSourcePath() : pack.origin();
      int line = error.getLines() != null && error.getLines().length > 0 ? Math.max(0, error.getLines()[0]) : 0;
      String message = withSuggestion(clean(error.getMessage()));
      if (message.equals("Parser returned a null Package")) {
        continue; // follows a parser error already reported
      }
      problems.add(new Problem(new Location(file, line, 0), "", message));
    }
    return null;
  }

  /** A rule as compiled, before failmode checks its metadata. */
  private record Declared(String packageName, String name, Map<String, Object> metadata, String source) {}

  private static List<Declared> declaredIn(RulePack pack, Collection<KiePackage> packages) {
    List<Declared> declared = new ArrayList<>();
    for (KiePackage kiePackage : packages) {
      for (Rule rule : kiePackage.getRules()) {
        RuleImpl impl = (RuleImpl) rule;
        String source = impl.getResource() != null && impl.getResource().getSourcePath() != null
            ? impl.getResource().getSourcePath() : pack.origin();
        declared.add(new Declared(rule.getPackageName(), rule.getName(), rule.getMetaData(), source));
      }
    }
    return declared;
  }

  /** The rules of a precompiled pack; the model does not keep their files, which the DRL still says. */
  private static List<Declared> declaredIn(RulePack pack, List<Model> models, Map<String, Integer> lines) {
    Map<String, String> sources = new HashMap<>();
    lines.keySet().forEach(key -> sources.putIfAbsent(key.substring(key.indexOf('\u0000') + 1), key.substring(0, key.indexOf('\u0000'))));
    List<Declared> declared = new ArrayList<>();
    for (Model model : models) {
      for (org.drools.model.Rule rule : model.getRules()) {
        declared.add(new Declared(rule.getPackage(), rule.getName(), rule.getMetaData(), sources.getOrDefault(rule.getName(), pack.origin())));
      }
    }
    return declared;
  }

  /** @param lines the pack's {@link #ruleLines}, read once for this and {@link #declaredIn} */
  private static void collectRules(RulePack pack, List<Declared> declared, Map<String, Integer> lines, Map<String, RuleInfo> rules,
      List<Problem> problems) {
    Map<String, RuleInfo> ids = new HashMap<>();
    for (Declared rule : declared) {
      String source = rule.source();
      int line = lines.getOrDefault(source + "\u0000" + rule.name(), 0);
      Location where = new Location(source, line, 0);
      Map<String, String> metadata = new TreeMap<>();
      rule.metadata().forEach((key, value) -> metadata.put(metadataKey(key), String.valueOf(value)));
      String id = metadata.getOrDefault("id", rule.name());
      if (!RULE_ID.matcher(id).matches()) {
        problems.add(new Problem(where, "", "rule '" + rule.name() + "' has the id '" + id
            + "', which is not kebab-case; give it @id(\"words-joined-by-dashes\")"));
        continue;
      }
      RuleInfo info = new RuleInfo(pack.id(), id, rule.name(), rule.packageName(), source, line, metadata);
      RuleInfo twin = ids.putIfAbsent(id, info);
      if (twin != null) {
        problems.add(new Problem(where, "", "rule id '" + id + "' is used twice in pack " + pack.id() + "; the other is at "
            + twin.source() + ":" + twin.line()));
        continue;
      }
      RuleInfo clash = rules.putIfAbsent(key(rule.packageName(), rule.name()), info);
      if (clash != null) {
        problems.add(new Problem(where, "", "rule \"" + rule.name() + "\" of package " + rule.packageName()
            + " is also defined by pack " + clash.pack() + " (" + clash.source() + ":" + clash.line()
            + "); give each pack a package of its own"));
      }
    }
  }

  /**
   * The line each rule starts on, by source and rule name: Drools keeps rules' resources but not
   * their lines, and docs and messages point at them.
   */
  private static Map<String, Integer> ruleLines(RulePack pack) {
    Map<String, Integer> lines = new HashMap<>();
    for (DrlSource source : pack.sources()) {
      String[] text = source.text().split("\\R", -1);
      for (int i = 0; i < text.length; i++) {
        java.util.regex.Matcher m = RULE_START.matcher(text[i]);
        if (m.lookingAt()) {
          lines.putIfAbsent(source.name() + "\u0000" + (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)), i + 1);
        }
      }
    }
    return lines;
  }

  /**
   * Drools resolves some annotation names to its own types ({@code @description} becomes
   * {@code org.kie.api.definition.type.Description}); rule authors wrote the short name.
   */
  private static String metadataKey(String key) {
    int dot = key.lastIndexOf('.');
    if (dot < 0) {
      return key;
    }
    String simple = key.substring(dot + 1);
    return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
  }

  private static final Pattern UNKNOWN_PROPERTY = Pattern.compile(
      "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");

  /** Adds "did you mean" to Drools' message about a property a fact does not have. */
  static String withSuggestion(String message) {
    java.util.regex.Matcher m = UNKNOWN_PROPERTY.matcher(message);
    if (!m.find() || !m.group(1).startsWith("dev.failmode.model.")) {
      return message;
    }
    try {
      Class<?> type = Class.forName(m.group(1), false, RuleBase.class.getClassLoader());
      List<String> properties = new ArrayList<>();
      for (java.lang.reflect.Method method : type.getMethods()) {
        if (method.getParameterCount() == 0 && method.getDeclaringClass() != Object.class) {
          String name = method.getName();
          if (name.startsWith("get") && name.length() > 3) {
            name = Character.toLowerCase(name.charAt(3)) + name.substring(4);
          } else if (name.startsWith("is") && name.length() > 2) {
            name = Character.toLowerCase(name.charAt(2)) + name.substring(3);
          }
          properties.add(name);
        }
      }
      return message + dev.failmode.load.Suggest.didYouMean(m.group(2), properties);
    } catch (ClassNotFoundException e) {
      return message;
    }
  }

  /** Drools' message on one line, without the excerpt and caret lines it draws under it. */
  static String clean(String message) {
    if (message == null) {
      return "compilation failed";
    }
    StringBuilder text = new StringBuilder();
    for (String line : message.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.matches("\\^+") || trimmed.startsWith("[Near") || trimmed.matches("\\[Line: \\d+, Column: \\d+\\]")) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(trimmed);
    }
    return text.toString();
  }

  /**
   * Drools often reports one mistake several times over, as one message per analysis step. The
   * first message at a place is the most complete; the rest are logged, not shown.
   */
  private static List<Problem> dedupe(List<Problem> problems) {
    Map<Location, Problem> first = new java.util.LinkedHashMap<>();
    for (Problem problem : problems) {
      Location at = problem.location();
      if (at.line() <= 0 || first.putIfAbsent(at, problem) == null) {
        first.putIfAbsent(at, problem);
        continue;
      }
      log.info("{}: also: {}", at, problem.message());
    }
    List<Problem> kept = new ArrayList<>(first.values());
    problems.stream().filter(p -> p.location().line() <= 0).filter(p -> !kept.contains(p)).forEach(kept::add);
    return kept.stream().distinct().sorted().toList();
  }

  static String key(String packageName, String ruleName) {
    return packageName + "\u0000" + ruleName;
  }

  public List<RulePack> packs() {
    return packs;
  }

  /** The ids of the packs that run from the executable model compiled when failmode was built. */
  public Set<String> precompiled() {
    return precompiled;
  }

  /** The ids of the packs read from the {@link PackCache}, as an earlier run compiled their DRL. */
  public Set<String> cached() {
    return cached;
  }

  public List<PackRef> packRefs() {
    return packs.stream().map(RulePack::ref).toList();
  }

  KieBase kieBase() {
    return kieBase;
  }

  private volatile KieSessionsPool sessions;
  /** Whether sessions may come from the pool: see {@link #resetsCleanly}. */
  private final boolean poolable;

  /** Whether {@link #newSession} gives pooled sessions. */
  boolean pooled() {
    return poolable;
  }

  /**
   * A session of this rule base, from Drools' pool of sessions: {@code dispose} gives it back,
   * reset (no facts, no matches, no listeners, node memories emptied) for the next file. Creating
   * a session and its node memories anew for each of 1,000 files cost about a tenth of the rules'
   * time. A rule base with a rule that a reset does not clear after (an activation group, for
   * one) gets a new session every time. Safe to call from several threads at once; each session
   * is used by one at a time.
   */
  KieSession newSession() {
    if (!poolable) {
      return kieBase.newKieSession();
    }
    KieSessionsPool pool = sessions;
    if (pool == null) {
      synchronized (this) {
        pool = sessions;
        if (pool == null) {
          pool = kieBase.newKieSessionsPool(0);
          sessions = pool;
        }
      }
    }
    return pool.newKieSession();
  }

  /** The rule Drools knows by package and name. */
  RuleInfo rule(String packageName, String ruleName) {
    return rulesByKey.get(key(packageName, ruleName));
  }

  /**
   * The rule a match is of: by Drools' rule object first, as every firing asks
   * (a name lookup would build a key string each time), then by name.
   */
  RuleInfo rule(org.kie.api.definition.rule.Rule rule) {
    RuleInfo info = byRuleObject.get(rule);
    return info != null ? info : rule(rule.getPackageName(), rule.getName());
  }

  /**
   * Whether any rule's pattern matches facts of this class (or a supertype of it): Drools builds
   * a type node for each class some pattern names. Anything other than a class type node (a type
   * declared in DRL, an entry point of its own) counts as matching everything, to be safe.
   */
  boolean matches(Class<?> type) {
    Boolean known = matched.get(type); // asked for every fact: no method reference made each time
    return known != null ? known : matched.computeIfAbsent(type, this::anyTypeNodeAccepts);
  }

  private boolean anyTypeNodeAccepts(Class<?> type) {
    Rete rete = ((InternalKnowledgeBase) kieBase).getRete();
    for (ObjectTypeNode node : rete.getObjectTypeNodes()) {
      if (!(node.getObjectType() instanceof ClassObjectType classType)) {
        return true;
      }
      Class<?> named = classType.getClassType();
      if (named != InitialFactImpl.class && named.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  /** The full id of the rule a match is of, the same string every time (reasons keep it by the hundred thousand). */
  String fullId(org.kie.api.definition.rule.Rule rule) {
    String id = fullIds.get(rule);
    if (id != null) {
      return id;
    }
    RuleInfo info = rule(rule);
    return info == null ? rule.getName() : info.fullId();
  }

  /** Every rule of every pack, by full id. */
  public List<RuleInfo> rules() {
    return rulesByKey.values().stream().sorted(Comparator.comparing(RuleInfo::fullId)).toList();
  }
}

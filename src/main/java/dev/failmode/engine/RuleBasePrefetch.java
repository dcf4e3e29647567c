package dev.failmode.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.LoggerFactory;

/**
 * Builds the rule base a run most likely needs on a thread of its own, while the command line is
 * parsed and the failure-mode files are read: on two cores that hides most of the rule base's
 * share of a cold start. It is built from the built-in packs' precompiled models alone, before
 * the packs themselves are read (their manifests are the run's to read, on its own thread).
 * {@link RuleBase#compile} takes it only when the run's packs turn out to be exactly those built-in
 * packs, with the DRL the models were compiled from; otherwise it is dropped, and the run compiles
 * what it needs, as it would have anyway.
 */
public final class RuleBasePrefetch {
  private static final AtomicReference<CompletableFuture<Ahead>> PENDING = new AtomicReference<>();
  /** Done once logging is set up; until then SLF4J hands other threads stand-in loggers. */
  private static volatile CompletableFuture<Void> logging = CompletableFuture.completedFuture(null);

  /** What was built ahead: the packs' models, in order, and the rule base made of them. */
  record Ahead(List<PrecompiledPacks.Models> models, KieBase kieBase, long nanos) {}

  private RuleBasePrefetch() {}

  /** Starts building the rule base of the built-in packs {@code ids} in the background. */
  public static void start(List<String> ids) {
    start(new Named(ids));
  }

  /** Packs named up front (a class, not a lambda: no call site to bind on a cold start's path). */
  private record Named(List<String> ids) implements Supplier<List<String>> {
    @Override
    public List<String> get() {
      return ids;
    }
  }

  /**
   * Starts building, in the background, the rule base of the built-in packs {@code ids} names
   * when asked on that thread (it may read a project file to say); nothing is built when it
   * names none, or throws.
   */
  public static void start(Supplier<List<String>> ids) {
    CompletableFuture<Ahead> ahead = new CompletableFuture<>();
    CompletableFuture<Void> loggingReady = new CompletableFuture<>();
    logging = loggingReady;
    Thread thread = new Thread(() -> {
      // first, so that logging is set up here rather than on the thread parsing the command line
      try {
        LoggerFactory.getILoggerFactory();
      } catch (Throwable e) {
        // the run's own thread meets the same trouble, and reports it
      } finally {
        loggingReady.complete(null);
      }
      try {
        ahead.complete(build(ids));
      } catch (Throwable e) {
        // whatever happens here (out of memory included), the run must not wait for it forever:
        // it compiles its packs itself, and meets any trouble there
        ahead.completeExceptionally(e);
      }
    }, "failmode-rule-base");
    thread.setDaemon(true);
    PENDING.set(ahead);
    thread.start();
    // Drools asks for a random UUID while it builds the rule base (its accumulate patterns), and
    // the first one sets up SecureRandom and the JCA providers: ~15 ms. The rule base is what a
    // cold run waits for, so the calling thread, which has time to spare, does it meanwhile.
    java.util.UUID.randomUUID();
  }

  /** The rule base of the packs' precompiled models; null when none are named or one of them has none to use. */
  private static Ahead build(Supplier<List<String>> named) {
    long start = System.nanoTime();
    List<String> ids;
    try {
      ids = named.get();
    } catch (RuntimeException e) {
      return null; // the run's own thread meets the same trouble, and reports it
    }
    if (ids == null || ids.isEmpty()) {
      return null;
    }
    List<PrecompiledPacks.Models> models = new ArrayList<>();
    List<Model> all = new ArrayList<>();
    for (String id : ids) {
      Optional<PrecompiledPacks.Models> pack = PrecompiledPacks.ahead(id);
      if (pack.isEmpty()) {
        return null;
      }
      models.add(pack.get());
      all.addAll(pack.get().models());
    }
    return new Ahead(models, KieBaseBuilder.createKieBaseFromModel(all), System.nanoTime() - start);
  }

  /**
   * Waits until logging is set up, when {@link #start} set it up on its thread. Whoever changes
   * log levels or logs must wait: while SLF4J initialises, it hands other threads stand-in
   * loggers that cannot be configured, and replays what they logged with a warning of its own.
   */
  public static void awaitLogging() {
    logging.join();
  }

  /**
   * The rule base built ahead, when {@code packs} are exactly the built-in packs it was built for,
   * each with the DRL its models were compiled from; each is taken at most once.
   */
  static Optional<RuleBase> take(List<RulePack> packs) throws PackException {
    Optional<Ahead> ahead = takeAhead(packs);
    if (ahead.isEmpty() || !packs.stream().allMatch(RulePack::builtIn)) {
      return Optional.empty();
    }
    return Optional.of(RuleBase.assemble(packs, ahead.get().models(), ahead.get().kieBase(), ahead.get().nanos()));
  }

  /**
   * What was built ahead, when it was built for exactly the built-in packs among {@code packs}
   * (in their order, each with the DRL its models were compiled from): the run adds its other
   * packs to it. Taken at most once.
   */
  static Optional<Ahead> takeAhead(List<RulePack> packs) {
    CompletableFuture<Ahead> pending = PENDING.getAndSet(null);
    if (pending == null) {
      return Optional.empty();
    }
    Ahead ahead;
    try {
      ahead = pending.join();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(RuleBasePrefetch.class).debug("building the rule base ahead failed; compiling it", e);
      return Optional.empty();
    }
    List<RulePack> builtIn = packs.stream().filter(RulePack::builtIn).toList();
    if (ahead == null || !ofExactly(ahead.models(), builtIn)) {
      LoggerFactory.getLogger(RuleBasePrefetch.class).debug("the rule base built ahead is not of this run's packs; compiling them");
      return Optional.empty();
    }
    LoggerFactory.getLogger(RuleBasePrefetch.class).debug("using the rule base built ahead for packs {}",
        builtIn.stream().map(RulePack::id).toList());
    return Optional.of(ahead);
  }

  /**
   * The built-in packs to build ahead for a run that names packs {@code specs}: those among them
   * that are built in, and core whatever they are (packs depend on core, which a run then loads
   * unnamed: envoy does, and so do most folders, archives and coordinates), in the order a run
   * loads them (core first); empty when none are named.
   */
  public static List<String> builtInsFor(List<String> specs) {
    if (specs.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> named = new java.util.HashSet<>();
    named.add(PackLoader.DEFAULT_PACK);
    for (String spec : specs) {
      if (PackLoader.BUILT_IN.contains(spec)) {
        named.add(spec);
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String id : PackLoader.BUILT_IN) {
      if (named.contains(id)) {
        ordered.add(id);
      }
    }
    return ordered;
  }

  private static boolean ofExactly(List<PrecompiledPacks.Models> models, List<RulePack> packs) {
    if (models.size() != packs.size()) {
      return false;
    }
    for (int i = 0; i < packs.size(); i++) {
      RulePack pack = packs.get(i);
      if (!pack.builtIn() || !pack.id().equals(models.get(i).id()) || !pack.sourceChecksum().equals(models.get(i).checksum())) {
        return false;
      }
    }
    return true;
  }
}

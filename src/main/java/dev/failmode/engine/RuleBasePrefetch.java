package dev.failmode.engine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * Compiles the rule base a run most likely needs on a thread of its own, while the command line
 * is parsed and the failure-mode files are read: on two cores that hides most of the rule base's
 * share of a cold start. {@link RuleBase#compile} takes the result only when the run's packs turn
 * out to be exactly the ones prefetched (the same pack objects: built-in packs are read once per
 * process); otherwise it is dropped and the run compiles what it needs, as it would have anyway.
 */
public final class RuleBasePrefetch {
  private static final AtomicReference<Prefetched> PENDING = new AtomicReference<>();
  /** Done once logging is set up; until then SLF4J hands other threads stand-in loggers. */
  private static volatile CompletableFuture<Void> logging = CompletableFuture.completedFuture(null);

  private record Prefetched(CompletableFuture<List<RulePack>> packs, CompletableFuture<RuleBase> rules, CompileLog say) {}

  private RuleBasePrefetch() {}

  /** Starts loading and compiling the built-in packs {@code ids} in the background. */
  public static void start(List<String> ids) {
    CompletableFuture<List<RulePack>> packs = new CompletableFuture<>();
    CompletableFuture<RuleBase> rules = new CompletableFuture<>();
    CompletableFuture<Void> loggingReady = new CompletableFuture<>();
    logging = loggingReady;
    CompileLog say = CompileLog.kept();
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
        PackLoader loader = new PackLoader(java.nio.file.Path.of(""));
        List<RulePack> loaded = new java.util.ArrayList<>();
        for (String id : ids) {
          loaded.add(loader.builtIn(id));
        }
        packs.complete(loaded);
        rules.complete(RuleBase.compileNow(loaded, java.util.Set.of(), say));
      } catch (Throwable e) {
        // whatever happens here (out of memory included), the run must not wait for it forever:
        // it compiles its packs itself, and meets any trouble there
        packs.completeExceptionally(e);
        rules.completeExceptionally(e);
      }
    }, "failmode-rule-base");
    thread.setDaemon(true);
    PENDING.set(new Prefetched(packs, rules, say));
    thread.start();
  }

  /**
   * Waits until logging is set up, when {@link #start} set it up on its thread. Whoever changes
   * log levels or logs must wait: while SLF4J initialises, it hands other threads stand-in
   * loggers that cannot be configured, and replays what they logged with a warning of its own.
   */
  public static void awaitLogging() {
    logging.join();
  }

  /** Built-in packs are read once per process, so the run's packs are the very objects prefetched, or other packs. */
  private static boolean samePacks(List<RulePack> prefetched, List<RulePack> packs) {
    if (prefetched.size() != packs.size()) {
      return false;
    }
    for (int i = 0; i < packs.size(); i++) {
      if (prefetched.get(i) != packs.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The prefetched rule base when it was made of exactly {@code packs}; each prefetch is taken at
   * most once.
   */
  static Optional<RuleBase> take(List<RulePack> packs) throws PackException {
    Prefetched prefetched = PENDING.getAndSet(null);
    if (prefetched == null) {
      return Optional.empty();
    }
    try {
      if (!samePacks(prefetched.packs().join(), packs)) {
        LoggerFactory.getLogger(RuleBasePrefetch.class).debug("the prefetched rule base is not of this run's packs; compiling them");
        return Optional.empty();
      }
      RuleBase rules = prefetched.rules().join();
      prefetched.say().sayKept();
      return Optional.of(rules);
    } catch (CompletionException e) {
      if (e.getCause() instanceof PackException problems && prefetched.packs().isDone() && !prefetched.packs().isCompletedExceptionally()) {
        prefetched.say().sayKept();
        throw problems; // the very packs this run needs do not compile: the same problems either way
      }
      LoggerFactory.getLogger(RuleBasePrefetch.class).debug("prefetching the rule base failed; compiling it", e.getCause());
      return Optional.empty();
    }
  }
}

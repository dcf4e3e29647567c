package dev.failmode.engine;

import dev.failmode.budget.ErrorBudget;
import dev.failmode.budget.ErrorBudgets;
import dev.failmode.model.Ballot;
import dev.failmode.model.Budget;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Component;
import dev.failmode.model.DisabledRule;
import dev.failmode.model.Decision;
import dev.failmode.model.FailureMode;
import dev.failmode.model.FileReview;
import dev.failmode.model.Finding;
import dev.failmode.model.Outcome;
import dev.failmode.model.Parameters;
import dev.failmode.model.Reason;
import dev.failmode.model.Report;
import dev.failmode.model.Result;
import dev.failmode.model.Slo;
import dev.failmode.model.RuleScope;
import dev.failmode.model.Status;
import dev.failmode.model.Suggestion;
import dev.failmode.model.Today;
import dev.failmode.model.Verdict;
import dev.failmode.parallel.EachIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;
import org.kie.internal.event.rule.RuleEventManager;

/**
 * Classifies failure modes with a compiled {@link RuleBase}: every failure mode in gives exactly
 * one result out.
 *
 * <p>Each file is judged in a session of its own (one of Drools' pooled sessions, reset between
 * files: {@link RuleBase#newSession}), in two rounds. First the voting rules match
 * {@link Verdict}s and vote; votes are collected, not visible to other rules, so NOT_OK wins
 * whatever order rules fire in. Then each failure mode's {@link Outcome} and the file's
 * {@link FileReview} are inserted for the rules that judge verdicts (claims, budgets that add
 * up). A firing limit stops a rule that keeps re-activating itself and names it.
 */
public final class Engine {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Engine.class);
  /** Firings allowed per fact in one round: the core pack needs about a dozen per failure mode. */
  static final int FIRINGS_PER_FACT = 200;
  static final int BASE_FIRINGS = 1_000;

  private final RuleBase rules;
  private final Map<String, Parameters> parameters;
  private final LocalDate today;
  private final List<DisabledRule> disabled;
  private final Set<String> disabledRules;

  /**
   * @param parameters each pack's parameters, by pack id (see {@link ParameterValues})
   * @param today the date waivers are judged against
   * @param disabled rules that must not fire, with who switched them off and why
   * @throws PackException when a disabled rule is not a rule of the packs
   */
  public Engine(RuleBase rules, Map<String, Parameters> parameters, LocalDate today, List<DisabledRule> disabled) throws PackException {
    this.rules = rules;
    this.parameters = Map.copyOf(parameters);
    this.today = today;
    this.disabled = disabled.stream().sorted(Comparator.comparing(DisabledRule::rule)).toList();
    this.disabledRules = disabled.stream().map(DisabledRule::rule).collect(java.util.stream.Collectors.toSet());
    List<String> known = rules.rules().stream().map(RuleInfo::fullId).toList();
    List<dev.failmode.model.Problem> problems = new ArrayList<>();
    for (DisabledRule rule : disabled) {
      if (!known.contains(rule.rule())) {
        problems.add(new dev.failmode.model.Problem(rule.location(), "disabled", "no rule '" + rule.rule() + "' in the packs "
            + rules.packRefs().stream().map(dev.failmode.model.PackRef::id).toList() + dev.failmode.load.Suggest.didYouMean(rule.rule(), known)));
      }
    }
    if (!problems.isEmpty()) {
      throw new PackException(problems);
    }
  }

  /** An engine with no rules disabled. */
  public Engine(RuleBase rules, Map<String, Parameters> parameters, LocalDate today) {
    this.rules = rules;
    this.parameters = Map.copyOf(parameters);
    this.today = today;
    this.disabled = List.of();
    this.disabledRules = Set.of();
  }

  /** Classifies every failure mode of every catalogue into a report sorted for output. */
  public Report classify(List<Catalogue> catalogues) throws RuleFailure {
    long start = System.nanoTime();
    // Files are independent, each judged in a session of its own, so they are judged in parallel,
    // each core taking the next file when it is done with one (see EachIndex). Files of one SLO
    // share its error budget, which remembers what each duration and frequency costs. The files one
    // thread judges share a table of what the rules said (RuleScope.sharing, no lock), so that equal
    // reasons and lists of them are kept once: most rules say the same of many failure modes.
    ErrorBudgets budgets = new ErrorBudgets();
    FileJudgement[] judgements = new FileJudgement[catalogues.size()];
    // the largest files first, so that a large one is not judged by one core while the other has nothing left
    long[] sizes = new long[catalogues.size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = catalogues.get(i).failureModeCount();
    }
    EachIndex.run(EachIndex.largestFirst(sizes), RuleScope::sharing,
        (sharing, i) -> judgements[i] = judge(catalogues.get(i), budgets, sharing.scope()));
    Report report = report(catalogues, List.of(judgements));
    log.info("classified {} failure modes of {} files in {} ms", report.results().size(), catalogues.size(),
        (System.nanoTime() - start) / 1_000_000);
    return report;
  }

  /**
   * The report of files judged one by one with {@link #judge}, in the same order; a rule failure
   * is reported for the first failing file in that order, whatever finished first.
   */
  public Report report(List<Catalogue> catalogues, List<FileJudgement> judgements) throws RuleFailure {
    List<Finding> findings = new ArrayList<>();
    for (FileJudgement judgement : judgements) {
      if (judgement.failure() != null) {
        throw judgement.failure();
      }
      findings.addAll(judgement.findings());
    }
    List<Result> results = byId(judgements);
    findings.sort(Comparator.comparing(Finding::location).thenComparing(Finding::kind).thenComparing(Finding::id)
        .thenComparing(Finding::message));
    List<Catalogue> files = catalogues.stream().sorted(Comparator.comparing(Catalogue::file)).toList();
    List<dev.failmode.model.RuleDoc> docs = new ArrayList<>(rules.rules().stream().map(RuleInfo::doc).toList());
    docs.add(dev.failmode.model.RuleDoc.NO_RULE_DECIDED);
    docs.sort(Comparator.comparing(dev.failmode.model.RuleDoc::id));
    return new Report(ToolVersion.failmode(), rules.packRefs(), docs, disabled, files, results, findings);
  }

  /**
   * The results of every file, sorted by id. Each file's come sorted (its judge sorted them, on
   * the core that judged it), and a file usually holds one system, whose ids no other file's
   * come between: then the files in the order of their first ids are the results in order, and
   * the calling thread, alone at this point, only checks that they are. Otherwise it sorts
   * them all.
   */
  static List<Result> byId(List<FileJudgement> judgements) {
    List<List<Result>> files = new ArrayList<>(judgements.size());
    int count = 0;
    for (FileJudgement judgement : judgements) {
      if (!judgement.results().isEmpty()) {
        files.add(judgement.results());
        count += judgement.results().size();
      }
    }
    files.sort(Comparator.comparing(file -> file.get(0).id()));
    List<Result> results = new ArrayList<>(count);
    String last = null;
    boolean sorted = true;
    for (List<Result> file : files) {
      sorted &= last == null || last.compareTo(file.get(0).id()) < 0;
      results.addAll(file);
      last = file.get(file.size() - 1).id();
    }
    if (!sorted) {
      sortById(results);
    }
    return results;
  }

  /** Sorts results by id, each id made once (building it in the comparator would make millions for a large catalogue). */
  private static void sortById(List<Result> results) {
    record Keyed(String id, Result result) {}
    Keyed[] keyed = new Keyed[results.size()];
    for (int i = 0; i < keyed.length; i++) {
      keyed[i] = new Keyed(results.get(i).id(), results.get(i));
    }
    Arrays.parallelSort(keyed, Comparator.comparing(Keyed::id)); // stable, as List.sort is, on both cores
    results.clear();
    for (Keyed k : keyed) {
      results.add(k.result());
    }
  }

  private static final Comparator<Result> BY_ID = Comparator.comparing(Result::id);

  /** What judging one file gave: its results (sorted by id) and findings, or the failure that stopped its rules. */
  public record FileJudgement(List<Result> results, List<Finding> findings, RuleFailure failure) {}

  /** Judges one file in a session of its own; safe to call from several threads at once. */
  public FileJudgement judge(Catalogue catalogue) {
    return judge(catalogue, new ErrorBudgets(), new RuleScope());
  }

  private FileJudgement judge(Catalogue catalogue, ErrorBudgets budgets, RuleScope scope) {
    List<Result> results = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    try {
      classify(catalogue, budgets, scope, results, findings);
      results.sort(BY_ID); // here, on the core that judged the file: the report only puts files in order (see byId)
      return new FileJudgement(results, findings, null);
    } catch (RuleFailure e) {
      return new FileJudgement(List.of(), List.of(), e);
    }
  }

  private void classify(Catalogue catalogue, ErrorBudgets budgets, RuleScope scope, List<Result> results, List<Finding> findings)
      throws RuleFailure {
    KieSession session = rules.newSession();
    Firings firings = new Firings(scope);
    ((RuleEventManager) session).addEventListener(firings);
    try {
      for (Parameters values : parameters.values()) {
        session.insert(values);
      }
      session.insert(new Today(today));
      insertIfMatched(session, catalogue);
      List<Ballot> ballots = new ArrayList<>();
      List<Verdict> verdicts = new ArrayList<>();
      int facts = 2 + parameters.size();
      Slo slo = catalogue.slo();
      ErrorBudget errorBudget = slo == null ? null : budgets.of(slo.target(), slo.windowDays());
      boolean budgetsAreFacts = rules.matches(Budget.class);
      for (Component component : catalogue.components()) {
        insertIfMatched(session, component);
        facts++;
        for (FailureMode mode : component.failureModes()) {
          Budget budget = errorBudget == null || mode.duration() == null ? null : errorBudget.use(mode.duration(), mode.frequency());
          if (budget != null && budgetsAreFacts) {
            // a remembered Budget is shared by modes alike, and a session keeps one fact per object: each mode gets its own
            budget = copy(budget);
          }
          Ballot ballot = new Ballot(scope, mode);
          Verdict verdict = new Verdict(ballot, component, catalogue, budget);
          ballots.add(ballot);
          verdicts.add(verdict);
          insertIfMatched(session, mode);
          if (budget != null) {
            insertIfMatched(session, budget);
            facts++;
          }
          session.insert(verdict);
          facts += 2;
        }
      }
      fire(session, firings, facts, catalogue, null);

      FileReview review = new FileReview(scope, catalogue);
      List<Decision> decisions = new ArrayList<>();
      List<Status> statuses = new ArrayList<>();
      for (int i = 0; i < ballots.size(); i++) {
        Ballot ballot = ballots.get(i);
        Decision decision = ballot.decision();
        Status status = Status.of(decision, ballot.mode(), today);
        decisions.add(decision);
        statuses.add(status);
        session.insert(new Outcome(verdicts.get(i), ballot, decision, status));
      }
      session.insert(review);
      fire(session, firings, facts + ballots.size() + 1, catalogue, null);

      for (int i = 0; i < ballots.size(); i++) {
        Ballot ballot = ballots.get(i);
        results.add(result(ballot, decisions.get(i), statuses.get(i), verdicts.get(i).getBudget(), scope));
        findings.addAll(ballot.findings());
      }
      findings.addAll(review.findings());
    } finally {
      session.dispose();
    }
  }

  private static Budget copy(Budget b) {
    return new Budget(b.target(), b.windowDays(), b.duration(), b.frequency(), b.frequencyAssumed(), b.budgetMinutes(),
        b.minutesPerOccurrence(), b.occurrencesPerWindow(), b.minutesPerWindow(), b.occurrenceShare(), b.share());
  }

  /**
   * Inserts a fact only when a rule of the packs matches its type: the core pack matches verdicts
   * and outcomes, which carry the mode, component and budget, so inserting those too would cost
   * every failure mode three inserts that no rule sees. A pack whose rules match them gets them.
   */
  private void insertIfMatched(KieSession session, Object fact) {
    if (rules.matches(fact.getClass())) {
      session.insert(fact);
    }
  }

  private void fire(KieSession session, Firings firings, int facts, Catalogue catalogue, String round) throws RuleFailure {
    int limit = BASE_FIRINGS + FIRINGS_PER_FACT * facts;
    firings.reset();
    int fired;
    try {
      fired = session.fireAllRules(filter(), limit);
    } catch (ConsequenceException e) {
      Match match = e.getMatch();
      RuleInfo rule = match == null ? null : rules.rule(match.getRule());
      String mode = match == null ? null : modeOf(match.getObjects());
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new RuleFailure(rule == null ? null : rule.fullId(), mode, "rule " + (rule == null ? "?" : rule.fullId())
          + (rule == null ? "" : " (" + rule.source() + ":" + rule.line() + ")") + " failed"
          + (mode == null ? "" : " on " + mode) + ": " + describe(cause), cause);
    } catch (RuntimeException e) {
      throw new RuleFailure(null, null, "a rule's condition failed while judging " + catalogue.file() + ": " + describe(e), e);
    }
    if (fired >= limit) {
      Map.Entry<String, Integer> top = firings.mostFired();
      throw new RuleFailure(top.getKey(), null, "rule " + top.getKey() + " fired " + top.getValue() + " times on "
          + catalogue.file() + " and was stopped by the firing limit (" + limit + "); it keeps re-activating itself, "
          + "probably through modify, update or insert in its consequence", null);
    }
  }

  private AgendaFilter filter() {
    if (disabledRules.isEmpty()) {
      return match -> true;
    }
    return match -> {
      RuleInfo info = rules.rule(match.getRule());
      return info == null || !disabledRules.contains(info.fullId());
    };
  }

  /** NOT OK votes first, then OK TO BREAK, then notes; by rule and message within each. */
  private static final Comparator<Reason> REASON_ORDER = Comparator
      .comparingInt((Reason r) -> r.vote() == null ? 2 : r.vote() == Decision.NOT_OK ? 0 : 1)
      .thenComparing(Reason::rule).thenComparing(Reason::message);
  private static final Comparator<Suggestion> SUGGESTION_ORDER = Comparator.comparing(Suggestion::type)
      .thenComparing(Suggestion::rule).thenComparing(Suggestion::text);

  /** The reason every UNCLASSIFIED result ends with, one object for them all. */
  private static final Reason NO_RULE_DECIDED = new Reason(dev.failmode.model.RuleDoc.NO_RULE_DECIDED.id(), null,
      "no rule decided this failure mode, so it is UNCLASSIFIED; declare what the rules need (see the notes above) "
          + "or add a rule that decides it");

  /**
   * The result of one failure mode. Its lists of reasons and of suggested remediations are kept
   * once per table of {@code scope} (many failure modes get the same ones); a list with
   * declared remediations, the failure mode's own, is not looked up.
   */
  private static Result result(Ballot ballot, Decision decision, Status status, Budget budget, RuleScope scope) {
    List<Reason> reasons = ballot.reasons();
    reasons.sort(REASON_ORDER);
    if (decision == Decision.UNCLASSIFIED) {
      reasons.add(NO_RULE_DECIDED);
    }
    List<Suggestion> suggested = ballot.suggestions();
    suggested.sort(SUGGESTION_ORDER);
    List<Suggestion> remediations;
    if (ballot.mode().remediations().isEmpty()) {
      remediations = scope.once(List.copyOf(suggested));
    } else {
      remediations = new ArrayList<>();
      for (dev.failmode.model.Remediation declared : ballot.mode().remediations()) {
        remediations.add(Suggestion.declared(declared));
      }
      remediations.addAll(suggested);
    }
    return new Result(ballot.mode(), decision, status, scope.once(List.copyOf(reasons)), remediations, budget);
  }

  private static String modeOf(List<Object> objects) {
    for (Object o : objects) {
      if (o instanceof Verdict v) {
        return v.getId();
      }
      if (o instanceof Outcome outcome) {
        return outcome.getId();
      }
      if (o instanceof FailureMode mode) {
        return mode.fullId();
      }
    }
    return null;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
  }

  /**
   * Tells the rule scope which rule is firing, and counts firings per rule for the limit's message.
   * A match-level listener: an agenda listener would have Drools build an event object for every
   * match created and fired, a few hundred thousand in a large catalogue, for two of its calls.
   */
  private final class Firings implements RuleEventListener {
    private final RuleScope scope;
    private final Map<String, Integer> counts = new HashMap<>();

    Firings(RuleScope scope) {
      this.scope = scope;
    }

    @Override
    public void onBeforeMatchFire(Match match) {
      String id = rules.fullId(match.getRule());
      scope.enter(id);
      counts.merge(id, 1, Integer::sum);
    }

    @Override
    public void onAfterMatchFire(Match match) {
      scope.leave();
    }

    void reset() {
      counts.clear();
    }

    Map.Entry<String, Integer> mostFired() {
      return counts.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .orElse(Map.entry("?", 0));
    }
  }
}

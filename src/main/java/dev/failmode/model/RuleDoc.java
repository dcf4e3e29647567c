package dev.failmode.model;

/**
 * What a report says about a rule of the packs it was made with: its id and the metadata
 * written beside it in the DRL, for formats that describe rules (SARIF, docs).
 *
 * @param id the full id, {@code pack/rule}
 * @param kind verdict, note, suggestion or finding; empty when the rule does not say
 * @param source the DRL file it is in, as shown to users; empty for failmode's own notes
 */
public record RuleDoc(String id, String pack, String title, String description, String remediation, String kind, String source,
    int line) {

  /** The note failmode itself adds to a failure mode no rule decided. */
  public static final RuleDoc NO_RULE_DECIDED = new RuleDoc("failmode/no-rule-decided", "failmode",
      "No rule decided this failure mode",
      "No rule of the packs voted on this failure mode, so it is UNCLASSIFIED: never dropped, never silently OK. The notes on the "
          + "result say what to declare so the rules can decide it.",
      "Declare what the rules need (userImpact, a duration and an SLO, a tolerance), or add a rule that decides it.", "note", "", 0);
}

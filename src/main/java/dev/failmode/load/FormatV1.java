package dev.failmode.load;

import static dev.failmode.load.Shape.Field.optional;
import static dev.failmode.load.Shape.Field.required;

import dev.failmode.load.Shape.Type;
import dev.failmode.model.BlastRadius;
import dev.failmode.model.Cause;
import dev.failmode.model.Claim;
import dev.failmode.model.Detection;
import dev.failmode.model.Effect;
import dev.failmode.model.Maturity;
import dev.failmode.model.Phase;
import dev.failmode.model.RemediationStatus;
import dev.failmode.model.RemediationType;
import dev.failmode.model.Role;
import dev.failmode.model.Usage;
import dev.failmode.model.UserImpact;
import dev.failmode.model.Wire;
import java.util.List;

/**
 * Format v1 of failure-mode files as data: every key, its type, whether it is required and what
 * it means. The contract is {@code failure-modes-v1.md}; this is its one machine-readable copy.
 */
public final class FormatV1 {
  public static final String API_VERSION = "failmode/v1";
  public static final String API_GROUP = "failmode/";
  public static final String KIND = "FailureModes";
  /** Every apiVersion this build reads. */
  public static final List<String> SUPPORTED_API_VERSIONS = List.of(API_VERSION);

  public static final Shape INCIDENT = new Shape("incident", "A past incident of this failure mode.", List.of(
      required("id", Type.TEXT, "The incident's id in your tracker, e.g. INC-2041."),
      optional("date", Type.DATE, "When it happened, as an ISO date."),
      optional("summary", Type.TEXT, "What happened, in a line."),
      required("remediated", Type.BOOLEAN,
          "Was a remediation put in place afterwards? An incident left unremediated makes the failure mode NOT OK: "
              + "have each incident only once.")));

  public static final Shape REMEDIATION = new Shape("remediation", "A remediation that is in place or planned.", List.of(
      required("type", Type.ENUM, "What kind of remediation it is.").of(Wire.names(RemediationType.class)),
      required("description", Type.TEXT, "What is done, e.g. 'restart every envoy once an hour'."),
      optional("status", Type.ENUM, "How far it has got.").of(Wire.names(RemediationStatus.class)).withDefault("planned"),
      optional("ref", Type.TEXT, "A link or ticket for it.")));

  public static final Shape WAIVER = new Shape("waiver", "An explicit, owned, expiring acceptance of a NOT OK risk.", List.of(
      required("reason", Type.TEXT, "Why the risk is accepted, and until what."),
      required("owner", Type.TEXT, "Who accepted it."),
      required("expires", Type.DATE, "The last day it counts, as an ISO date; after it, the waiver is a finding and counts for nothing.")));

  public static final Shape FAILURE_MODE = new Shape("failure mode", "One way the component fails.", List.of(
      required("id", Type.KEBAB_ID, "Unique within the component; kebab-case, e.g. runtime-segfault."),
      required("description", Type.TEXT, "What happens, in a sentence."),
      required("effect", Type.ENUM, "What the failure does to the component.").of(Wire.names(Effect.class)),
      optional("phase", Type.ENUM, "When in the component's life it happens.").of(Wire.names(Phase.class)),
      optional("cause", Type.ENUM, "Why it happens.").of(Wire.names(Cause.class)),
      optional("duration", Type.DURATION, "How long one occurrence lasts until recovered: 30s, 5m, 2h, 1d."),
      optional("frequency", Type.FREQUENCY,
          "Expected occurrences: N/year, N/month, N/week or N/day, N at most 1000000. Without it, the failure is counted once per SLO window."),
      optional("userImpact", Type.ENUM, "What the users of the service see while it lasts.").of(Wire.names(UserImpact.class)),
      optional("detection", Type.ENUM, "How soon it is noticed.").of(Wire.names(Detection.class)),
      optional("blastRadius", Type.ENUM, "How far it reaches.").of(Wire.names(BlastRadius.class)),
      optional("tolerance", Type.DURATION, "Overrides the component's tolerance for this failure mode."),
      optional("claim", Type.ENUM, "What the team believes; a verdict that contradicts it is a finding.").of(Wire.names(Claim.class)),
      optional("incidents", Type.LIST, "Past incidents of this failure mode.").of(INCIDENT),
      optional("remediations", Type.LIST, "What is in place or planned.").of(REMEDIATION),
      optional("waiver", Type.OBJECT, "An explicit, owned, expiring risk acceptance.").of(WAIVER)));

  public static final Shape COMPONENT = new Shape("component", "A part of the system that can fail.", List.of(
      required("name", Type.NAME, "Unique within the file."),
      optional("software", Type.TEXT, "The product this component runs, e.g. envoy."),
      optional("version", Type.TEXT, "The version of that software; quote it (\"1.10\") so YAML keeps it as written."),
      optional("maturity", Type.ENUM, "How long this software has been run in production.").of(Wire.names(Maturity.class)),
      optional("usage", Type.ENUM, "How much the service relies on it.").of(Wire.names(Usage.class)),
      optional("role", Type.ENUM, "What it does in the system.").of(Wire.names(Role.class)),
      optional("stateless", Type.BOOLEAN, "Whether it keeps no state of its own."),
      optional("tolerance", Type.DURATION, "How long it can be broken before the users of the service notice."),
      required("failureModes", Type.LIST, "How it fails: at least one.").of(FAILURE_MODE)));

  public static final Shape METADATA = new Shape("metadata", "What this file describes.", List.of(
      required("name", Type.NAME, "The system or service this file describes; the first part of every failure mode's id."),
      optional("owner", Type.TEXT, "The team that owns it."),
      optional("description", Type.TEXT, "What it is, in a sentence.")));

  public static final Shape SLO = new Shape("slo", "The objective these failure modes threaten.", List.of(
      required("target", Type.TARGET, "A percent, written 99.99 or \"99.99%\": more than 0, less than 100, at most 10 decimals; under 1 only with its percent sign (0.999 reads as the fraction 99.9%)."),
      optional("window", Type.WINDOW, "The window in days: 7d, 28d, 30d, 90d, 365d or any Nd.").withDefault("365d")));

  public static final Shape FILE = new Shape("failure-mode file", "A system's components and the ways they fail, format v1.", List.of(
      required("apiVersion", Type.CONSTANT, "The format version.").of(SUPPORTED_API_VERSIONS),
      required("kind", Type.CONSTANT, "The kind of document.").of(List.of(KIND)),
      required("metadata", Type.OBJECT, "What this file describes.").of(METADATA),
      optional("slo", Type.OBJECT, "The SLO these failure modes threaten; without it, user-facing failures cannot be judged by the budget.").of(SLO),
      required("components", Type.LIST, "The system's components: at least one.").of(COMPONENT)));

  private FormatV1() {}
}

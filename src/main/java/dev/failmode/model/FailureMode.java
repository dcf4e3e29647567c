package dev.failmode.model;

import java.time.Duration;
import java.util.List;

/**
 * One way a component fails, as a team wrote it down. Unset optional fields are null; lists
 * are never null.
 *
 * @param system the system's name ({@code metadata.name} of the file)
 * @param component the name of the component it belongs to
 * @param id unique within the component, kebab-case
 * @param tolerance this mode's own tolerance, overriding the component's; null if not declared
 * @param location where the failure mode's entry starts in its file
 */
public record FailureMode(
    String system,
    String component,
    String id,
    String description,
    Effect effect,
    Phase phase,
    Cause cause,
    Duration duration,
    Frequency frequency,
    UserImpact userImpact,
    Detection detection,
    BlastRadius blastRadius,
    Duration tolerance,
    Claim claim,
    List<Incident> incidents,
    List<Remediation> remediations,
    Waiver waiver,
    Location location) {

  public FailureMode {
    incidents = List.copyOf(incidents);
    remediations = List.copyOf(remediations);
  }

  /** {@code system/component/id}: unique across every file of a run. */
  public String fullId() {
    return system + "/" + component + "/" + id;
  }

  /** Whether {@code text} is {@link #fullId()}, compared in place rather than by building the id again. */
  public boolean hasFullId(String text) {
    if (text == null || system == null || component == null || id == null) {
      return false;
    }
    int slash = system.length();
    int second = slash + 1 + component.length();
    return text.length() == second + 1 + id.length() && text.startsWith(system) && text.charAt(slash) == '/'
        && text.startsWith(component, slash + 1) && text.charAt(second) == '/' && text.startsWith(id, second + 1);
  }

  /** Whether any past incident of this mode was left without a remediation. */
  public boolean hasUnremediatedIncident() {
    for (Incident incident : incidents) { // a loop: the core pack asks it of every failure mode, most with no incidents
      if (!incident.remediated()) {
        return true;
      }
    }
    return false;
  }

  /** The ids (and dates, where known) of the incidents left without a remediation: {@code INC-2041 (2018-10-02)}. */
  public String unremediatedIncidents() {
    StringBuilder ids = new StringBuilder(); // a loop: the core pack asks it twice of every mode with such an incident
    for (Incident incident : incidents) {
      if (!incident.remediated()) {
        ids.append(ids.length() == 0 ? "" : ", ").append(incident.id());
        if (incident.date() != null) {
          ids.append(" (").append(incident.date()).append(')');
        }
      }
    }
    return ids.toString();
  }
}

package dev.failmode.load;

import dev.failmode.load.Node.Entry;
import dev.failmode.load.Node.Mapping;
import dev.failmode.load.Node.Scalar;
import dev.failmode.load.Node.Sequence;
import dev.failmode.load.Shape.Field;
import dev.failmode.model.BlastRadius;
import dev.failmode.model.Catalogue;
import dev.failmode.model.Cause;
import dev.failmode.model.Claim;
import dev.failmode.model.Component;
import dev.failmode.model.Detection;
import dev.failmode.model.Effect;
import dev.failmode.model.FailureMode;
import dev.failmode.model.Frequency;
import dev.failmode.model.Incident;
import dev.failmode.model.Location;
import dev.failmode.model.Maturity;
import dev.failmode.model.Metadata;
import dev.failmode.model.Phase;
import dev.failmode.model.Problem;
import dev.failmode.model.Remediation;
import dev.failmode.model.RemediationStatus;
import dev.failmode.model.RemediationType;
import dev.failmode.model.Role;
import dev.failmode.model.Slo;
import dev.failmode.model.Usage;
import dev.failmode.model.UserImpact;
import dev.failmode.model.Waiver;
import dev.failmode.model.Wire;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds a failure-mode document into model records: validates it against {@link FormatV1}, then
 * checks what a shape cannot say (unique component names and failure mode ids, a supported
 * apiVersion). A document with any problem binds to nothing.
 */
final class CatalogueBinder {
  private final String file;
  private final Problems problems = new Problems();
  private final ShapeReader reader;

  private CatalogueBinder(String file) {
    this.file = file;
    this.reader = new ShapeReader(file, problems);
  }

  /** The catalogue the document describes, or null; and every problem found in it. */
  record Bound(Catalogue catalogue, Problems problems) {}

  static Bound bind(Node root, String file) {
    CatalogueBinder binder = new CatalogueBinder(file);
    Catalogue catalogue = binder.catalogue(root);
    return new Bound(binder.problems.isEmpty() ? catalogue : null, binder.problems);
  }

  private Catalogue catalogue(Node root) {
    if (!(root instanceof Mapping document)) {
      problem(root.line(), root.column(), "", "expected a mapping with apiVersion, kind, metadata and components, found "
          + root.describe());
      return null;
    }
    Entry apiVersion = document.entries().get("apiVersion");
    if (apiVersion != null && apiVersion.value() instanceof Scalar scalar && scalar.kind() == Scalar.Kind.STRING
        && !FormatV1.SUPPORTED_API_VERSIONS.contains(scalar.text())) {
      // Another version's keys would only add noise: say what this build reads, and stop.
      problem(scalar.line(), scalar.column(), "apiVersion", "unsupported apiVersion '" + scalar.text() + "': this failmode reads "
          + String.join(", ", FormatV1.SUPPORTED_API_VERSIONS));
      return null;
    }
    Values doc = reader.read(document, FormatV1.FILE, "");
    Values metadata = doc.object("metadata");
    if (metadata == null) {
      metadata = Values.missing(file, "metadata"); // reported missing; keep checking the rest
    }
    String system = metadata.text("name");
    Slo slo = null;
    Values sloValues = doc.object("slo");
    if (sloValues != null) {
      Object window = sloValues.get("window");
      slo = new Slo((BigDecimal) sloValues.get("target"), window == null ? Slo.DEFAULT_WINDOW_DAYS : (Integer) window,
          sloValues.location());
    }
    List<Component> components = new ArrayList<>();
    Map<String, Values> componentNames = new HashMap<>();
    for (Values component : doc.list("components")) {
      String name = component.text("name");
      Values first = name == null ? null : componentNames.putIfAbsent(name, component);
      if (first != null) {
        problem(component.location("name"), component.path("name"), "duplicate component name '" + name
            + "': another component of this file has it, at line " + first.location("name").line() + ":"
            + first.location("name").column());
      }
      components.add(component(system, component));
    }
    Location location = metadata.location("name");
    return new Catalogue(file, (String) doc.get("apiVersion"),
        new Metadata(system, metadata.text("owner"), metadata.text("description")), slo, components, location);
  }

  private Component component(String system, Values v) {
    String name = v.text("name");
    List<FailureMode> modes = new ArrayList<>();
    Map<String, Values> ids = new HashMap<>();
    for (Values mode : v.list("failureModes")) {
      String id = mode.text("id");
      Values first = id == null ? null : ids.putIfAbsent(id, mode);
      if (first != null) {
        problem(mode.location("id"), mode.path("id"), "duplicate failure mode id '" + id + "' in component '" + name
            + "': it is also used at line " + first.location("id").line() + ":" + first.location("id").column());
      }
      modes.add(failureMode(system, name, mode));
    }
    return new Component(system, name, v.text("software"), v.text("version"), v.enumValue("maturity", Maturity.class),
        v.enumValue("usage", Usage.class), v.enumValue("role", Role.class), (Boolean) v.get("stateless"),
        (Duration) v.get("tolerance"), modes, v.location());
  }

  private FailureMode failureMode(String system, String component, Values v) {
    List<Incident> incidents = v.list("incidents").stream()
        .map(i -> new Incident(i.text("id"), (LocalDate) i.get("date"), i.text("summary"), Boolean.TRUE.equals(i.get("remediated")),
            i.location()))
        .toList();
    List<Remediation> remediations = v.list("remediations").stream()
        .map(r -> new Remediation(r.enumValue("type", RemediationType.class), r.text("description"),
            r.get("status") == null ? RemediationStatus.PLANNED : r.enumValue("status", RemediationStatus.class), r.text("ref"),
            r.location()))
        .toList();
    Values w = v.object("waiver");
    Waiver waiver = w == null ? null : new Waiver(w.text("reason"), w.text("owner"), (LocalDate) w.get("expires"), w.location());
    return new FailureMode(system, component, v.text("id"), v.text("description"), v.enumValue("effect", Effect.class),
        v.enumValue("phase", Phase.class), v.enumValue("cause", Cause.class), (Duration) v.get("duration"),
        (Frequency) v.get("frequency"), v.enumValue("userImpact", UserImpact.class), v.enumValue("detection", Detection.class),
        v.enumValue("blastRadius", BlastRadius.class), (Duration) v.get("tolerance"), v.enumValue("claim", Claim.class),
        incidents, remediations, waiver, v.location());
  }

  private void problem(Node node, String path, String message) {
    problem(node.line(), node.column(), path, message);
  }

  private void problem(int line, int column, String path, String message) {
    problems.add(new Problem(new Location(file, line, column), path, message));
  }

  private void problem(Location location, String path, String message) {
    problems.add(new Problem(location, path, message));
  }
}

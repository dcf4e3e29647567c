package dev.failmode.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an earlier run's JSON report said: each failure mode's verdict and status, and the
 * findings. Enough to take it as a baseline or to diff two runs, without the rules or the files.
 */
public record Snapshot(Map<String, Entry> results, List<FindingEntry> findings, String madeWith) {

  /** What a report was made with, as {@link #madeWith} says it: {@code failmode 0.1.0, core 1.0.0, envoy 1.0.0}. */
  public static String madeWith(String toolVersion, List<String> packs) {
    List<String> parts = new ArrayList<>();
    parts.add("failmode " + toolVersion);
    parts.addAll(packs.stream().sorted().toList());
    return String.join(", ", parts);
  }

  /** One failure mode of a report. */
  public record Entry(String id, String file, int line, String verdict, String status) {}

  /** One finding of a report. */
  public record FindingEntry(String kind, String id, String file, int line, String message) {
    String key() {
      return kind + " " + id;
    }
  }

  public Snapshot {
    results = new LinkedHashMap<>(results);
    findings = List.copyOf(findings);
  }

  /** Reads a report that {@code --format json} wrote; anything else is an {@link IllegalArgumentException} saying why. */
  public static Snapshot read(Path file) throws IOException {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":"
          + e.getLocation().getColumnNr()) + ": not JSON: " + e.getOriginalMessage());
    }
    if (json == null || !"failmode".equals(json.path("tool").path("name").asText()) || !json.path("results").isArray()) {
      throw new IllegalArgumentException(file + ": not a failmode JSON report (make one with --format json)");
    }
    Map<String, Entry> results = new LinkedHashMap<>();
    JsonNode resultList = json.path("results");
    for (int i = 0; i < resultList.size(); i++) {
      JsonNode r = resultList.get(i);
      String at = file + ": results[" + i + "]";
      String id = text(r, "id", at);
      String verdict = text(r, "verdict", at);
      if (!VERDICTS.contains(verdict)) {
        throw new IllegalArgumentException(at + ".verdict: '" + verdict + "' is not one of " + VERDICTS + notAReport());
      }
      JsonNode status = r.path("status");
      if (!status.isMissingNode() && !status.isNull() && !status.isTextual()) {
        throw new IllegalArgumentException(at + ".status: is neither text nor null" + notAReport());
      }
      if (status.isTextual() && !STATUSES.contains(status.asText())) {
        throw new IllegalArgumentException(at + ".status: '" + dev.failmode.model.Text.printable(status.asText()) + "' is not one of "
            + STATUSES + " or null" + notAReport());
      }
      Entry before = results.put(id, new Entry(id, text(r, "file", at), line(r, at), verdict, status.isTextual() ? status.asText() : null));
      if (before != null) {
        throw new IllegalArgumentException(at + ".id: '" + id + "' is there twice" + notAReport());
      }
    }
    List<FindingEntry> findings = new ArrayList<>();
    JsonNode findingList = json.path("findings");
    if (!findingList.isMissingNode() && !findingList.isArray()) {
      throw new IllegalArgumentException(file + ": findings: is not a list" + notAReport());
    }
    for (int i = 0; i < findingList.size(); i++) {
      JsonNode f = findingList.get(i);
      String at = file + ": findings[" + i + "]";
      findings.add(new FindingEntry(text(f, "kind", at), text(f, "id", at), text(f, "file", at), line(f, at),
          f.path("message").asText()));
    }
    List<String> packs = new ArrayList<>();
    for (JsonNode pack : json.path("packs")) {
      packs.add(pack.path("id").asText("?") + " " + pack.path("version").asText("?"));
    }
    return new Snapshot(results, findings, dev.failmode.model.Text.printable(madeWith(json.path("tool").path("version").asText("?"), packs)));
  }

  private static final List<String> VERDICTS = List.of("OK_TO_BREAK", "NOT_OK", "UNCLASSIFIED");
  private static final List<String> STATUSES = java.util.Arrays.stream(dev.failmode.model.Status.values())
      .map(dev.failmode.model.Wire::name).toList();

  /** The text at {@code key} of {@code node}, which must be there and be text. */
  private static String text(JsonNode node, String key, String at) {
    JsonNode value = node.path(key);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(at + "." + key + ": " + (value.isMissingNode() || value.isNull() ? "is missing"
          : value.isTextual() ? "is empty" : "is not text") + notAReport());
    }
    return value.asText();
  }

  /** The line at {@code key} "line" of {@code node}: a whole number, 0 when it has none. */
  private static int line(JsonNode node, String at) {
    JsonNode value = node.path("line");
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
      throw new IllegalArgumentException(at + ".line: is not a line number" + notAReport());
    }
    return value.asInt();
  }

  private static String notAReport() {
    return " (a failmode JSON report, made with --format json, has it)";
  }

  /** The keys of the violations this snapshot had under a policy (see {@link Violation#key()}). */
  public Set<String> violationKeys(Set<FailOn> failOn) {
    Set<String> keys = new HashSet<>();
    for (Entry entry : results.values()) {
      if (failOn.contains(FailOn.OPEN_NOT_OK) && "NOT_OK".equals(entry.verdict()) && "open".equals(entry.status())) {
        keys.add(FailOn.OPEN_NOT_OK + " " + entry.id());
      }
      if (failOn.contains(FailOn.UNCLASSIFIED) && "UNCLASSIFIED".equals(entry.verdict())) {
        keys.add(FailOn.UNCLASSIFIED + " " + entry.id());
      }
    }
    for (FindingEntry finding : findings) {
      FailOn.ofFinding(finding.kind()).filter(failOn::contains).ifPresent(kind -> keys.add(finding.key()));
    }
    return keys;
  }
}

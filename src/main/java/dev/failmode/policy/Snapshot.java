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
public record Snapshot(Map<String, Entry> results, List<FindingEntry> findings) {

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
      throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (json == null || !"failmode".equals(json.path("tool").path("name").asText()) || !json.path("results").isArray()) {
      throw new IllegalArgumentException(file + ": not a failmode JSON report (make one with --format json)");
    }
    Map<String, Entry> results = new LinkedHashMap<>();
    for (JsonNode r : json.path("results")) {
      String id = r.path("id").asText();
      results.put(id, new Entry(id, r.path("file").asText(), r.path("line").asInt(), r.path("verdict").asText(),
          r.path("status").isNull() ? null : r.path("status").asText(null)));
    }
    List<FindingEntry> findings = new ArrayList<>();
    for (JsonNode f : json.path("findings")) {
      findings.add(new FindingEntry(f.path("kind").asText(), f.path("id").asText(), f.path("file").asText(), f.path("line").asInt(),
          f.path("message").asText()));
    }
    return new Snapshot(results, findings);
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

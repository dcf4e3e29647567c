package dev.failmode.engine;

import java.util.Map;

/**
 * A rule of a loaded pack, as documentation and reports show it: its id, the metadata written
 * beside it in the DRL ({@code @id}, {@code @title}, {@code @description}...), and where it is.
 *
 * @param id the rule's id within its pack (its {@code @id}, else its name)
 * @param source the DRL file it is in, as shown to users
 * @param metadata every {@code @key(value)} written on the rule
 */
public record RuleInfo(String pack, String id, String name, String packageName, String source, int line,
    Map<String, String> metadata) {

  public RuleInfo {
    metadata = Map.copyOf(metadata);
  }

  /** {@code pack/id}: how reasons, findings and reports name the rule. */
  public String fullId() {
    return pack + "/" + id;
  }

  public String title() {
    return metadata.getOrDefault("title", "");
  }

  public String description() {
    return metadata.getOrDefault("description", "");
  }

  /** What reports say about the rule. */
  public dev.failmode.model.RuleDoc doc() {
    return new dev.failmode.model.RuleDoc(fullId(), pack, title(), description(), metadata.getOrDefault("remediation", ""),
        metadata.getOrDefault("kind", ""), source, line);
  }
}

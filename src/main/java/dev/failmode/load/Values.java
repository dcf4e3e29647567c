package dev.failmode.load;

import dev.failmode.model.Location;
import dev.failmode.model.Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML mapping validated against a {@link Shape}: the parsed value of each valid key (text,
 * Boolean, Duration, Frequency, BigDecimal, Integer, LocalDate, an enum's spelling, nested
 * Values or a list of them) and where each was written, so that checks made after validation
 * can still point at the line.
 */
public final class Values {
  private final String file;
  private final Node.Mapping node;
  private final String path;
  final Map<String, Object> values = new LinkedHashMap<>();

  Values(String file, Node.Mapping node, String path) {
    this.file = file;
    this.node = node;
    this.path = path;
  }

  /** The parsed value of {@code key}, or null when absent or invalid. */
  public Object get(String key) {
    return values.get(key);
  }

  public String text(String key) {
    return (String) values.get(key);
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    Object value = values.get(key);
    return value == null ? null : Wire.parse(type, (String) value).orElseThrow();
  }

  public Values object(String key) {
    return (Values) values.get(key);
  }

  @SuppressWarnings("unchecked")
  public List<Values> list(String key) {
    Object value = values.get(key);
    return value == null ? List.of() : (List<Values>) value;
  }

  @SuppressWarnings("unchecked")
  public List<String> texts(String key) {
    Object value = values.get(key);
    return value == null ? List.of() : (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  public Map<String, String> map(String key) {
    Object value = values.get(key);
    return value == null ? Map.of() : (Map<String, String>) value;
  }

  /** Where this mapping starts. */
  public Location location() {
    return new Location(file, node.line(), node.column());
  }

  /** Where {@code key} is written, else where the mapping starts. */
  public Location location(String key) {
    Node.Entry entry = node.entries().get(key);
    return entry == null ? location() : new Location(file, entry.line(), entry.column());
  }

  /**
   * Where item {@code index} of the list under {@code key} is written (a project's
   * {@code packs[1]}), else where {@code key} is.
   */
  public Location location(String key, int index) {
    Node.Entry entry = node.entries().get(key);
    if (entry != null && entry.value() instanceof Node.Sequence sequence && index >= 0 && index < sequence.items().size()) {
      Node item = sequence.items().get(index);
      return new Location(file, item.line(), item.column());
    }
    return location(key);
  }

  /**
   * Where the value of {@code entryKey} in the mapping under {@code key} is written (a project's
   * {@code parameters: {core.window-share: 30%}}), else where {@code key} is.
   */
  public Location location(String key, String entryKey) {
    Node.Entry entry = node.entries().get(key);
    if (entry != null && entry.value() instanceof Node.Mapping mapping && mapping.entries().get(entryKey) != null) {
      Node value = mapping.entries().get(entryKey).value();
      return new Location(file, value.line(), value.column());
    }
    return location(key);
  }

  /** The YAML path of {@code key} in this mapping, e.g. {@code components[0].name}. */
  public String path(String key) {
    return ShapeReader.join(path, key);
  }

  /** The YAML path of this mapping. */
  public String path() {
    return path;
  }

  /** An empty mapping standing in for one that is missing, so that checking can go on. */
  static Values missing(String file, String path) {
    return new Values(file, new Node.Mapping(1, 1), path);
  }
}
